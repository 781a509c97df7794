-- The charter as each round was sent for signature, and what changed since the round before.
ALTER TABLE onboarding ADD COLUMN charter_sent VARCHAR(20000);
ALTER TABLE onboarding ADD COLUMN charter_changes VARCHAR(20000);
