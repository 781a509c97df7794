-- Which node claimed an outbox entry, and in which run of that node, so a node that starts again
-- after a crash takes back the claims of its earlier run at once instead of waiting for them to
-- expire, and never the claims of its current run.
ALTER TABLE notification_outbox ADD COLUMN claimed_by VARCHAR(200);
ALTER TABLE notification_outbox ADD COLUMN claimed_in_run VARCHAR(36);
