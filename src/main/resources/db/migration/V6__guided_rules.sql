-- Rules built in the guided builder, kept with each version as definitions; their generated DRL is part of
-- the version's text, between marker comments.
ALTER TABLE rule_sets ADD COLUMN guided jsonb NOT NULL DEFAULT '[]'::jsonb;

-- The guided builder offers the fields that recent events of a type carried.
CREATE INDEX events_by_type ON events (type, received_at);
