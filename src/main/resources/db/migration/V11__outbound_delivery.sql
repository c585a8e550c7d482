-- Outbound delivery: every decision message in the outbox is planned into one delivery per channel
-- and target, each retried on its own until delivered, dead or suppressed.

-- The outbox now holds decision messages waiting to be planned, whatever their channels.
ALTER TABLE outbox RENAME COLUMN published_at TO planned_at;
ALTER INDEX outbox_pending RENAME TO outbox_unplanned;

-- The business's own endpoints, sent decisions as Standard Webhooks. Empty filters mean "all".
-- Messages are signed with every secret: two while the receiver moves to a rotated one.
CREATE TABLE webhook_endpoints (
    name        text        PRIMARY KEY CHECK (name ~ '^[a-z0-9][a-z0-9_-]{0,63}$'),
    url         text        NOT NULL CHECK (url ~ '^https?://'),
    secrets     text[]      NOT NULL CHECK (cardinality(secrets) BETWEEN 1 AND 2),
    kinds       text[]      NOT NULL DEFAULT '{}',
    campaigns   text[]      NOT NULL DEFAULT '{}',
    enabled     boolean     NOT NULL DEFAULT true,
    created_at  timestamptz NOT NULL
);

-- Email a campaign sends (Qute, HTML escaped by default, with a plain-text part). The row with
-- campaign '*' is the default for campaigns without their own.
CREATE TABLE message_templates (
    campaign    text        PRIMARY KEY,
    subject     text        NOT NULL,
    html        text        NOT NULL,
    text        text        NOT NULL,
    updated_by  text        NOT NULL,
    updated_at  timestamptz NOT NULL
);
INSERT INTO message_templates (campaign, subject, html, text, updated_by, updated_at) VALUES ('*',
'{#if decision.kind == ''offer''}An offer for you{#else}A reminder for you{/if}',
'<p>Hello,</p>
<p>{message}</p>
{#if offer.code??}<p>Use the code <strong>{offer.code}</strong>{#if offer.percentOff??} for {offer.percentOff}% off{/if}{#if offer.amountOff??} for {offer.amountOff} off{/if}.</p>{/if}
{#if expiresAt??}<p>Valid until {expiresAt}.</p>{/if}',
'Hello,

{message}
{#if offer.code??}
Use the code {offer.code}{#if offer.percentOff??} for {offer.percentOff}% off{/if}{#if offer.amountOff??} for {offer.amountOff} off{/if}.
{/if}
{#if expiresAt??}Valid until {expiresAt}.{/if}',
'beckon', now());

-- How to reach a customer: an email address, taken from the latest event data that carried one.
CREATE TABLE customer_contacts (
    customer_id  text        PRIMARY KEY,
    email        text,
    updated_at   timestamptz NOT NULL
);

-- A customer's opt-outs, per channel a decision reaches them on ('email', 'sms', ...) or 'all'.
CREATE TABLE customer_consent (
    customer_id  text        NOT NULL,
    channel      text        NOT NULL,
    opted_out    boolean     NOT NULL,
    source       text        NOT NULL,
    updated_at   timestamptz NOT NULL,
    PRIMARY KEY (customer_id, channel)
);

CREATE TABLE deliveries (
    id               bigserial   PRIMARY KEY,
    decision_id      uuid        NOT NULL,
    message_type     text        NOT NULL,
    channel          text        NOT NULL CHECK (channel IN ('rabbitmq', 'webhook', 'email')),
    target           text        NOT NULL,
    payload          json        NOT NULL,
    status           text        NOT NULL CHECK (status IN ('pending', 'delivered', 'dead', 'suppressed')),
    reason           text,
    attempts         integer     NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz,
    lease_until      timestamptz,
    created_at       timestamptz NOT NULL,
    retry_since      timestamptz NOT NULL,
    delivered_at     timestamptz,
    -- Planning twice (a crash after planning, before the outbox row was marked) adds nothing.
    UNIQUE (decision_id, message_type, channel, target)
);
CREATE INDEX deliveries_due ON deliveries (channel, next_attempt_at) WHERE status = 'pending';
CREATE INDEX deliveries_dead ON deliveries (id) WHERE status = 'dead';
CREATE INDEX deliveries_by_decision ON deliveries (decision_id);

-- Every attempt at a webhook or email delivery: when, how long, what came back.
CREATE TABLE delivery_attempts (
    delivery_id  bigint      NOT NULL REFERENCES deliveries (id),
    attempt      integer     NOT NULL,
    started_at   timestamptz NOT NULL,
    duration_ms  integer     NOT NULL,
    status_code  integer,
    error        text,
    PRIMARY KEY (delivery_id, attempt)
);
