-- A dispatch round takes each target's oldest due deliveries from its own slice of this index, and
-- skips from target to target through it, so a claim costs what it takes rather than a sort of the
-- whole backlog (1.1 s at 81,500 waiting with the window function it replaces). "C" collation: the
-- dispatcher's round-robin cursor compares targets as Java does.
CREATE INDEX deliveries_due_by_target ON deliveries (channel, (target COLLATE "C"), next_attempt_at, id)
    WHERE status = 'pending';
