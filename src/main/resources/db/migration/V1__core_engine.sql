-- Core engine schema: event store, customer profiles, rule sets, decisions, outbox, dead letters, access.

-- Every event Beckon accepted, exactly one row per event id (the id is the idempotency key).
CREATE TABLE events (
    id              text        PRIMARY KEY,
    type            text        NOT NULL,
    customer_id     text        NOT NULL,
    occurred_at     timestamptz NOT NULL,
    received_at     timestamptz NOT NULL,
    source          text,
    correlation_id  text,
    channel         text        NOT NULL,
    data            jsonb       NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX events_by_customer ON events (customer_id, received_at);
CREATE INDEX events_by_received ON events (received_at);

CREATE TABLE customer_profiles (
    customer_id     text          PRIMARY KEY,
    first_seen_at   timestamptz   NOT NULL,
    last_seen_at    timestamptz   NOT NULL,
    event_count     bigint        NOT NULL DEFAULT 0,
    event_counts    jsonb         NOT NULL DEFAULT '{}'::jsonb,
    lifetime_spend  numeric(19,4) NOT NULL DEFAULT 0,
    order_count     integer       NOT NULL DEFAULT 0,
    open_cart_value numeric(19,4) NOT NULL DEFAULT 0,
    currency        text,
    payment_count   integer       NOT NULL DEFAULT 0,
    payment_total   numeric(19,4) NOT NULL DEFAULT 0,
    countries       jsonb         NOT NULL DEFAULT '[]'::jsonb,
    updated_at      timestamptz   NOT NULL
);

CREATE TABLE rule_sets (
    version       integer     PRIMARY KEY,
    status        text        NOT NULL CHECK (status IN ('draft', 'published', 'archived')),
    drl           text        NOT NULL,
    comment       text,
    created_by    text        NOT NULL,
    created_at    timestamptz NOT NULL,
    published_by  text,
    published_at  timestamptz
);
-- At most one published version: publishing is one transaction that archives the old one.
CREATE UNIQUE INDEX rule_sets_one_published ON rule_sets ((status)) WHERE status = 'published';

CREATE TABLE decisions (
    id                uuid        PRIMARY KEY,
    kind              text        NOT NULL CHECK (kind IN ('offer', 'followup', 'escalation')),
    customer_id       text        NOT NULL,
    event_id          text        NOT NULL,
    rule_name         text        NOT NULL,
    rule_set_version  integer     NOT NULL,
    campaign          text,
    decided_at        timestamptz NOT NULL,
    details           jsonb       NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX decisions_by_customer ON decisions (customer_id, decided_at);
CREATE INDEX decisions_by_time ON decisions (decided_at);

-- Durable follow-ups: fired by a poller (FOR UPDATE SKIP LOCKED), cancelled by later events.
CREATE TABLE follow_ups (
    decision_id       uuid        PRIMARY KEY REFERENCES decisions (id),
    customer_id       text        NOT NULL,
    campaign          text        NOT NULL,
    due_at            timestamptz NOT NULL,
    message           text,
    cancel_on         text[]      NOT NULL DEFAULT '{}',
    offer             jsonb,
    status            text        NOT NULL CHECK (status IN ('pending', 'fired', 'cancelled', 'superseded')),
    closed_at         timestamptz,
    closed_by_event   text
);
CREATE INDEX follow_ups_due ON follow_ups (due_at) WHERE status = 'pending';
CREATE INDEX follow_ups_pending_by_customer ON follow_ups (customer_id) WHERE status = 'pending';

CREATE TABLE escalations (
    decision_id  uuid        PRIMARY KEY REFERENCES decisions (id),
    customer_id  text        NOT NULL,
    reason       text        NOT NULL,
    priority     text        NOT NULL CHECK (priority IN ('urgent', 'high', 'normal', 'low')),
    queue        text        NOT NULL,
    status       text        NOT NULL CHECK (status IN ('open', 'claimed', 'resolved')),
    opened_at    timestamptz NOT NULL
);
CREATE INDEX escalations_open ON escalations (priority, opened_at) WHERE status <> 'resolved';

-- Transactional outbox: written in the same transaction as the decision, relayed afterwards.
CREATE TABLE outbox (
    id            bigserial   PRIMARY KEY,
    decision_id   uuid        NOT NULL,
    destination   text        NOT NULL,
    routing_key   text        NOT NULL,
    payload       jsonb       NOT NULL,
    created_at    timestamptz NOT NULL,
    published_at  timestamptz,
    attempts      integer     NOT NULL DEFAULT 0,
    last_error    text
);
CREATE INDEX outbox_pending ON outbox (id) WHERE published_at IS NULL;

-- Messages that could not be processed, kept so an operator can inspect and replay them.
CREATE TABLE dead_letters (
    id              bigserial   PRIMARY KEY,
    message_key     text        NOT NULL UNIQUE,
    channel         text        NOT NULL,
    payload         text        NOT NULL,
    reason          text        NOT NULL,
    failures        integer     NOT NULL DEFAULT 1,
    first_failed_at timestamptz NOT NULL,
    last_failed_at  timestamptz NOT NULL,
    status          text        NOT NULL CHECK (status IN ('open', 'replayed')),
    replayed_at     timestamptz
);

CREATE TABLE api_keys (
    id          bigserial   PRIMARY KEY,
    name        text        NOT NULL,
    prefix      text        NOT NULL,
    key_hash    text        NOT NULL UNIQUE,
    created_at  timestamptz NOT NULL,
    revoked_at  timestamptz
);

CREATE TABLE console_users (
    username       text        PRIMARY KEY,
    password_hash  text        NOT NULL,
    roles          text        NOT NULL,
    created_at     timestamptz NOT NULL
);
