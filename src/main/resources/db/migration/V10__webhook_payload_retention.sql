-- The raw body of a verified delivery, as the sender signed it, for reading in the console's delivery log.
-- Kept only for beckon.webhooks.payload-retention: a scheduled purge sets it to null and keeps the row.
-- Unverified webhooks never reach this table, so their payloads are never stored.
ALTER TABLE webhook_deliveries ADD COLUMN payload bytea;
-- The purge looks only at deliveries that still hold a payload, oldest first.
CREATE INDEX webhook_deliveries_with_payload ON webhook_deliveries (received_at) WHERE payload IS NOT NULL;
