-- 0004: a purged interview stays known to the person it was about. After a sync the answers
-- leave this laptop and only a tombstone (no personal data) remains; without a link to the
-- respondent, the access report said "Entretiens : 0" to a person whose answers had been sent.
-- The link is the local respondent id (inside the vault); mode and completion date are what
-- the report tells the person. Tombstones written before this migration keep no link.
ALTER TABLE tombstone ADD COLUMN respondent_id INTEGER;
ALTER TABLE tombstone ADD COLUMN mode TEXT;
ALTER TABLE tombstone ADD COLUMN completed_at TEXT;
CREATE INDEX tombstone_respondent ON tombstone (respondent_id) WHERE respondent_id IS NOT NULL;
