-- A renewal review whose term ended with no decision: the engagement closed with it.
ALTER TABLE renewal_review DROP CONSTRAINT renewal_review_status;
ALTER TABLE renewal_review ADD CONSTRAINT renewal_review_status CHECK (status IN ('OPEN', 'RENEGOTIATING', 'RENEWED', 'EXIT', 'LAPSED'));
