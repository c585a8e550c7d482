-- How often each rule fired and decided, per hour: the console's rule statistics.
CREATE TABLE rule_firings (
    rule_name      text        NOT NULL,
    hour           timestamptz NOT NULL,
    firings        bigint      NOT NULL,
    decisions      bigint      NOT NULL,
    last_fired_at  timestamptz NOT NULL,
    PRIMARY KEY (rule_name, hour)
);
CREATE INDEX rule_firings_by_hour ON rule_firings (hour);
