using System.Data.Common;
using System.Text.Json;
using ContactOS.Storage.Dialects;

namespace ContactOS.Storage.Tenants;

/// <summary>Tenant rows in <c>contactos_tenants</c>; the same SQL serves SQLite and PostgreSQL.</summary>
internal sealed class AdoNetTenantDirectory(StorageDatabase database, TimeProvider timeProvider) : ITenantDirectory
{
    private const string SelectSql =
        """
        SELECT display_name, time_zone, language, created_at,
               reopen_window_hours, abandon_after_hours, low_confidence_threshold, fallback_intents, currency,
               agent_cost_per_hour_micros, cost_per_human_conversation_micros, monthly_budget_micros
        FROM contactos_tenants WHERE tenant_id = @tenant_id
        """;

    private const string UpsertSql =
        """
        INSERT INTO contactos_tenants (
            tenant_id, display_name, time_zone, language, created_at,
            reopen_window_hours, abandon_after_hours, low_confidence_threshold, fallback_intents, currency,
            agent_cost_per_hour_micros, cost_per_human_conversation_micros, monthly_budget_micros)
        VALUES (
            @tenant_id, @display_name, @time_zone, @language, @now,
            @reopen_window_hours, @abandon_after_hours, @low_confidence_threshold, @fallback_intents, @currency,
            @agent_cost_per_hour_micros, @cost_per_human_conversation_micros, @monthly_budget_micros)
        ON CONFLICT (tenant_id) DO UPDATE
        SET display_name = excluded.display_name, time_zone = excluded.time_zone, language = excluded.language,
            reopen_window_hours = excluded.reopen_window_hours, abandon_after_hours = excluded.abandon_after_hours,
            low_confidence_threshold = excluded.low_confidence_threshold, fallback_intents = excluded.fallback_intents,
            currency = excluded.currency, agent_cost_per_hour_micros = excluded.agent_cost_per_hour_micros,
            cost_per_human_conversation_micros = excluded.cost_per_human_conversation_micros,
            monthly_budget_micros = excluded.monthly_budget_micros
        """;

    /// <summary>Money is stored as a whole number of millionths: exact on both databases, whatever their decimal types.</summary>
    private const decimal MicrosPerUnit = 1_000_000m;

    public Task<TenantSettings> GetAsync(string tenantId, CancellationToken cancellationToken) =>
        database.RunAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = SelectSql;
            command.AddParameter("tenant_id", tenantId);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            return await reader.ReadAsync(cancellationToken)
                ? new TenantSettings(tenantId, reader.GetString(0), reader.GetString(1), reader.GetString(2), StoredTime.Read(reader, 3))
                {
                    Analytics = ReadAnalytics(reader),
                }
                : TenantSettings.Default(tenantId);
        }, cancellationToken);

    public async Task<TenantSettings> UpsertAsync(
        string tenantId, string displayName, string timeZone, string language, TenantAnalyticsSettings analytics,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(analytics);
        var agentCostPerHour = ToMicros(analytics.AgentCostPerHour, nameof(analytics.AgentCostPerHour));
        var costPerHumanConversation = ToMicros(analytics.CostPerHumanConversation, nameof(analytics.CostPerHumanConversation));
        var monthlyBudget = ToMicros(analytics.MonthlyBudget, nameof(analytics.MonthlyBudget));
        await database.RunAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = UpsertSql;
            command.AddParameter("tenant_id", tenantId);
            command.AddParameter("display_name", displayName);
            command.AddParameter("time_zone", timeZone);
            command.AddParameter("language", language);
            command.AddParameter("now", timeProvider.GetUtcNow().UtcDateTime);
            command.AddParameter("reopen_window_hours", analytics.ReopenWindowHours);
            command.AddParameter("abandon_after_hours", analytics.AbandonAfterHours);
            command.AddParameter("low_confidence_threshold", analytics.LowConfidenceThreshold);
            command.AddParameter("fallback_intents", JsonSerializer.Serialize(analytics.FallbackIntents));
            command.AddParameter("currency", analytics.Currency);
            command.AddParameter("agent_cost_per_hour_micros", agentCostPerHour);
            command.AddParameter("cost_per_human_conversation_micros", costPerHumanConversation);
            command.AddParameter("monthly_budget_micros", monthlyBudget);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);
        return await GetAsync(tenantId, cancellationToken);
    }

    private static TenantAnalyticsSettings ReadAnalytics(DbDataReader reader) => new(
        Convert.ToInt32(reader.GetValue(4), System.Globalization.CultureInfo.InvariantCulture),
        Convert.ToInt32(reader.GetValue(5), System.Globalization.CultureInfo.InvariantCulture),
        reader.GetDouble(6),
        JsonSerializer.Deserialize<string[]>(reader.GetString(7)) ?? [],
        reader.GetString(8),
        FromMicros(reader, 9),
        FromMicros(reader, 10),
        FromMicros(reader, 11));

    private static decimal? FromMicros(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetInt64(ordinal) / MicrosPerUnit;

    private static long? ToMicros(decimal? amount, string name)
    {
        if (amount is not { } value)
        {
            return null;
        }

        if (decimal.Round(value, 6) != value || Math.Abs(value) > long.MaxValue / MicrosPerUnit)
        {
            throw new ArgumentException($"{name} ({value}) must have at most 6 decimals and fit in 64 bits of millionths.", name);
        }

        return (long)(value * MicrosPerUnit);
    }
}
