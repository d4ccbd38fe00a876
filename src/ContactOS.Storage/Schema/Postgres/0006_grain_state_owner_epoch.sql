-- The membership version under which each state row was last written (docs/cluster.md, "Fencing"). A write from a
-- silo whose view of the membership is older than the row's is refused, so a silo that lost a grain (evicted, or
-- not yet aware that the grain moved) never overwrites what the grain's new owner wrote. One silo without cluster
-- membership always writes 0.
ALTER TABLE contactos_grain_state ADD COLUMN owner_epoch bigint NOT NULL DEFAULT 0;
