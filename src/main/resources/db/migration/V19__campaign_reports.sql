-- Campaign reports attribute goal events to decisions: for each decision of the period, the
-- customer's goal events in its window (a range scan on events_by_customer_type_time, made for
-- segments in V18); for each such event, the customer's last decision of the campaign before it.
CREATE INDEX decision_verdicts_by_campaign_customer ON decision_verdicts (campaign, customer_id, anchor_at);
