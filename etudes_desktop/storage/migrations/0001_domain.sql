-- 0001: the domain tables every feature shares. Applied in one transaction; user_version = 1.
-- Personal data (names, contacts, answers) live only in respondent, answer and call_attempt.note.

CREATE TABLE setting (
    key         TEXT PRIMARY KEY,
    value_json  TEXT NOT NULL
);

CREATE TABLE interviewer (
    id            INTEGER PRIMARY KEY CHECK (id = 1),
    display_name  TEXT NOT NULL,          -- the name respondents are told
    pseudonym     TEXT NOT NULL,          -- all that synced data carry
    created_at    TEXT NOT NULL
);

CREATE TABLE study (
    id                TEXT PRIMARY KEY,
    version           TEXT NOT NULL,
    title             TEXT NOT NULL,
    package_json      TEXT NOT NULL,      -- the validated study package (core.study.StudyPackage)
    imported_at       TEXT NOT NULL,
    delivery_date     TEXT,               -- ISO date; drives retention
    retention_months  INTEGER NOT NULL DEFAULT 6 CHECK (retention_months BETWEEN 0 AND 6),
    sample_mapping_json TEXT,
    closed_at         TEXT
);

CREATE TABLE commitment (
    study_id       TEXT NOT NULL REFERENCES study(id) ON DELETE CASCADE,
    pseudonym      TEXT NOT NULL,
    signed_name    TEXT NOT NULL,
    signed_on      TEXT NOT NULL,         -- the date typed/shown
    text_sha256    TEXT NOT NULL,
    signed_at      TEXT NOT NULL,
    PRIMARY KEY (study_id, pseudonym)
);

CREATE TABLE respondent (
    id             INTEGER PRIMARY KEY,
    study_id       TEXT NOT NULL REFERENCES study(id) ON DELETE CASCADE,
    sample_id      TEXT NOT NULL,
    title          TEXT,
    last_name      TEXT,
    first_name     TEXT,
    sex            TEXT,
    age            INTEGER,
    birth_date     TEXT,
    address        TEXT,
    postcode       TEXT,
    town           TEXT,
    phone          TEXT,
    phone2         TEXT,
    email          TEXT,
    profession     TEXT,
    attributes_json TEXT NOT NULL DEFAULT '{}',
    -- to_contact | in_progress | done | objected | do_not_contact | erased
    status         TEXT NOT NULL DEFAULT 'to_contact',
    created_at     TEXT NOT NULL,
    UNIQUE (study_id, sample_id)
);
CREATE INDEX respondent_study_name ON respondent (study_id, last_name, first_name);

CREATE TABLE interview (
    id              TEXT PRIMARY KEY,     -- UUID, the idempotency key across sync
    study_id        TEXT NOT NULL REFERENCES study(id) ON DELETE CASCADE,
    study_version   TEXT NOT NULL,
    respondent_id   INTEGER REFERENCES respondent(id) ON DELETE SET NULL,
    mode            TEXT NOT NULL,        -- face_to_face | phone | paper | group | internet
    -- draft | completed | sending | acknowledged | purged | objected | abandoned | rejected | conflict
    state           TEXT NOT NULL DEFAULT 'draft',
    position        TEXT,                 -- the page to resume on
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    completed_at    TEXT,
    content_sha256  TEXT,
    batch_id        TEXT,
    receipt_status  TEXT,
    receipt_reason  TEXT,
    attributes_json TEXT                  -- respondent attributes the study allows to leave, frozen at completion
);
CREATE INDEX interview_study_state ON interview (study_id, state);
CREATE INDEX interview_respondent ON interview (respondent_id);

CREATE TABLE answer (
    interview_id  TEXT NOT NULL REFERENCES interview(id) ON DELETE CASCADE,
    name          TEXT NOT NULL,          -- question name; repeats as name[i] paths
    value_json    TEXT NOT NULL,
    answered_at   TEXT NOT NULL,
    PRIMARY KEY (interview_id, name)
);

CREATE TABLE consent (
    id               INTEGER PRIMARY KEY,
    interview_id     TEXT NOT NULL REFERENCES interview(id) ON DELETE CASCADE,
    notice_id        TEXT NOT NULL,
    notice_version   TEXT NOT NULL,
    text_sha256      TEXT NOT NULL,
    mode             TEXT NOT NULL,
    interviewer      TEXT NOT NULL,       -- pseudonym
    delivered_at     TEXT NOT NULL,
    decided_at       TEXT,
    decision         TEXT                 -- agrees | objects | not_now
);
CREATE INDEX consent_interview ON consent (interview_id);

CREATE TABLE call_attempt (
    id               INTEGER PRIMARY KEY,
    study_id         TEXT NOT NULL REFERENCES study(id) ON DELETE CASCADE,
    respondent_id    INTEGER REFERENCES respondent(id) ON DELETE CASCADE,
    at               TEXT NOT NULL,
    outcome          TEXT NOT NULL,       -- no_answer | busy | answering_machine | wrong_number | appointment | refusal | interview
    aapor_code       TEXT NOT NULL,
    appointment_at   TEXT,
    interviewer      TEXT NOT NULL
);
CREATE INDEX call_attempt_appointment ON call_attempt (study_id, appointment_at);

CREATE TABLE tombstone (
    interview_id    TEXT PRIMARY KEY,
    study_id        TEXT NOT NULL,
    content_sha256  TEXT NOT NULL,
    batch_id        TEXT,
    receipt_status  TEXT NOT NULL,
    purged_at       TEXT NOT NULL
);

CREATE TABLE sync_log (
    id           INTEGER PRIMARY KEY,
    at           TEXT NOT NULL,
    study_id     TEXT,
    batch_id     TEXT,
    sent         INTEGER NOT NULL DEFAULT 0,
    accepted     INTEGER NOT NULL DEFAULT 0,
    duplicate    INTEGER NOT NULL DEFAULT 0,
    conflict     INTEGER NOT NULL DEFAULT 0,
    rejected     INTEGER NOT NULL DEFAULT 0,
    outcome      TEXT NOT NULL,
    duration_ms  INTEGER
);

CREATE TABLE audit (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    at            TEXT NOT NULL,
    event         TEXT NOT NULL,
    actor         TEXT,                  -- interviewer pseudonym
    object_ids_json TEXT NOT NULL DEFAULT '[]',
    counts_json   TEXT NOT NULL DEFAULT '{}'
);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;

CREATE TABLE suppression (
    study_id   TEXT NOT NULL,
    kind       TEXT NOT NULL,            -- sample_id | phone | email
    digest     TEXT NOT NULL,            -- HMAC-SHA256 hex with the vault's secret
    added_at   TEXT NOT NULL,
    PRIMARY KEY (study_id, kind, digest)
);
