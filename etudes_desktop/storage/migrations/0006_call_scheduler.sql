-- 0006: the phone scheduler (issue 15). Each call keeps how long it lasted and, when it set an
-- appointment, whether that is hard (this exact time, with the person) or soft (around then).
ALTER TABLE call_attempt ADD COLUMN duration_seconds INTEGER;
ALTER TABLE call_attempt ADD COLUMN appointment_kind TEXT;
UPDATE call_attempt SET appointment_kind = 'hard' WHERE appointment_at IS NOT NULL;
-- The rates read every call of a study, person by person.
CREATE INDEX call_attempt_study ON call_attempt (study_id, respondent_id, id);

-- Each person's call plan: rank (0 hard appointment, 1 soft appointment, 2 retry, 3 fresh,
-- 9 closed), the earliest moment they may be offered (UTC text, sorts as time does), the times
-- of day the next try may fall in (a bit mask of the study's slots, 0 for any) and their
-- territory (core.calls.territory: time zone and holidays). "Appel suivant" reads one index
-- entry per territory open now, rank and mask; whether the territory is in a calling window
-- is decided then. A plan is computed by the code (core.calls.plan) and marked stale by the
-- vault itself whenever what it depends on changes, whatever the caller.
CREATE TABLE call_plan (
    respondent_id  INTEGER PRIMARY KEY REFERENCES respondent(id) ON DELETE CASCADE,
    study_id       TEXT NOT NULL,
    territory      TEXT NOT NULL DEFAULT 'FR',
    rank           INTEGER NOT NULL DEFAULT 3,
    slots          INTEGER NOT NULL DEFAULT 0,
    due_at         TEXT NOT NULL DEFAULT '2000-01-01T00:00:00Z',
    attempts       INTEGER NOT NULL DEFAULT 0,
    stale          INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX call_plan_next ON call_plan (study_id, rank, territory, slots, due_at);
CREATE INDEX call_plan_stale ON call_plan (study_id) WHERE stale = 1;
INSERT INTO call_plan (respondent_id, study_id) SELECT id, study_id FROM respondent;

CREATE TRIGGER call_plan_new_person AFTER INSERT ON respondent
BEGIN
    INSERT INTO call_plan (respondent_id, study_id) VALUES (NEW.id, NEW.study_id);
END;
CREATE TRIGGER call_plan_person_changed AFTER UPDATE OF postcode, attributes_json, status ON respondent
BEGIN
    UPDATE call_plan SET stale = 1 WHERE respondent_id = NEW.id;
END;
CREATE TRIGGER call_plan_call_added AFTER INSERT ON call_attempt
BEGIN
    UPDATE call_plan SET stale = 1 WHERE respondent_id = NEW.respondent_id;
END;
CREATE TRIGGER call_plan_call_erased AFTER DELETE ON call_attempt
BEGIN
    UPDATE call_plan SET stale = 1 WHERE respondent_id = OLD.respondent_id;
END;
CREATE TRIGGER call_plan_interview_added AFTER INSERT ON interview WHEN NEW.respondent_id IS NOT NULL
BEGIN
    UPDATE call_plan SET stale = 1 WHERE respondent_id = NEW.respondent_id;
END;
CREATE TRIGGER call_plan_interview_changed AFTER UPDATE OF state ON interview WHEN NEW.respondent_id IS NOT NULL
BEGIN
    UPDATE call_plan SET stale = 1 WHERE respondent_id = NEW.respondent_id;
END;
CREATE TRIGGER call_plan_rules_changed AFTER UPDATE OF package_json ON study
BEGIN
    UPDATE call_plan SET stale = 1 WHERE study_id = NEW.id;
END;
