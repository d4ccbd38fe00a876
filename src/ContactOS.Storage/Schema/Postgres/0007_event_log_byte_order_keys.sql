-- The event log's text keys compare byte by byte (collation "C") instead of by the database's locale. Equality, the
-- only comparison anything makes on them (dedupe on (tenant_id, event_id), lookups by tenant and routing key), is
-- the same either way: a deterministic collation breaks ties bytewise, so no two ids that were distinct become equal.
-- Only the B-tree order changes, and nothing reads these columns in order. Under a locale such as en_US.UTF-8 (the
-- postgres image's default) every index comparison went through strcoll; measured on COPY of transactions of 1,000
-- rows into a log of 200,000, byte order took 30 % less server CPU per row and gave 1.3 times the rows/s
-- (docs/storage.md). A database created with the C locale, like the test server, sees no difference.
-- The table is not rewritten, but the unique constraint and the (tenant_id, routing_key, position) index are
-- rebuilt, under an exclusive lock on the log: on a large log, expect start-up to wait for that.
ALTER TABLE contactos_event_log
    ALTER COLUMN tenant_id   TYPE text COLLATE "C",
    ALTER COLUMN event_id    TYPE text COLLATE "C",
    ALTER COLUMN routing_key TYPE text COLLATE "C";
