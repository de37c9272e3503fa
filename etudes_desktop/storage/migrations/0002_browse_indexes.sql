-- 0002: indexes for the list views (storage/browse.py). Applied in one transaction, user_version = 2.
-- Respondents are listed by name within a study, filtered by status and searched by name,
-- sample id or town: the order and every one of those filters are read from this index alone,
-- so listing 100,000 people never reads the table (only the rows on screen are read from it).
CREATE INDEX respondent_browse ON respondent (study_id, last_name, first_name, id, status, sample_id, town);
-- It starts with the same columns as respondent_study_name, which it replaces (one index fewer
-- to maintain on every sample import).
DROP INDEX IF EXISTS respondent_study_name;

-- Counters per status (the studies list, the status filter's figures) without a sort.
CREATE INDEX respondent_study_status ON respondent (study_id, status);

-- Interviews are listed most recent first within a study, filterable by state.
CREATE INDEX interview_study_updated ON interview (study_id, updated_at, state);
