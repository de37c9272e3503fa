-- 0003: at most one interview per person and study; at most one open (draft) at a time.
-- A second draft for the same person used to start silently, and a leftover draft could be
-- resumed after the first interview was completed and synced. Existing vaults are mended
-- first: of a person's several drafts the most recently touched is kept, the others (and any
-- draft beside a finished interview) are ended as "abandoned" with their answers erased.
DELETE FROM answer WHERE interview_id IN (
    SELECT d.id FROM interview d
    WHERE d.state = 'draft' AND d.respondent_id IS NOT NULL AND EXISTS (
        SELECT 1 FROM interview o
        WHERE o.study_id = d.study_id AND o.respondent_id = d.respondent_id AND o.id != d.id
          AND (o.state NOT IN ('draft', 'abandoned')
               OR (o.state = 'draft' AND (o.updated_at > d.updated_at OR (o.updated_at = d.updated_at AND o.id > d.id))))));
UPDATE interview SET state = 'abandoned'
WHERE state = 'draft' AND respondent_id IS NOT NULL AND EXISTS (
    SELECT 1 FROM interview o
    WHERE o.study_id = interview.study_id AND o.respondent_id = interview.respondent_id AND o.id != interview.id
      AND (o.state NOT IN ('draft', 'abandoned')
           OR (o.state = 'draft' AND (o.updated_at > interview.updated_at
                                      OR (o.updated_at = interview.updated_at AND o.id > interview.id)))));

-- How far a draft went, for the interviews list: pages done out of the pages the person sees.
ALTER TABLE interview ADD COLUMN pages_done INTEGER;
ALTER TABLE interview ADD COLUMN pages_total INTEGER;

-- A person's latest call (its appointment shows on the person in the list).
CREATE INDEX call_attempt_respondent ON call_attempt (respondent_id, id);

CREATE UNIQUE INDEX interview_one_open ON interview (study_id, respondent_id)
    WHERE state = 'draft' AND respondent_id IS NOT NULL;

-- A new interview for a person who already has one (open, finished, objected or ended) is
-- refused by the vault itself, whatever the caller.
CREATE TRIGGER interview_one_per_person BEFORE INSERT ON interview
WHEN NEW.respondent_id IS NOT NULL AND EXISTS (
    SELECT 1 FROM interview WHERE study_id = NEW.study_id AND respondent_id = NEW.respondent_id)
BEGIN
    SELECT RAISE(ABORT, 'interview_exists');
END;
