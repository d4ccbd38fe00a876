import { describe, expect, it } from 'vitest';
import type { AgentActivityReport, AgentFigures, AgentLeaderboardReport, HeatmapReport } from '../api/types';
import { weekdays } from '../api/types';
import { testContext } from '../testing/chartContext';
import { countDataPoints } from './EChart';
import {
  activityOption,
  activityTotals,
  describeHeatmap,
  formatSortValue,
  hasNoHeatmapData,
  heatmapOption,
  heatmapPeak,
  leaderboardOption,
  sortValue,
} from './agentOptions';

const summary = (p50: number | null) => ({ count: p50 === null ? 0 : 3, mean: p50, p50, p90: p50, p95: p50, p99: p50 });

function agent(agentId: string, figures: Partial<AgentFigures>): AgentFigures {
  return {
    agentId,
    displayName: agentId.toUpperCase(),
    handled: 0,
    resolutions: 0,
    handleTime: summary(null),
    csat: { responses: 0, mean: null },
    onlineSeconds: 0,
    busySeconds: 0,
    occupancy: null,
    utilization: null,
    ...figures,
  };
}

const window = { period: '7d' as const, from: '2026-11-16T00:00:00+01:00', to: '2026-11-22T12:00:00+01:00' };

function leaderboard(sort: AgentLeaderboardReport['sort']): AgentLeaderboardReport {
  return {
    ...window,
    sort,
    agents: [
      agent('ana', { handled: 12, resolutions: 9, handleTime: summary(240), csat: { responses: 5, mean: 4.4 }, occupancy: 0.7 }),
      agent('luis', { handled: 8, resolutions: 7, handleTime: summary(90), occupancy: 0.55 }),
      agent('eva', { handled: 0, resolutions: 0 }),
    ],
  };
}

function heatmap(cell: (weekday: number, hour: number) => [number, number | null]): HeatmapReport {
  return {
    ...window,
    cells: weekdays.flatMap((weekday, day) =>
      Array.from({ length: 24 }, (_, hour) => {
        const [conversations, occupancy] = cell(day, hour);
        return { weekday, hour, conversations, occupancy };
      }),
    ),
  };
}

describe('the leaderboard', () => {
  it('charts the ranking figure of the agents that have one, in the leaderboard order', () => {
    const option = leaderboardOption(leaderboard('csat'), testContext());
    const [series] = option.series as { data: number[] }[];
    expect((option.yAxis as { data: string[] }).data).toEqual(['ANA']);
    expect(series?.data).toEqual([4.4]);
  });

  it('reads each sort key and formats it in its unit', () => {
    const ana = leaderboard('resolutions').agents[0]!;
    expect(sortValue(ana, 'handleTime')).toBe(240);
    expect(formatSortValue(240, 'handleTime', 'en-US')).toBe('4 min');
    expect(formatSortValue(0.7, 'occupancy', 'es-ES')).toBe('70,0\u00a0%');
    expect(formatSortValue(4.4, 'csat', 'en-US')).toBe('4.4');
    expect(formatSortValue(null, 'occupancy', 'en-US')).toBe('—');
    const option = leaderboardOption(leaderboard('handled'), testContext());
    expect(countDataPoints(option)).toBe(3);
  });
});

describe('the heatmap', () => {
  const busy = heatmap((day, hour) => [day === 1 && hour === 10 ? 42 : hour, hour >= 9 && hour < 18 ? hour / 20 : null]);

  it('draws every cell for conversations, zeros included, and leaves hours without agents blank for occupancy', () => {
    const context = testContext();
    expect(countDataPoints(heatmapOption(busy, 'conversations', context))).toBe(168);
    const occupancy = heatmapOption(busy, 'occupancy', context);
    const [series] = occupancy.series as { data: number[][] }[];
    expect(series?.data).toHaveLength(7 * 9);
    expect(series?.data.every(([hour]) => hour! >= 9 && hour! < 18)).toBe(true);
    expect((occupancy.visualMap as { max: number }).max).toBe(1);
  });

  it('labels weekdays from Monday in the language and hours on a 24-hour clock', () => {
    const option = heatmapOption(busy, 'conversations', testContext('es'));
    expect((option.yAxis as { data: string[] }).data[0]).toBe('lun');
    expect((option.xAxis as { data: string[] }).data.slice(0, 3)).toEqual(['00', '01', '02']);
  });

  it('says the busiest hour in words, for each mode', () => {
    expect(heatmapPeak(busy, 'conversations')).toMatchObject({ weekday: 'tuesday', hour: 10 });
    expect(describeHeatmap(busy, 'conversations', testContext())).toContain('Busiest hour: Tuesday 10:00–11:00, 42 conversations started.');
    expect(describeHeatmap(busy, 'occupancy', testContext('es'))).toContain('Ocupación más alta: lunes 17:00–18:00, 85,0\u00a0%.');
  });

  it('is empty without conversations or agent time', () => {
    expect(hasNoHeatmapData(heatmap(() => [0, null]))).toBe(true);
    expect(hasNoHeatmapData(heatmap((day, hour) => [0, day === 0 && hour === 0 ? 0 : null]))).toBe(false);
    expect(heatmapPeak(heatmap(() => [0, null]), 'conversations')).toBeNull();
  });
});

describe("an agent's day", () => {
  const day: AgentActivityReport = {
    agentId: 'ana',
    displayName: 'Ana',
    date: '2026-11-22',
    from: '2026-11-22T00:00:00+01:00',
    to: '2026-11-22T12:00:00+01:00',
    intervals: [
      { status: 'offline', from: '2026-11-22T00:00:00+01:00', to: '2026-11-22T08:30:00+01:00', seconds: 30_600 },
      { status: 'online', from: '2026-11-22T08:30:00+01:00', to: '2026-11-22T09:00:00+01:00', seconds: 1_800 },
      { status: 'busy', from: '2026-11-22T09:00:00+01:00', to: '2026-11-22T12:00:00+01:00', seconds: 10_800 },
    ],
    totals: [
      { status: 'online', seconds: 1_800 },
      { status: 'busy', seconds: 10_800 },
      { status: 'offline', seconds: 30_600 },
    ],
  };

  it('places each interval in its status lane, in hours since the local midnight', () => {
    const option = activityOption(day, testContext('en', 'Europe/Madrid'));
    const [series] = option.series as { data: number[][] }[];
    expect(series?.data).toEqual([
      [0, 8.5, 2, 30_600],
      [8.5, 9, 0, 1_800],
      [9, 12, 1, 10_800],
    ]);
    expect(countDataPoints(option)).toBe(3);
  });

  it('spans the whole local day, labelled in the tenant time zone, 23 hours when clocks go forward', () => {
    const option = activityOption(day, testContext('en', 'Europe/Madrid'));
    const axis = option.xAxis as { max: number; axisLabel: { formatter: (value: number) => string } };
    expect(axis.max).toBe(24);
    expect(axis.axisLabel.formatter(9)).toBe('09:00');
    const spring = activityOption({ ...day, date: '2026-03-29', from: '2026-03-29T00:00:00+01:00', intervals: [] }, testContext());
    expect((spring.xAxis as { max: number }).max).toBe(23);
  });

  it('totals each status, zeros included', () => {
    expect(activityTotals({ ...day, totals: [{ status: 'busy', seconds: 60 }] })).toEqual({ online: 0, busy: 60, offline: 0 });
  });
});
