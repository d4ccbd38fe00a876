-- Grains reload their history by routing key; recovery replays the whole log by position (the primary key), so the
-- per-tenant position index gives way to one on (tenant, routing key, position), keeping the write cost the same.
DROP INDEX IF EXISTS contactos_event_log_tenant_position;
CREATE INDEX contactos_event_log_tenant_key_position ON contactos_event_log (tenant_id, routing_key, position);
