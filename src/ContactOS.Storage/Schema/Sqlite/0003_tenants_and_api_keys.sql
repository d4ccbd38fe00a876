-- Tenants: one row per tenant that changed its settings or owns an API key. A tenant without a row has the
-- defaults (display name = id, time zone UTC); the id is the JWT `tenant` claim.
-- Timestamps are UTC text 'yyyy-MM-dd HH:mm:ss.fffffff', which sorts in time order.
CREATE TABLE contactos_tenants (
    tenant_id    TEXT NOT NULL PRIMARY KEY,
    display_name TEXT NOT NULL,
    time_zone    TEXT NOT NULL DEFAULT 'UTC',
    created_at   TEXT NOT NULL
);

-- Ingest API keys: only the SHA-256 of the key is kept (the key is shown once, at creation); prefix identifies it.
CREATE TABLE contactos_api_keys (
    key_id     TEXT NOT NULL PRIMARY KEY,
    tenant_id  TEXT NOT NULL REFERENCES contactos_tenants (tenant_id),
    name       TEXT NOT NULL,
    prefix     TEXT NOT NULL,
    key_hash   BLOB NOT NULL,
    created_at TEXT NOT NULL,
    revoked_at TEXT NULL
);

-- The authentication lookup (hot path) and the per-tenant listing.
CREATE UNIQUE INDEX contactos_api_keys_key_hash ON contactos_api_keys (key_hash);
CREATE INDEX contactos_api_keys_tenant ON contactos_api_keys (tenant_id, created_at);
