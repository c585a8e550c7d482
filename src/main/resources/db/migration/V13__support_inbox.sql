-- The support inbox: escalations are worked by people (claimed, assigned, noted, re-prioritised,
-- resolved with an outcome, reopened), each against a service level that runs from when the
-- escalation was opened or last reopened, as long as its priority allows.

ALTER TABLE escalations
    ADD COLUMN assignee         text,
    ADD COLUMN outcome          text CHECK (outcome IN ('refunded', 'goodwill_offer', 'no_action', 'fraud_confirmed')),
    ADD COLUMN resolved_at      timestamptz,
    ADD COLUMN resolved_by      text,
    ADD COLUMN sla_started_at   timestamptz,
    ADD COLUMN sla_breached_at  timestamptz;
UPDATE escalations SET sla_started_at = opened_at;
ALTER TABLE escalations ALTER COLUMN sla_started_at SET NOT NULL;

-- The SLA watch looks only at escalations whose service level is still running.
CREATE INDEX escalations_sla_running ON escalations (sla_started_at)
    WHERE status <> 'resolved' AND sla_breached_at IS NULL;
-- Delivery planning asks, per batch, which customers have an escalation still open.
CREATE INDEX escalations_open_by_customer ON escalations (customer_id) WHERE status <> 'resolved';

-- Everything that happened to an escalation, with who and when; notes are entries too. An entry
-- that rules should hear of carries the id of the event it becomes; the event relay submits it to
-- the ingest pipeline and marks it submitted (a crash in between resubmits the same id: a duplicate).
CREATE TABLE escalation_history (
    id                 bigserial   PRIMARY KEY,
    escalation_id      uuid        NOT NULL REFERENCES escalations (decision_id),
    at                 timestamptz NOT NULL,
    actor              text        NOT NULL,
    action             text        NOT NULL,
    details            jsonb       NOT NULL DEFAULT '{}'::jsonb,
    event_id           text        UNIQUE,
    event_type         text,
    event_submitted_at timestamptz,
    CHECK ((event_id IS NULL) = (event_type IS NULL))
);
CREATE INDEX escalation_history_by_escalation ON escalation_history (escalation_id, id);
CREATE INDEX escalation_history_unsubmitted ON escalation_history (id)
    WHERE event_id IS NOT NULL AND event_submitted_at IS NULL;
