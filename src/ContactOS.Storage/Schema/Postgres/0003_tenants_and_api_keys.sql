-- Tenants: one row per tenant that changed its settings or owns an API key. A tenant without a row has the
-- defaults (display name = id, time zone UTC); the id is the JWT `tenant` claim.
CREATE TABLE contactos_tenants (
    tenant_id    text        NOT NULL PRIMARY KEY,
    display_name text        NOT NULL,
    time_zone    text        NOT NULL DEFAULT 'UTC',
    created_at   timestamptz NOT NULL
);

-- Ingest API keys: only the SHA-256 of the key is kept (the key is shown once, at creation); prefix identifies it.
CREATE TABLE contactos_api_keys (
    key_id     text        NOT NULL PRIMARY KEY,
    tenant_id  text        NOT NULL REFERENCES contactos_tenants (tenant_id),
    name       text        NOT NULL,
    prefix     text        NOT NULL,
    key_hash   bytea       NOT NULL,
    created_at timestamptz NOT NULL,
    revoked_at timestamptz NULL
);

-- The authentication lookup (hot path) and the per-tenant listing.
CREATE UNIQUE INDEX contactos_api_keys_key_hash ON contactos_api_keys (key_hash);
CREATE INDEX contactos_api_keys_tenant ON contactos_api_keys (tenant_id, created_at);
