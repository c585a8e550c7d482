-- A sender that retries a webhook id it already delivered (it lost Beckon's answer) gets a success when
-- the body is the one accepted, and a conflict when it is not. Each delivery keeps the SHA-256 of its
-- raw body to tell the two apart; unlike the payload, the hash outlives the retention.
ALTER TABLE webhook_deliveries ADD COLUMN body_sha256 text;
UPDATE webhook_deliveries SET body_sha256 = encode(sha256(payload), 'hex') WHERE payload IS NOT NULL;
