import type { AgentSort, Language, Period } from './types';

/** One GET of the API: a path and its query string. */
export interface ApiRequest {
  path: string;
  query?: Record<string, string>;
}

/** The Overview tab's five charts. */
export const analyticsViews = ['resolution-split', 'handoff-reasons', 'top-intents', 'volume', 'sentiment-trend'] as const;
/** The second wave's reports, shown by the Operations, Quality and Costs tabs. */
export const reportViews = ['response-times', 'quality', 'intents', 'tools', 'drop-off', 'costs'] as const;
export type ReportView = (typeof reportViews)[number];
export type AnalyticsView = (typeof analyticsViews)[number] | ReportView;

/** The period the dashboard opens on. */
export const initialPeriod: Period = 'today';

/** The API's read endpoints as the dashboard calls them; the query hooks and the first screen's early requests share them. */
export const endpoints = {
  tenant: (): ApiRequest => ({ path: '/api/v2/tenant' }),
  agents: (): ApiRequest => ({ path: '/api/v2/agents' }),
  kpis: (period: Period): ApiRequest => ({ path: '/api/v2/analytics/kpis', query: { period } }),
  analytics: (view: AnalyticsView, period: Period): ApiRequest => ({ path: `/api/v2/analytics/${view}`, query: { period } }),
  leaderboard: (period: Period, sort: AgentSort): ApiRequest => ({
    path: '/api/v2/analytics/agents',
    query: { period, sort },
  }),
  heatmap: (period: Period): ApiRequest => ({ path: '/api/v2/analytics/heatmap', query: { period } }),
  activity: (agentId: string, date: string): ApiRequest => ({
    path: `/api/v2/agents/${encodeURIComponent(agentId)}/activity`,
    query: { date },
  }),
  journey: (conversationId: string): ApiRequest => ({
    path: `/api/v2/conversations/${encodeURIComponent(conversationId)}/journey`,
  }),
  insights: (period: Period, language: Language): ApiRequest => ({
    path: '/api/v2/analytics/insights',
    query: { period, lang: language },
  }),
};

/**
 * Everything the dashboard shows when it opens: the tenant and, on the Overview tab, the KPI strip, the five charts,
 * the roster and the insights. Another tab fetches its own reports when it mounts.
 */
export function firstScreenRequests(language: Language, overview = true): ApiRequest[] {
  if (!overview) {
    return [endpoints.tenant()];
  }
  return [
    endpoints.tenant(),
    endpoints.kpis(initialPeriod),
    ...analyticsViews.map((view) => endpoints.analytics(view, initialPeriod)),
    endpoints.agents(),
    endpoints.insights(initialPeriod, language),
  ];
}
