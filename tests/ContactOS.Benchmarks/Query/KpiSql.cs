namespace ContactOS.Benchmarks.Query;

/// <summary>
/// The one SQL statement that derives the six KPIs of docs/analytics.md from a table of raw events: the way the original
/// specifications computed them. The same text runs on PostgreSQL (<see cref="RawEventTable"/>) and on DuckDB
/// (<see cref="DuckDbEventTable"/>), so both baselines compute exactly the same thing.
/// </summary>
internal static class KpiSql
{
    /// <summary>The statement's time parameters besides <c>@tenant</c>, all UTC instants.</summary>
    public static readonly IReadOnlyList<string> TimeParameters = ["from", "to", "previous_from", "today", "tomorrow", "yesterday"];

    /// <summary>
    /// The six KPIs for [@from, @to) and the previous period [@previous_from, @from). The cohort rule: a conversation
    /// counts in the period of its start event, and it is resolved by AI when its latest resolution says "ai" and it was
    /// never handed off. Gauges take each conversation's latest status event; closed today takes its latest close.
    /// </summary>
    public const string Text =
        """
        WITH cohort AS (
            SELECT conversation_id, ts >= @from AS in_period
            FROM raw_events
            WHERE tenant_id = @tenant AND type = 'conversation.started' AND ts >= @previous_from AND ts < @to
        ),
        outcome AS (
            SELECT c.in_period,
                   EXISTS (SELECT 1 FROM raw_events h
                           WHERE h.tenant_id = @tenant AND h.conversation_id = c.conversation_id
                             AND h.type = 'handoff.requested') AS handed_off,
                   (SELECT r.by_whom FROM raw_events r
                    WHERE r.tenant_id = @tenant AND r.conversation_id = c.conversation_id AND r.type = 'conversation.resolved'
                    ORDER BY r.ts DESC, r.seq DESC LIMIT 1) AS resolved_by
            FROM cohort c
        ),
        started AS (
            SELECT count(*) FILTER (WHERE in_period) AS total,
                   count(*) FILTER (WHERE in_period AND resolved_by = 'ai' AND NOT handed_off) AS ai_resolved,
                   count(*) FILTER (WHERE NOT in_period) AS previous_total,
                   count(*) FILTER (WHERE NOT in_period AND resolved_by = 'ai' AND NOT handed_off) AS previous_ai_resolved
            FROM outcome
        ),
        status AS (
            SELECT count(*) FILTER (WHERE type = 'handoff.requested') AS pending,
                   count(*) FILTER (WHERE type IN ('conversation.started', 'agent.assigned')) AS active
            FROM (
                SELECT DISTINCT ON (conversation_id) type
                FROM raw_events
                WHERE tenant_id = @tenant
                  AND type IN ('conversation.started', 'handoff.requested', 'agent.assigned', 'conversation.resolved', 'conversation.closed')
                ORDER BY conversation_id, ts DESC, seq DESC
            ) latest
        ),
        closed AS (
            SELECT count(*) FILTER (WHERE closed_at >= @today AND closed_at < @tomorrow) AS today,
                   count(*) FILTER (WHERE closed_at < @today) AS yesterday
            FROM (
                SELECT max(ts) AS closed_at
                FROM raw_events
                WHERE tenant_id = @tenant AND type = 'conversation.closed' AND ts >= @yesterday
                GROUP BY conversation_id
            ) latest
        ),
        mood AS (
            SELECT avg(sentiment) FILTER (WHERE ts >= @from)::float8 AS satisfaction,
                   avg(sentiment) FILTER (WHERE ts < @from)::float8 AS previous_satisfaction
            FROM raw_events
            WHERE tenant_id = @tenant AND type = 'message' AND sentiment IS NOT NULL AND ts >= @previous_from AND ts < @to
        )
        SELECT total, previous_total, ai_resolved, previous_ai_resolved, pending, active, today, yesterday,
               satisfaction, previous_satisfaction
        FROM started, status, closed, mood
        """;

    /// <summary>The statement with DuckDB's parameter marks (<c>$name</c> instead of <c>@name</c>).</summary>
    public static string ForDuckDb() => Text.Replace('@', '$');
}
