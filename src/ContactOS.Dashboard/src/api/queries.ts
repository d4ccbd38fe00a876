import { useQuery, type QueryClient, type UseQueryResult } from '@tanstack/react-query';
import { useSession } from '../auth/SessionContext';
import { useLiveStatus } from '../live/LiveStatusContext';
import { requestJson } from './client';
import { endpoints, type AnalyticsView, type ApiRequest } from './endpoints';
import { takeArrived, takeStarted } from './firstLoad';
import type {
  AgentActivityReport,
  AgentLeaderboardReport,
  AgentRoster,
  AgentSort,
  CostsReport,
  DropOffReport,
  HandoffReasons,
  HeatmapReport,
  IntentsReport,
  Insights,
  Journey,
  KpiReport,
  Language,
  LiveMessage,
  Period,
  QualityReport,
  ResolutionSplit,
  ResponseTimesReport,
  SentimentTrend,
  Tenant,
  ToolsReport,
  TopIntents,
  VolumeSeries,
} from './types';

/** Polling intervals while the live connection is down; while it is up, the hub pushes changes instead. */
export const pollIntervalMs = 30_000;
export const insightsPollIntervalMs = 5 * 60_000;

interface AnalyticsResponses extends Record<AnalyticsView, unknown> {
  'resolution-split': ResolutionSplit;
  'handoff-reasons': HandoffReasons;
  'top-intents': TopIntents;
  volume: VolumeSeries;
  'sentiment-trend': SentimentTrend;
  'response-times': ResponseTimesReport;
  quality: QualityReport;
  intents: IntentsReport;
  tools: ToolsReport;
  'drop-off': DropOffReport;
  costs: CostsReport;
}

export type { AnalyticsView };
export type AnalyticsResponse<V extends AnalyticsView> = AnalyticsResponses[V];

/**
 * Every analytics key starts with ['analytics', period], so one period's data can be refreshed together: a live
 * change refetches the period's queries on screen (the open tab's) and marks the others stale for when their tab opens.
 */
export const queryKeys = {
  kpis: (period: Period) => ['analytics', period, 'kpis'] as const,
  analytics: (period: Period, view: AnalyticsView) => ['analytics', period, view] as const,
  insights: (period: Period, language: Language) => ['analytics', period, 'insights', language] as const,
  leaderboard: (period: Period, sort: AgentSort) => ['analytics', period, 'agents', sort] as const,
  heatmap: (period: Period) => ['analytics', period, 'heatmap'] as const,
  /** Figures of one agent's day or one conversation: not of a period, but refreshed with the period's on a live change. */
  activity: (agentId: string, date: string) => ['detail', 'activity', agentId, date] as const,
  journey: (conversationId: string) => ['detail', 'journey', conversationId] as const,
  agents: ['agents'] as const,
  tenant: ['tenant'] as const,
  demoTenants: ['demo-tenants'] as const,
};

function useApiQuery<T>(
  queryKey: readonly unknown[],
  request: ApiRequest,
  pollMs: number | false,
  enabled = true,
): UseQueryResult<T> {
  const { token } = useSession();
  const { state } = useLiveStatus();
  // Read by TanStack Query only when it creates the query, initialData first.
  let arrivedAt: number | undefined;
  return useQuery({
    queryKey,
    // A first-screen query created after the entry script's request was answered starts with that answer...
    initialData: () => {
      const arrived = takeArrived<T>(token, request);
      arrivedAt = arrived?.receivedAt;
      return arrived?.data;
    },
    initialDataUpdatedAt: () => arrivedAt,
    // ...and one created before takes the request's answer as its first fetch.
    queryFn: ({ signal }) =>
      takeStarted<T>(token, request) ?? requestJson<T>(request.path, { token, query: request.query, signal }),
    refetchInterval: state === 'live' ? false : pollMs,
    enabled,
  });
}

export function useTenant(): UseQueryResult<Tenant> {
  return useApiQuery<Tenant>(queryKeys.tenant, endpoints.tenant(), false);
}

export function useKpis(period: Period): UseQueryResult<KpiReport> {
  return useApiQuery<KpiReport>(queryKeys.kpis(period), endpoints.kpis(period), pollIntervalMs);
}

export function useAnalytics<V extends AnalyticsView>(view: V, period: Period): UseQueryResult<AnalyticsResponses[V]> {
  return useApiQuery<AnalyticsResponses[V]>(
    queryKeys.analytics(period, view),
    endpoints.analytics(view, period),
    pollIntervalMs,
  );
}

export function useInsights(period: Period, language: Language): UseQueryResult<Insights> {
  return useApiQuery<Insights>(
    queryKeys.insights(period, language),
    endpoints.insights(period, language),
    insightsPollIntervalMs,
  );
}

export function useLeaderboard(period: Period, sort: AgentSort): UseQueryResult<AgentLeaderboardReport> {
  return useApiQuery<AgentLeaderboardReport>(queryKeys.leaderboard(period, sort), endpoints.leaderboard(period, sort), pollIntervalMs);
}

export function useHeatmap(period: Period): UseQueryResult<HeatmapReport> {
  return useApiQuery<HeatmapReport>(queryKeys.heatmap(period), endpoints.heatmap(period), pollIntervalMs);
}

/** An agent's day; nothing is fetched until an agent is chosen. */
export function useAgentActivity(agentId: string | null, date: string): UseQueryResult<AgentActivityReport> {
  const request = endpoints.activity(agentId ?? '', date);
  return useApiQuery<AgentActivityReport>(queryKeys.activity(agentId ?? '', date), request, pollIntervalMs, agentId !== null);
}

/** A conversation's events; nothing is fetched until an id is asked for. */
export function useJourney(conversationId: string | null): UseQueryResult<Journey> {
  const request = endpoints.journey(conversationId ?? '');
  return useApiQuery<Journey>(queryKeys.journey(conversationId ?? ''), request, pollIntervalMs, conversationId !== null);
}

export function useAgents(): UseQueryResult<AgentRoster> {
  return useApiQuery<AgentRoster>(queryKeys.agents, endpoints.agents(), pollIntervalMs);
}

/** Puts the pushed KPIs and roster straight into the cache, so the cards change without a request. */
export function applyLiveMessage(queryClient: QueryClient, message: LiveMessage): void {
  queryClient.setQueryData(queryKeys.kpis(message.period), message.kpis);
  queryClient.setQueryData(queryKeys.agents, message.agents);
}

/**
 * Marks the period's charts and insights stale, with an agent's day and a conversation's journey, and refetches those
 * on screen; the KPIs are left alone because the hub keeps them current. A fetch already in flight (the first load,
 * when the snapshot arrives) is kept, not restarted.
 * With `olderThanMs`, charts fetched more recently than that are left alone too: the snapshot a fresh connection
 * gets must not fetch again, and redraw, the charts the page has only just drawn.
 */
export function refreshPeriodAnalytics(queryClient: QueryClient, period: Period, olderThanMs = 0): Promise<void> {
  const kpisKey = queryKeys.kpis(period);
  const cutoff = Date.now() - olderThanMs;
  const follows = (key: readonly unknown[]) =>
    key[0] === 'detail' || (key[0] === 'analytics' && key[1] === period && key[2] !== kpisKey[2]);
  return queryClient.invalidateQueries(
    {
      predicate: (query) => follows(query.queryKey) && (olderThanMs <= 0 || query.state.dataUpdatedAt < cutoff),
    },
    { cancelRefetch: false },
  );
}
