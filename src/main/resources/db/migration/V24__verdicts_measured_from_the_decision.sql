-- Campaign reports measure both groups from the decision (issue #15). Verdicts held for quiet hours
-- used to be anchored at the morning they were released, while held-out ones were anchored at the
-- decision: orders placed during the wait counted for the holdout only. Anchor the stored ones as
-- planning now does, at the follow-up's due time or the triggering event's time (the decision's
-- time when the event was erased), so no report compares groups measured from different moments.
UPDATE decision_verdicts v
SET anchor_at = coalesce(f.due_at, e.occurred_at, d.decided_at)
FROM decisions d
LEFT JOIN follow_ups f ON f.decision_id = d.id
LEFT JOIN events e ON e.id = d.event_id
WHERE d.id = v.decision_id AND v.held_until IS NOT NULL AND v.anchor_at = v.held_until;

COMMENT ON COLUMN decision_verdicts.anchor_at IS
    'When the decision was made (a follow-up''s due time, else the triggering event''s time), whatever the verdict: reports measure treatment and holdout from it';
