-- Which node claimed an outbox entry, so a node that restarts after a crash takes back its own
-- claims at once instead of waiting for them to expire.
ALTER TABLE notification_outbox ADD COLUMN claimed_by VARCHAR(200);
