-- Grain state: one row per grain; etag is the row version, bumped by every write.
-- fillfactor leaves room on each page so the frequent in-place updates stay HOT (no index churn).
CREATE TABLE contactos_grain_state (
    grain_type   text        NOT NULL,
    grain_key    text        NOT NULL,
    etag         bigint      NOT NULL,
    payload      bytea       NOT NULL,
    log_position bigint      NULL,
    updated_at   timestamptz NOT NULL,
    PRIMARY KEY (grain_type, grain_key)
) WITH (fillfactor = 80);

-- Durable reminders: fire at start_at, then every period_ms milliseconds.
CREATE TABLE contactos_reminders (
    grain_type text        NOT NULL,
    grain_key  text        NOT NULL,
    name       text        NOT NULL,
    start_at   timestamptz NOT NULL,
    period_ms  bigint      NOT NULL,
    etag       bigint      NOT NULL,
    PRIMARY KEY (grain_type, grain_key, name)
);
