-- How a source's payloads become Beckon events; null means the payloads already are Beckon events.
ALTER TABLE webhook_sources ADD COLUMN mapping jsonb;
