-- Senders that post webhooks to /hooks/{name}, each with its signature scheme and active secrets
-- (two while one is rotated). Secrets are needed in clear to check HMACs; they are never logged or returned.
CREATE TABLE webhook_sources (
    name        text        PRIMARY KEY CHECK (name ~ '^[a-z0-9][a-z0-9_-]{0,63}$'),
    scheme      text        NOT NULL CHECK (scheme IN ('standard', 'stripe', 'shopify', 'github')),
    secrets     text[]      NOT NULL CHECK (cardinality(secrets) BETWEEN 1 AND 2),
    enabled     boolean     NOT NULL DEFAULT true,
    created_at  timestamptz NOT NULL
);

-- Verified deliveries. A webhook whose signature fails leaves no row: only a counter and a log line.
CREATE TABLE webhook_deliveries (
    id           bigserial   PRIMARY KEY,
    source       text        NOT NULL,
    webhook_id   text        NOT NULL,
    received_at  timestamptz NOT NULL,
    status       text        NOT NULL CHECK (status IN ('accepted', 'rejected')),
    events       integer     NOT NULL DEFAULT 0,
    error        text
);
-- The sender's webhook id is the idempotency key: one accepted delivery per id and source.
CREATE UNIQUE INDEX webhook_deliveries_once ON webhook_deliveries (source, webhook_id) WHERE status = 'accepted';
CREATE INDEX webhook_deliveries_by_time ON webhook_deliveries (source, received_at DESC);
