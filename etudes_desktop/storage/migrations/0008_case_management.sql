-- 0008: case management from the collection office (issue 12). The people the server assigned
-- to this laptop are marked, so that only they are dropped when the server stops listing them
-- (a hand-imported person never is); what happens to a case (an objection, a completed
-- interview, a call) waits in an outbox until the server acknowledges it; the study's shared
-- suppression list (digests under the study's case key, no contact data) stops a later hand
-- import too. The case key itself is a setting (storage.assignment).
CREATE TABLE assigned_case (
    respondent_id  INTEGER PRIMARY KEY REFERENCES respondent(id) ON DELETE CASCADE,
    study_id       TEXT NOT NULL,
    case_digest    TEXT NOT NULL,         -- sync.case_protocol.case_digest of the sample id
    received_at    TEXT NOT NULL,
    -- 1: the office no longer lists them; kept while an interview with them is open or unsent,
    -- dropped at the first sync after it has gone (even when the assignment itself is unchanged)
    released       INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX assigned_case_study ON assigned_case (study_id);

-- Events of the cases, numbered in order and never renumbered (AUTOINCREMENT: an id is not
-- reused after a wipe), so the server keeps each once whatever the re-sends.
CREATE TABLE case_event (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    study_id         TEXT NOT NULL,
    case_digest      TEXT NOT NULL,
    kind             TEXT NOT NULL CHECK (kind IN ('objected', 'completed', 'call')),
    at               TEXT NOT NULL,
    interviewer      TEXT NOT NULL,       -- pseudonym
    disposition      TEXT,                -- a call's core.calls key
    suppression_json TEXT NOT NULL DEFAULT '[]',  -- an objection's suppression digests
    sent             INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX case_event_unsent ON case_event (study_id, id) WHERE sent = 0;

CREATE TABLE shared_suppression (
    study_id  TEXT NOT NULL,
    digest    TEXT NOT NULL,              -- sync.case_protocol.suppression_digest
    PRIMARY KEY (study_id, digest)
) WITHOUT ROWID;
