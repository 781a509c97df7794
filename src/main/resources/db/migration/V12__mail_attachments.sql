-- A document a mail carries (the signed minutes, the signed charter, a term's summary as PDF),
-- kept with the mail: a resend carries the same document, and the outbox stays the record of
-- what everyone was sent.
ALTER TABLE notification_outbox ADD COLUMN attachment_name VARCHAR(200);
ALTER TABLE notification_outbox ADD COLUMN attachment_type VARCHAR(100);
ALTER TABLE notification_outbox ADD COLUMN attachment BYTEA;
