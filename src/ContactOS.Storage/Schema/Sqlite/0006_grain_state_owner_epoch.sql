-- The membership version under which each state row was last written. A SQLite database serves one silo, which
-- always writes 0; the column keeps both dialects' statements the same.
ALTER TABLE contactos_grain_state ADD COLUMN owner_epoch INTEGER NOT NULL DEFAULT 0;
