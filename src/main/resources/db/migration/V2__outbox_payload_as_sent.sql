-- Outbox payloads are published byte for byte as Beckon wrote them: json keeps the text, where
-- jsonb would reorder keys and add spaces.
ALTER TABLE outbox ALTER COLUMN payload TYPE json USING payload::json;
