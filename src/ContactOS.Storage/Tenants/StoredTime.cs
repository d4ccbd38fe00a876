using System.Data.Common;

namespace ContactOS.Storage.Tenants;

/// <summary>Timestamps are written as UTC <see cref="DateTime"/>; SQLite reads them back unspecified, so say UTC.</summary>
internal static class StoredTime
{
    public static DateTimeOffset Read(DbDataReader reader, int ordinal) =>
        new(DateTime.SpecifyKind(reader.GetDateTime(ordinal), DateTimeKind.Utc));

    public static DateTimeOffset? ReadNullable(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : Read(reader, ordinal);
}
