-- 0007: focus groups (issue 14). A session gathers participants around a moderator; each
-- present participant gets a pseudonym at the door (P1..Pn) and one interview of mode `group`
-- holding their consent (agrees: their short questionnaire; objects: the objection, as for any
-- interview). First names are kept only while the session is open, to greet and to replace a
-- name typed in a note; they are erased when the session closes, and at once for an objector.
CREATE TABLE group_session (
    id                  TEXT PRIMARY KEY,     -- UUID, the idempotency key across sync
    study_id            TEXT NOT NULL REFERENCES study(id) ON DELETE CASCADE,
    held_on             TEXT NOT NULL,        -- ISO date
    place               TEXT NOT NULL,        -- a room, a town: never a person
    moderator           TEXT NOT NULL,        -- pseudonym
    notice_id           TEXT,
    notice_version      TEXT,
    notice_sha256       TEXT,
    notice_delivered_at TEXT,                 -- read aloud to the group
    state               TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'closed', 'sending', 'synced')),
    created_at          TEXT NOT NULL,
    closed_at           TEXT,
    batch_id            TEXT
);
CREATE INDEX group_session_study ON group_session (study_id, state);

CREATE TABLE group_participant (
    id             INTEGER PRIMARY KEY,
    session_id     TEXT NOT NULL REFERENCES group_session(id) ON DELETE CASCADE,
    respondent_id  INTEGER REFERENCES respondent(id) ON DELETE SET NULL,  -- planned from the sample
    first_name     TEXT,                      -- walk-ins: first name only; erased at close
    walk_in        INTEGER NOT NULL DEFAULT 0,
    arrived_at     TEXT,
    pseudonym      TEXT,                      -- given at the door, in order of arrival
    interview_id   TEXT REFERENCES interview(id) ON DELETE SET NULL,  -- holds the consent
    decision       TEXT CHECK (decision IN ('agrees', 'objects')),
    decided_at     TEXT,
    left_digests   TEXT,                      -- an objector's names as keyed digests (HMAC), so a name
                                              -- typed after they left is still taken out; erased at close
    UNIQUE (session_id, pseudonym)
);
CREATE INDEX group_participant_session ON group_participant (session_id);

CREATE TABLE group_note (
    id          INTEGER PRIMARY KEY,
    session_id  TEXT NOT NULL REFERENCES group_session(id) ON DELETE CASCADE,
    at          TEXT NOT NULL,
    theme       TEXT NOT NULL,
    pseudonyms  TEXT NOT NULL DEFAULT '',      -- who the note is about, « P1 P3 »
    text        TEXT NOT NULL                  -- names already replaced by pseudonyms
);
CREATE INDEX group_note_session ON group_note (session_id, id);

CREATE TABLE group_count (
    session_id   TEXT NOT NULL REFERENCES group_session(id) ON DELETE CASCADE,
    question     TEXT NOT NULL,
    present      INTEGER NOT NULL,
    counts_json  TEXT NOT NULL,                -- {choice: hands}
    at           TEXT NOT NULL,
    PRIMARY KEY (session_id, question)
);
