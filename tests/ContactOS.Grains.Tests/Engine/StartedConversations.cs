using ContactOS.Analytics.Events;
using ContactOS.Analytics.Periods;
using ContactOS.Grains.Queries;

namespace ContactOS.Grains.Tests.Engine;

/// <summary>The smallest traffic a pipeline test needs: conversations that start, and how many the tenant counts today.</summary>
internal static class StartedConversations
{
    /// <summary>Conversation <paramref name="conversationId"/> started five minutes before <paramref name="now"/>.</summary>
    public static ContactEvent Started(string conversationId, DateTimeOffset now) => new()
    {
        Id = $"{conversationId}-start",
        Type = EventTypes.ConversationStarted,
        Timestamp = now.AddMinutes(-5),
        ConversationId = conversationId,
    };

    /// <summary>The tenant's KPIs for today (UTC) as the API computes them.</summary>
    public static Task<KpiReport> TodayAsync(PipelineCluster cluster, string tenantId, DateTimeOffset now) =>
        TenantAnalytics.KpisAsync(cluster.Grains, tenantId, PeriodResolver.Resolve(PeriodResolver.Today, now, TimeZoneInfo.Utc), now);
}
