-- Campaigns group rules' decisions under a name the rules already use (decide.offer("cart-rescue")).
-- A decision of a campaign that is not live (a draft, paused, ended, or outside its dates) is still
-- made and recorded, and its deliveries are recorded as suppressed with the reason. Campaign names
-- rules use without a row here are unmanaged: their decisions are delivered as before.
CREATE TABLE campaigns (
    name        text        PRIMARY KEY CHECK (name ~ '^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$'),
    goal        text,
    starts_at   timestamptz,
    ends_at     timestamptz,
    status      text        NOT NULL CHECK (status IN ('draft', 'running', 'paused', 'ended')),
    created_by  text        NOT NULL,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL,
    CHECK (ends_at IS NULL OR starts_at IS NULL OR ends_at > starts_at)
);
