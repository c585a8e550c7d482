-- What a campaign promises its customers and its budget: the channels it may use, where its offer
-- codes come from, budgets, frequency caps, re-entry, quiet hours, its conversion window and
-- audience. Kept as one JSON document (see campaign/CampaignSettings), read whole by planning.
ALTER TABLE campaigns ADD COLUMN settings text NOT NULL DEFAULT '{}';

-- The rules every marketing message obeys, whatever its campaign: frequency caps across campaigns,
-- quiet hours in the customer's local time, and the time zone assumed when a customer has none.
-- One row, edited by marketers in the console or through /api/policy.
CREATE TABLE messaging_policy (
    id                 boolean     PRIMARY KEY DEFAULT true CHECK (id),
    caps               text        NOT NULL DEFAULT '[]',
    quiet_start        time,
    quiet_end          time,
    default_time_zone  text        NOT NULL DEFAULT 'UTC',
    updated_by         text,
    updated_at         timestamptz,
    CHECK ((quiet_start IS NULL) = (quiet_end IS NULL) AND (quiet_start IS NULL OR quiet_start <> quiet_end))
);
INSERT INTO messaging_policy (id) VALUES (true);

-- A customer's time zone, from the latest event that carried one (data.timeZone), for quiet hours.
ALTER TABLE customer_contacts ADD COLUMN time_zone text;

-- What became of every marketing decision (an offer, or a follow-up when it fired), decided once
-- when its deliveries are planned: sent (perhaps held for quiet hours first), held out as the
-- control group, or suppressed, with the reason. Frequency caps, budgets and re-entry count these
-- rows, the why-not view shows them, and conversion reports compare the groups they form.
CREATE TABLE decision_verdicts (
    decision_id     uuid          PRIMARY KEY,
    campaign        text          NOT NULL,
    kind            text          NOT NULL CHECK (kind IN ('offer', 'followup')),
    customer_id     text          NOT NULL,
    channel         text          NOT NULL,
    outcome         text          NOT NULL CHECK (outcome IN ('sent', 'held_out', 'suppressed')),
    reason          text,
    held_until      timestamptz,
    entry_key       text,
    offer           boolean       NOT NULL,
    offer_code      text,
    discount_value  numeric(19,4),
    -- Transactional campaigns neither obey nor use up frequency caps.
    capped          boolean       NOT NULL,
    -- When the customer was (or, held out, would have been) reached: attribution windows start here.
    anchor_at       timestamptz   NOT NULL,
    planned_at      timestamptz   NOT NULL
);
CREATE INDEX decision_verdicts_by_customer ON decision_verdicts (customer_id, planned_at);
CREATE INDEX decision_verdicts_by_campaign ON decision_verdicts (campaign, anchor_at);

-- Unique offer codes, generated or imported, each given to one offer exactly once: a code is taken
-- in the transaction that plans its offer, so a crash gives it back and two replicas never share it.
CREATE TABLE offer_codes (
    id           bigserial   PRIMARY KEY,
    campaign     text        NOT NULL REFERENCES campaigns (name) ON DELETE CASCADE,
    code         text        NOT NULL CHECK (length(code) BETWEEN 1 AND 64),
    added_at     timestamptz NOT NULL,
    decision_id  uuid        UNIQUE,
    customer_id  text,
    claimed_at   timestamptz,
    UNIQUE (campaign, code)
);
CREATE INDEX offer_codes_free ON offer_codes (campaign, id) WHERE decision_id IS NULL;

-- A delivery held for the customer's quiet hours waits, pending, until this time.
ALTER TABLE deliveries ADD COLUMN held_until timestamptz;
