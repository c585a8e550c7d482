-- Open escalations hold back only the messages decided after them (in each customer's order of
-- events): planning looks up where an escalation's decision message stands in the outbox, and which
-- of a customer's escalations were still open when a message was decided, resolved ones included.
CREATE INDEX outbox_by_decision ON outbox (decision_id);
CREATE INDEX escalations_by_customer ON escalations (customer_id, resolved_at);

-- Caps, re-entry and budgets count verdicts by when their message was decided (an offer) or fell due
-- (a follow-up that fired), not by when planning reached it, so a backlog or a crash changes no count.
ALTER TABLE decision_verdicts RENAME COLUMN planned_at TO decided_at;

-- Each planning round looks for fired follow-ups still held for quiet hours that the customer's
-- order called off (delivery/HeldMessages), including those with no delivery left to stop.
CREATE INDEX decision_verdicts_held_follow_ups ON decision_verdicts (held_until)
    WHERE kind = 'followup' AND outcome = 'sent' AND held_until IS NOT NULL;

-- A delivery delivers one outbox message: planning the same message twice (a crash after planning,
-- before the outbox row was marked) still adds nothing, while a second message of the same type for
-- the same decision (an escalation breaching its SLA again after a reopen) is delivered too. Before,
-- the key was the decision and message type, and the second breach was dropped as a duplicate.
ALTER TABLE deliveries ADD COLUMN outbox_id bigint;
ALTER TABLE deliveries DROP CONSTRAINT deliveries_decision_id_message_type_channel_target_key;
CREATE UNIQUE INDEX deliveries_once_per_message ON deliveries (outbox_id, channel, target);
