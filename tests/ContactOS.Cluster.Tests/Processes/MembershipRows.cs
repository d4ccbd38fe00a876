using Npgsql;

namespace ContactOS.Cluster.Tests.Processes;

/// <summary>Reads and changes the membership table behind the silos' backs, as an operator (or another silo) would.</summary>
internal sealed class MembershipRows(string connectionString)
{
    /// <summary>Status of each address's row ("active", "left", "dead").</summary>
    public async Task<Dictionary<string, string>> StatusesAsync()
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand("SELECT address, status FROM contactos_membership", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var statuses = new Dictionary<string, string>();
        while (await reader.ReadAsync())
        {
            statuses[reader.GetString(0)] = reader.GetString(1);
        }

        return statuses;
    }

    public async Task<string?> StatusAsync(string address) =>
        (await StatusesAsync()).GetValueOrDefault(address);

    /// <summary>Declares <paramref name="address"/> dead the way a silo would: row and version in one transaction.</summary>
    public async Task DeclareDeadAsync(string address)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            BEGIN;
            UPDATE contactos_membership SET status = 'dead' WHERE address = @address;
            UPDATE contactos_membership_version SET version = version + 1 WHERE id = 1;
            COMMIT;
            """, connection);
        command.Parameters.AddWithValue("address", address);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }
}
