-- The grains run on Microsoft Orleans from this version on. Their snapshots are stored in the Orleans serializer's
-- format, keyed by grain type and state name ("tenantaggregator/aggregator"), so the rows written before cannot be read:
-- they are removed, and each tenant's grains rebuild from the event log, which is kept whole, on their first activation.
-- Reminders are Orleans' own table (version 9); the table the product kept before is dropped.
DELETE FROM contactos_grain_state;
ALTER TABLE contactos_grain_state DROP COLUMN log_position;
ALTER TABLE contactos_grain_state DROP COLUMN owner_epoch;
DROP TABLE contactos_reminders;
