-- 0009: paper questionnaires keyed in batches and verified by double entry (issue 16).
-- A batch (study, operator pseudonym, date) holds numbered forms; a form number is unique in
-- its study. Each form with a ticked notice decision is one interview of mode `paper` whose
-- consent is that decision; a form whose notice box was not ticked is set aside (no interview).
-- Forms picked for verification are keyed again blind by another operator: those values stay
-- here (never in `answer`, never synced); the differences are resolved field by field, and the
-- errors attributed to the keyer or the verifier. The interview is completed (and so synced)
-- only once its form is verified, or when it was not picked.

-- How many forms are keyed twice, per study (a batch copies it and may change it).
CREATE TABLE paper_rate (
    study_id  TEXT PRIMARY KEY REFERENCES study(id) ON DELETE CASCADE,
    kind      TEXT NOT NULL CHECK (kind IN ('every', 'percent')),
    value     INTEGER NOT NULL CHECK (value BETWEEN 0 AND 100),  -- every n-th form, or n % at random
    seed      INTEGER NOT NULL
);

CREATE TABLE paper_batch (
    id          TEXT PRIMARY KEY,             -- UUID
    study_id    TEXT NOT NULL REFERENCES study(id) ON DELETE CASCADE,
    operator    TEXT NOT NULL,                -- the keyer's pseudonym
    keyed_on    TEXT NOT NULL,                -- ISO date
    rate_kind   TEXT NOT NULL CHECK (rate_kind IN ('every', 'percent')),
    rate_value  INTEGER NOT NULL CHECK (rate_value BETWEEN 0 AND 100),
    seed        INTEGER NOT NULL,
    created_at  TEXT NOT NULL
);
CREATE INDEX paper_batch_study ON paper_batch (study_id, keyed_on);

CREATE TABLE paper_form (
    id              INTEGER PRIMARY KEY,
    batch_id        TEXT NOT NULL REFERENCES paper_batch(id) ON DELETE CASCADE,
    study_id        TEXT NOT NULL REFERENCES study(id) ON DELETE CASCADE,
    form_number     TEXT NOT NULL,
    position        INTEGER NOT NULL,          -- order of keying in the batch (1, 2, ...)
    -- kept when the interview is purged after sync: the number stays taken, the figures stay
    interview_id    TEXT REFERENCES interview(id) ON DELETE SET NULL,
    notice          TEXT NOT NULL CHECK (notice IN ('agrees', 'objects', 'not_ticked')),
    -- keying: first keying under way; keyed: first keying saved, waits for its verifier;
    -- verifying: second keying under way; to_resolve: differences to resolve; done: completed
    -- (or objected); set_aside: cannot be completed (set_aside_reason says why)
    state           TEXT NOT NULL CHECK (state IN ('keying', 'keyed', 'verifying', 'to_resolve', 'done', 'set_aside')),
    set_aside_reason TEXT,
    verify          INTEGER NOT NULL DEFAULT 0,
    keyer           TEXT NOT NULL,
    verifier        TEXT,
    first_started_at  TEXT NOT NULL,
    first_saved_at    TEXT,
    first_fields      INTEGER NOT NULL DEFAULT 0,   -- fields the keyer validated
    second_started_at TEXT,
    second_saved_at   TEXT,
    second_fields     INTEGER NOT NULL DEFAULT 0,   -- fields the verifier validated
    keyer_errors      INTEGER NOT NULL DEFAULT 0,   -- differences resolved against the keyer
    verifier_errors   INTEGER NOT NULL DEFAULT 0,   -- ... against the verifier
    UNIQUE (study_id, form_number)
);
CREATE INDEX paper_form_batch ON paper_form (batch_id, position);
CREATE INDEX paper_form_interview ON paper_form (interview_id);

-- The verifier's values: answers, so they go with the interview (purge, retention, rights).
CREATE TABLE paper_second (
    interview_id  TEXT NOT NULL REFERENCES interview(id) ON DELETE CASCADE,
    name          TEXT NOT NULL,
    value_json    TEXT NOT NULL,
    PRIMARY KEY (interview_id, name)
) WITHOUT ROWID;

CREATE TABLE paper_difference (
    interview_id  TEXT NOT NULL REFERENCES interview(id) ON DELETE CASCADE,
    name          TEXT NOT NULL,
    ord           INTEGER NOT NULL,              -- questionnaire order
    first_json    TEXT,                          -- NULL: left blank (or skipped) by that keying
    second_json   TEXT,
    resolution    TEXT CHECK (resolution IN ('first', 'second', 'rekey')),
    final_json    TEXT,
    resolved_by   TEXT,
    resolved_at   TEXT,
    PRIMARY KEY (interview_id, name)
) WITHOUT ROWID;
