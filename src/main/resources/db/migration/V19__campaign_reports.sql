-- Campaign reports attribute goal events to decisions: for each decision of the period, the
-- customer's goal events in its window; for each such event, the customer's last decision of the
-- campaign before it. Both are range scans on these indexes.
CREATE INDEX events_by_customer_type_time ON events (customer_id, type, occurred_at);
CREATE INDEX decision_verdicts_by_campaign_customer ON decision_verdicts (campaign, customer_id, anchor_at);
