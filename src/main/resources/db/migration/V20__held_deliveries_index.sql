-- Each planning round looks for held follow-up deliveries the customer's order called off
-- (delivery/HeldFollowUps). They are few; without this index that look was a scan of every delivery.
CREATE INDEX deliveries_held ON deliveries (decision_id) WHERE status = 'pending' AND held_until IS NOT NULL;
