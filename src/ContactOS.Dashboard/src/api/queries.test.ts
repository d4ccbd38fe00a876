import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { applyLiveMessage, queryKeys, refreshPeriodAnalytics } from './queries';
import type { AgentRoster, KpiReport, LiveMessage } from './types';

const kpis: KpiReport = {
  period: 'today',
  from: '2026-11-22T00:00:00+00:00',
  to: '2026-11-22T12:00:00+00:00',
  aiResolutionRate: { value: 0.62, previous: 0.58 },
  totalConversations: { value: 1234, previous: 1100 },
  pending: { value: 7, previous: null },
  closedToday: { value: 300, previous: 280 },
  active: { value: 42, previous: null },
  satisfaction: { value: 3.9, previous: 4.1 },
};

const agents: AgentRoster = {
  agents: [{ agentId: 'a-1', displayName: 'Ana García', status: 'online', since: '2026-11-22T09:12:00+00:00' }],
  counts: { online: 1, busy: 0, offline: 0 },
};

describe('applyLiveMessage', () => {
  it('puts the pushed KPIs of its period and the roster into the cache', () => {
    const client = new QueryClient();
    const message: LiveMessage = { tenantId: 'acme', period: 'today', kpis, agents, at: '2026-11-22T12:00:00Z' };
    applyLiveMessage(client, message);
    expect(client.getQueryData(queryKeys.kpis('today'))).toEqual(kpis);
    expect(client.getQueryData(queryKeys.kpis('7d'))).toBeUndefined();
    expect(client.getQueryData(queryKeys.agents)).toEqual(agents);
  });
});

describe('refreshPeriodAnalytics', () => {
  it("marks the period's charts, insights, an agent's day and a journey stale but not its KPIs, other periods or the roster", async () => {
    const client = new QueryClient();
    const keys = [
      queryKeys.kpis('today'),
      queryKeys.analytics('today', 'volume'),
      queryKeys.analytics('today', 'handoff-reasons'),
      queryKeys.insights('today', 'en'),
      queryKeys.analytics('7d', 'volume'),
      queryKeys.leaderboard('today', 'csat'),
      queryKeys.heatmap('7d'),
      queryKeys.activity('maria', '2026-11-22'),
      queryKeys.journey('c1'),
      queryKeys.agents,
    ];
    keys.forEach((key) => client.setQueryData(key, {}));

    await refreshPeriodAnalytics(client, 'today');

    const stale = keys.filter((key) => client.getQueryState(key)?.isInvalidated).map((key) => key.join('/'));
    expect(stale).toEqual([
      'analytics/today/volume',
      'analytics/today/handoff-reasons',
      'analytics/today/insights/en',
      'analytics/today/agents/csat',
      'detail/activity/maria/2026-11-22',
      'detail/journey/c1',
    ]);
  });

  it('leaves charts fetched within the given age alone, so a fresh connection does not redraw what was just drawn', async () => {
    const client = new QueryClient();
    const fresh = queryKeys.analytics('today', 'volume');
    const old = queryKeys.analytics('today', 'top-intents');
    client.setQueryData(fresh, {});
    client.setQueryData(old, {}, { updatedAt: Date.now() - 10_000 });

    await refreshPeriodAnalytics(client, 'today', 2_000);

    expect(client.getQueryState(fresh)?.isInvalidated).toBe(false);
    expect(client.getQueryState(old)?.isInvalidated).toBe(true);
  });
});
