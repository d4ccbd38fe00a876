namespace ContactOS.Storage.Dialects;

/// <summary>
/// What Orleans' ADO.NET providers (clustering on PostgreSQL, reminders on both) need to reach the product's database:
/// the ADO.NET invariant they know it by and its connection string. Their tables and queries are part of the schema.
/// </summary>
public sealed record OrleansAdoNetSettings(string Invariant, string ConnectionString)
{
    /// <summary>True on PostgreSQL, the database a cluster of processes shares.</summary>
    public bool IsShared => Invariant == "Npgsql";
}
