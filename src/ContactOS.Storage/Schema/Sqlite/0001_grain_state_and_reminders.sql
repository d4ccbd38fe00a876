-- Grain state: one row per grain; etag is the row version, bumped by every write.
-- Timestamps are UTC text 'yyyy-MM-dd HH:mm:ss.fffffff', which sorts in time order.
CREATE TABLE contactos_grain_state (
    grain_type   TEXT    NOT NULL,
    grain_key    TEXT    NOT NULL,
    etag         INTEGER NOT NULL,
    payload      BLOB    NOT NULL,
    log_position INTEGER NULL,
    updated_at   TEXT    NOT NULL,
    PRIMARY KEY (grain_type, grain_key)
);

-- Durable reminders: fire at start_at, then every period_ms milliseconds.
CREATE TABLE contactos_reminders (
    grain_type TEXT    NOT NULL,
    grain_key  TEXT    NOT NULL,
    name       TEXT    NOT NULL,
    start_at   TEXT    NOT NULL,
    period_ms  INTEGER NOT NULL,
    etag       INTEGER NOT NULL,
    PRIMARY KEY (grain_type, grain_key, name)
);
