-- Orleans' ADO.NET reminder provider. It reads its SQL from OrleansQuery by key at start-up and runs it with named
-- parameters (@ServiceId, @GrainId, ...), reading result columns by name; table and column names are the ones the
-- provider expects, not our snake case. A SQLite database serves one silo, which uses no membership table (see
-- version 5), so only the reminder queries are here.
CREATE TABLE OrleansQuery (
    QueryKey  TEXT NOT NULL PRIMARY KEY,
    QueryText TEXT NOT NULL
);

-- Durable reminders of Orleans grains, per service. GrainHash is the grain's ring position as a signed 32-bit number;
-- the silo loads the reminders of its ring range with it. Version is the row's etag, bumped by every upsert.
-- StartTime is UTC text as Microsoft.Data.Sqlite writes a DateTime ('yyyy-MM-dd HH:mm:ss.FFFFFFF', no offset), which
-- it reads back as the same DateTime and the provider marks as UTC.
CREATE TABLE OrleansRemindersTable (
    ServiceId    TEXT    NOT NULL,
    GrainId      TEXT    NOT NULL,
    ReminderName TEXT    NOT NULL,
    StartTime    TEXT    NOT NULL,
    Period       INTEGER NOT NULL,
    GrainHash    INTEGER NOT NULL,
    Version      INTEGER NOT NULL,
    PRIMARY KEY (ServiceId, GrainId, ReminderName)
);

-- Range reads at silo start and on every refresh.
CREATE INDEX orleans_reminders_by_hash ON OrleansRemindersTable (ServiceId, GrainHash);

-- Range reads take the half-open ring arc (BeginHash, EndHash]: ReadRangeRows1Key when it does not wrap
-- (BeginHash < EndHash as signed numbers), ReadRangeRows2Key when it wraps past the largest hash.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
('UpsertReminderRowKey', '
INSERT INTO OrleansRemindersTable (ServiceId, GrainId, ReminderName, StartTime, Period, GrainHash, Version)
VALUES (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, 0)
ON CONFLICT (ServiceId, GrainId, ReminderName) DO UPDATE
SET StartTime = excluded.StartTime, Period = excluded.Period, GrainHash = excluded.GrainHash,
    Version = Version + 1
RETURNING Version'),

('ReadReminderRowKey', '
SELECT GrainId, ReminderName, StartTime, Period, Version
FROM OrleansRemindersTable
WHERE ServiceId = @ServiceId AND GrainId = @GrainId AND ReminderName = @ReminderName'),

('ReadReminderRowsKey', '
SELECT GrainId, ReminderName, StartTime, Period, Version
FROM OrleansRemindersTable
WHERE ServiceId = @ServiceId AND GrainId = @GrainId'),

('ReadRangeRows1Key', '
SELECT GrainId, ReminderName, StartTime, Period, Version
FROM OrleansRemindersTable
WHERE ServiceId = @ServiceId AND GrainHash > @BeginHash AND GrainHash <= @EndHash'),

('ReadRangeRows2Key', '
SELECT GrainId, ReminderName, StartTime, Period, Version
FROM OrleansRemindersTable
WHERE ServiceId = @ServiceId AND (GrainHash > @BeginHash OR GrainHash <= @EndHash)'),

-- Removes the reminder only at the etag the caller read, then answers with the count removed (0 is false): the
-- provider reads the one row of the second statement.
('DeleteReminderRowKey', '
DELETE FROM OrleansRemindersTable
WHERE ServiceId = @ServiceId AND GrainId = @GrainId AND ReminderName = @ReminderName AND Version = @Version;
SELECT changes() AS Removed'),

('DeleteReminderRowsKey', '
DELETE FROM OrleansRemindersTable WHERE ServiceId = @ServiceId');
