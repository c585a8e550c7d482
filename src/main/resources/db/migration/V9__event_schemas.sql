-- Registered event types: a JSON Schema for each version of a type's data. Versions only grow; events are
-- checked against the latest one, and a new version must keep what rules rely on in the one before.
-- json, not jsonb: the schema is shown and its fields offered in the order its author wrote them.
CREATE TABLE event_schemas (
    type        text        NOT NULL,
    version     integer     NOT NULL CHECK (version > 0),
    schema      json        NOT NULL,
    sample      json,
    comment     text,
    created_by  text        NOT NULL,
    created_at  timestamptz NOT NULL,
    PRIMARY KEY (type, version)
);

