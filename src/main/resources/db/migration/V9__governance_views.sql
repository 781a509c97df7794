-- The governance views (portfolio, timeline) link audit entries to the process instance that
-- made them, and read the latest figures per engagement.
ALTER TABLE audit_entry ADD COLUMN process_instance_id VARCHAR(64);
CREATE INDEX escalation_open_level ON escalation (status, engagement_id, level);
CREATE INDEX meeting_upcoming ON meeting (status, starts_at);
