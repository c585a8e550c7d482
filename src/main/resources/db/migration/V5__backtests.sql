-- Backtests: a draft run over stored events beside the baseline version; nothing is sent.
CREATE TABLE backtests (
    id                bigserial   PRIMARY KEY,
    draft_version     integer     NOT NULL,
    baseline_version  integer     NOT NULL,
    period_from       timestamptz NOT NULL,
    period_to         timestamptz NOT NULL,
    status            text        NOT NULL CHECK (status IN ('running', 'done', 'cancelled', 'failed')),
    total             bigint      NOT NULL DEFAULT 0,
    processed         bigint      NOT NULL DEFAULT 0,
    result            jsonb,
    error             text,
    created_by        text        NOT NULL,
    created_at        timestamptz NOT NULL,
    finished_at       timestamptz
);
