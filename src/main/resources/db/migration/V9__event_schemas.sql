-- Registered event types: a JSON Schema for each version of a type's data. Versions only grow; events are
-- checked against the latest one, and a new version must keep what rules rely on in the one before.
CREATE TABLE event_schemas (
    type        text        NOT NULL,
    version     integer     NOT NULL CHECK (version > 0),
    schema      jsonb       NOT NULL,
    sample      jsonb,
    comment     text,
    created_by  text        NOT NULL,
    created_at  timestamptz NOT NULL,
    PRIMARY KEY (type, version)
);

