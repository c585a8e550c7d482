-- Console sessions live on the server: the cookie only names one. Signing out ends it for good (a copy of the
-- cookie is refused afterwards), and the idle and absolute timeouts are checked against Beckon's clock.
-- Only a SHA-256 hash of the cookie's value is kept, so a copy of this table signs nobody in.
CREATE TABLE console_sessions (
    token_hash    text        PRIMARY KEY,
    username      text        NOT NULL REFERENCES console_users (username) ON DELETE CASCADE,
    remote        text,
    created_at    timestamptz NOT NULL,
    last_seen_at  timestamptz NOT NULL,
    ended_at      timestamptz,
    end_reason    text
);
CREATE INDEX console_sessions_open_by_user ON console_sessions (username) WHERE ended_at IS NULL;

-- A disabled user keeps their name (the audit log refers to it) but cannot sign in.
ALTER TABLE console_users ADD COLUMN disabled_at timestamptz;

-- API keys are scoped. Keys made before scopes existed could do everything: they keep the admin scope.
ALTER TABLE api_keys ADD COLUMN scopes text NOT NULL DEFAULT 'admin';
ALTER TABLE api_keys ALTER COLUMN scopes DROP DEFAULT;
ALTER TABLE api_keys ADD COLUMN created_by text;
ALTER TABLE api_keys ADD COLUMN last_used_at timestamptz;

-- Failed sign-ins are counted from the audit log, per user name and address.
CREATE INDEX audit_log_sign_ins ON audit_log (target, remote, at DESC) WHERE action IN ('login', 'login.failed');
