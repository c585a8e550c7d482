-- Scenario tests kept with the rule set: every one must pass before a version is published.
CREATE TABLE rule_scenarios (
    id          bigserial   PRIMARY KEY,
    name        text        NOT NULL UNIQUE,
    definition  jsonb       NOT NULL,
    created_by  text        NOT NULL,
    created_at  timestamptz NOT NULL,
    updated_by  text        NOT NULL,
    updated_at  timestamptz NOT NULL
);

-- Who did what, when and from where. Rows are only ever added.
CREATE TABLE audit_log (
    id        bigserial   PRIMARY KEY,
    at        timestamptz NOT NULL,
    actor     text        NOT NULL,
    action    text        NOT NULL,
    target    text,
    details   jsonb       NOT NULL DEFAULT '{}'::jsonb,
    remote    text
);
CREATE INDEX audit_log_by_time ON audit_log (at DESC);

CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only';
END
$$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();

-- Why a version went live (required on publish), kept apart from the draft's own comment.
ALTER TABLE rule_sets ADD COLUMN publish_comment text;
