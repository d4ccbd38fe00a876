-- Durable event log, the source of truth: one row per accepted event, in commit order.
-- position: the row id; AUTOINCREMENT so that a position is never handed out twice, even after the newest rows are
-- deleted (retention), since grain snapshots record positions. Gaps are normal.
-- Timestamps are UTC text 'yyyy-MM-dd HH:mm:ss.ffffff' (microseconds), which sorts in time order.
CREATE TABLE contactos_event_log (
    position    INTEGER PRIMARY KEY AUTOINCREMENT,
    tenant_id   TEXT    NOT NULL,
    event_id    TEXT    NOT NULL,
    routing_key TEXT    NOT NULL,
    event_time  TEXT    NOT NULL,
    received_at TEXT    NOT NULL,
    payload     BLOB    NOT NULL,
    CONSTRAINT contactos_event_log_event UNIQUE (tenant_id, event_id)
);

-- Replay of one tenant's events after a position.
CREATE INDEX contactos_event_log_tenant_position ON contactos_event_log (tenant_id, position);
