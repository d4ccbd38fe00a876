import type { Language, Period } from './types';

/** One GET of the API: a path and its query string. */
export interface ApiRequest {
  path: string;
  query?: Record<string, string>;
}

export const analyticsViews = ['resolution-split', 'handoff-reasons', 'top-intents', 'volume', 'sentiment-trend'] as const;
export type AnalyticsView = (typeof analyticsViews)[number];

/** The period the dashboard opens on. */
export const initialPeriod: Period = 'today';

/** The API's read endpoints as the dashboard calls them; the query hooks and the first screen's early requests share them. */
export const endpoints = {
  tenant: (): ApiRequest => ({ path: '/api/v2/tenant' }),
  agents: (): ApiRequest => ({ path: '/api/v2/agents' }),
  kpis: (period: Period): ApiRequest => ({ path: '/api/v2/analytics/kpis', query: { period } }),
  analytics: (view: AnalyticsView, period: Period): ApiRequest => ({ path: `/api/v2/analytics/${view}`, query: { period } }),
  insights: (period: Period, language: Language): ApiRequest => ({
    path: '/api/v2/analytics/insights',
    query: { period, lang: language },
  }),
};

/** Everything the dashboard shows when it opens: the tenant, the KPI strip, the five charts, the roster and the insights. */
export function firstScreenRequests(language: Language): ApiRequest[] {
  return [
    endpoints.tenant(),
    endpoints.kpis(initialPeriod),
    ...analyticsViews.map((view) => endpoints.analytics(view, initialPeriod)),
    endpoints.agents(),
    endpoints.insights(initialPeriod, language),
  ];
}
