-- The tenant's settings that the second-wave analytics read at query time (docs/analytics.md). Existing tenants get
-- the defaults: 24-hour reopen and abandonment windows, low confidence below 0.7, 'fallback' as the fallback intent,
-- US dollars, and no costs or budget. Money is kept in millionths of the currency (at most 6 decimals, exact on both
-- databases); null until set. The fallback intents are a JSON array of names.
ALTER TABLE contactos_tenants ADD COLUMN reopen_window_hours integer NOT NULL DEFAULT 24;
ALTER TABLE contactos_tenants ADD COLUMN abandon_after_hours integer NOT NULL DEFAULT 24;
ALTER TABLE contactos_tenants ADD COLUMN low_confidence_threshold double precision NOT NULL DEFAULT 0.7;
ALTER TABLE contactos_tenants ADD COLUMN fallback_intents text NOT NULL DEFAULT '["fallback"]';
ALTER TABLE contactos_tenants ADD COLUMN currency text NOT NULL DEFAULT 'USD';
ALTER TABLE contactos_tenants ADD COLUMN agent_cost_per_hour_micros bigint NULL;
ALTER TABLE contactos_tenants ADD COLUMN cost_per_human_conversation_micros bigint NULL;
ALTER TABLE contactos_tenants ADD COLUMN monthly_budget_micros bigint NULL;
