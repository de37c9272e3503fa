-- 0005: why an interview stays on the laptop, as a code (sync.protocol.ReasonCode), beside the
-- server's or the laptop's detail text. Screens chose their words by matching that text; a
-- reworded message changed what an interviewer read, and English users got a generic line.
ALTER TABLE interview ADD COLUMN receipt_code TEXT;
