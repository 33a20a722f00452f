-- the rate-limit plan a key spends (added after the first release of the table)
ALTER TABLE palisade_api_key ADD COLUMN IF NOT EXISTS rate_plan VARCHAR(64);
