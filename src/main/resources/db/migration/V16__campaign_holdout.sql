-- Each registered campaign keeps a control group: a stable share of customers, chosen by a hash of
-- campaign and customer, whose decisions are recorded as held out and not delivered, so the
-- campaign's effect can be measured against them.
ALTER TABLE campaigns ADD COLUMN holdout_percent numeric(5,2) NOT NULL DEFAULT 10
    CHECK (holdout_percent >= 0 AND holdout_percent <= 100);
