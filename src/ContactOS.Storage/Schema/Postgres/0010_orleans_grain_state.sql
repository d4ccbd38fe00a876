-- The grains run on Microsoft Orleans from this version on. Their snapshots are stored in the Orleans serializer's
-- format, keyed by grain type and state name ("tenantaggregator/aggregator"), so the rows written before cannot be read:
-- they are removed, and each tenant's grains rebuild from the event log, which is kept whole, on their first activation.
-- Reminders and cluster membership are Orleans' own tables (version 9); the tables the product kept before are dropped.
DELETE FROM contactos_grain_state;
ALTER TABLE contactos_grain_state DROP COLUMN log_position;
ALTER TABLE contactos_grain_state DROP COLUMN owner_epoch;
DROP TABLE contactos_reminders;
DROP TABLE contactos_membership;
DROP TABLE contactos_membership_version;
