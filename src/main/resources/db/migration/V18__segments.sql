-- Segments: named sets of customers, defined by conditions on the profile and on past events
-- (dev.beckon.segment.SegmentDefinition, kept as JSON), whose members are stored rather than
-- computed when asked. Rules (Profile.inSegment), campaign audiences and the console read the stored
-- members, so reading is one index lookup; the refresher (SegmentRefresher) keeps them up to date
-- away from the ingest path.
CREATE TABLE segments (
    name                text        PRIMARY KEY CHECK (name ~ '^[a-z0-9][a-z0-9_-]{0,63}$'),
    description         text,
    definition          jsonb       NOT NULL,
    created_by          text        NOT NULL,
    created_at          timestamptz NOT NULL,
    updated_by          text        NOT NULL,
    updated_at          timestamptz NOT NULL,
    -- When every customer was last evaluated; NULL until the first time (a new or changed
    -- definition), which the refresher then does first. Time windows ("in the last 7 days") age out
    -- only at a full evaluation, so this also says how stale an aged-out member can be.
    refreshed_at        timestamptz,
    -- Events received up to here have been applied; the refresher evaluates the customers of
    -- events received since, so a busy segment stays current without evaluating everyone.
    evaluated_through   timestamptz,
    member_count        integer     NOT NULL DEFAULT 0
);

-- One row per member. "since" is when the customer last became a member, kept across refreshes.
CREATE TABLE segment_members (
    segment      text        NOT NULL REFERENCES segments (name) ON DELETE CASCADE,
    customer_id  text        NOT NULL,
    since        timestamptz NOT NULL,
    PRIMARY KEY (segment, customer_id)
);
-- The ingest path loads the segments of a batch's customers (for Profile.inSegment) in one query.
CREATE INDEX segment_members_by_customer ON segment_members (customer_id);

-- Event conditions count a customer's events of one type since a moment ("2 orders in 30 days"):
-- without this, each evaluated customer's events would be read in full.
CREATE INDEX events_by_customer_type_time ON events (customer_id, type, occurred_at);
