import type { TooltipComponentFormatterCallbackParams } from 'echarts';
import {
  weekdays,
  type AgentActivityReport,
  type AgentFigures,
  type AgentLeaderboardReport,
  type AgentSort,
  type AgentStatus,
  type HeatmapCell,
  type HeatmapReport,
} from '../api/types';
import {
  formatClock,
  formatCount,
  formatDuration,
  formatHour,
  formatOneDecimal,
  formatPercent,
  formatPercentAxis,
  formatWeekday,
  localDayHours,
  missingValue,
} from '../format/format';
import type { HeatmapMode } from '../i18n/agentViewsText';
import type { ChartOption } from './echarts';
import { baseOption, categoryAxisStyle, horizontalBarOption, tooltipStyle, valueAxisStyle, type ChartContext } from './options';
import { maxBars } from './reportOptions';

// The option builders of the agent leaderboard, the weekday × hour heatmap and an agent's day (Operations tab).

// Leaderboard

export function hasNoAgentFigures(data: AgentLeaderboardReport): boolean {
  return data.agents.length === 0;
}

/** The figure the leaderboard is ranked by; null where the agent has none (ranked last, left out of the chart). */
export function sortValue(agent: AgentFigures, sort: AgentSort): number | null {
  switch (sort) {
    case 'resolutions':
      return agent.resolutions;
    case 'handled':
      return agent.handled;
    case 'csat':
      return agent.csat.mean;
    case 'handleTime':
      return agent.handleTime.p50;
    case 'occupancy':
      return agent.occupancy;
  }
}

/** The ranking figure as the table shows it: a count, a mean CSAT, a duration or a percentage. */
export function formatSortValue(value: number | null, sort: AgentSort, locale: string): string {
  if (value === null) {
    return missingValue;
  }
  switch (sort) {
    case 'resolutions':
    case 'handled':
      return formatCount(value, locale);
    case 'csat':
      return formatOneDecimal(value, locale);
    case 'handleTime':
      return formatDuration(value, locale);
    case 'occupancy':
      return formatPercent(value, locale);
  }
}

/** The leaderboard's top {@link maxBars} agents that have the ranking figure, in the leaderboard's order. */
export function leaderboardOption(data: AgentLeaderboardReport, context: ChartContext): ChartOption {
  const ranked = data.agents.filter((agent) => sortValue(agent, data.sort) !== null).slice(0, maxBars);
  return horizontalBarOption(
    ranked.map((agent) => agent.displayName),
    ranked.map((agent) => sortValue(agent, data.sort) ?? 0),
    context.t.agentViews.leaderboard.sorts[data.sort],
    data.sort === 'handleTime' ? context.palette.human : context.palette.ai,
    context,
    (value) => formatSortValue(value, data.sort, context.locale),
  );
}

// Heatmap

export function hasNoHeatmapData(data: HeatmapReport): boolean {
  return data.cells.every((cell) => cell.conversations === 0 && cell.occupancy === null);
}

function cellValue(cell: HeatmapCell, mode: HeatmapMode): number | null {
  return mode === 'conversations' ? cell.conversations : cell.occupancy;
}

/** The cell with the most conversations, or the highest occupancy; the earliest in the week on a tie; null if none. */
export function heatmapPeak(data: HeatmapReport, mode: HeatmapMode): HeatmapCell | null {
  let peak: HeatmapCell | null = null;
  for (const cell of data.cells) {
    const value = cellValue(cell, mode);
    if (value !== null && value > 0 && (peak === null || value > (cellValue(peak, mode) ?? 0))) {
      peak = cell;
    }
  }
  return peak;
}

/** "Tuesday 10:00-11:00": a cell's weekday and hour in the locale. */
export function heatmapCellName(cell: Pick<HeatmapCell, 'weekday' | 'hour'>, locale: string): string {
  return `${formatWeekday(weekdays.indexOf(cell.weekday), locale, 'long')} ${formatHour(cell.hour)}–${formatHour((cell.hour + 1) % 24)}`;
}

/** The heatmap's text alternative: what it shows and its busiest cell. */
export function describeHeatmap(data: HeatmapReport, mode: HeatmapMode, context: Pick<ChartContext, 'locale' | 't'>): string {
  const { t, locale } = context;
  const text = t.agentViews.heatmap;
  const peak = heatmapPeak(data, mode);
  if (peak === null) {
    return text.descriptions[mode];
  }
  const value = mode === 'conversations' ? formatCount(peak.conversations, locale) : formatPercent(peak.occupancy ?? 0, locale);
  return `${text.descriptions[mode]} ${text.peak[mode](heatmapCellName(peak, locale), value)}`;
}

function formatCellValue(value: number, mode: HeatmapMode, locale: string): string {
  return mode === 'conversations' ? formatCount(value, locale) : formatPercent(value, locale);
}

/**
 * Hours across, weekdays down (Monday at the top), one cell per local hour. An hour without any agent online or busy
 * has no occupancy: its cell is left out, blank, rather than drawn as 0 %.
 */
export function heatmapOption(data: HeatmapReport, mode: HeatmapMode, context: ChartContext): ChartOption {
  const { palette, locale, t } = context;
  const cells = data.cells.flatMap((cell) => {
    const value = cellValue(cell, mode);
    return value === null ? [] : [[cell.hour, weekdays.indexOf(cell.weekday), value] as [number, number, number]];
  });
  const highest = Math.max(0, ...cells.map(([, , value]) => value));
  const max = mode === 'occupancy' ? 1 : Math.max(1, highest);
  return {
    ...baseOption(palette),
    legend: { show: false },
    tooltip: {
      ...tooltipStyle(palette),
      trigger: 'item',
      formatter: (params: TooltipComponentFormatterCallbackParams) => {
        const item = Array.isArray(params) ? params[0] : params;
        const [hour, day, value] = (item?.value ?? []) as number[];
        const name = heatmapCellName({ weekday: weekdays[day ?? 0] ?? 'monday', hour: hour ?? 0 }, locale);
        return `<strong>${name}</strong><br/>${t.agentViews.heatmap.modes[mode]}: ${formatCellValue(value ?? 0, mode, locale)}`;
      },
    },
    grid: { left: 8, right: 8, top: 8, bottom: 52 },
    xAxis: {
      type: 'category',
      data: Array.from({ length: 24 }, (_, hour) => String(hour).padStart(2, '0')),
      ...categoryAxisStyle(palette),
      axisLabel: { color: palette.mutedText, interval: 2, hideOverlap: true },
      splitArea: { show: false },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: weekdays.map((_, index) => formatWeekday(index, locale, 'short')),
      ...categoryAxisStyle(palette),
    },
    visualMap: {
      type: 'continuous',
      min: 0,
      max,
      calculable: false,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      itemWidth: 12,
      itemHeight: 160,
      textStyle: { color: palette.mutedText },
      formatter: (value: unknown) => (mode === 'occupancy' ? formatPercentAxis(Number(value), locale) : formatCount(Number(value), locale)),
      inRange: { color: [palette.gridLine, palette.sequence1, palette.sequence3, palette.sequence4] },
    },
    series: [
      {
        type: 'heatmap',
        name: t.agentViews.heatmap.modes[mode],
        data: cells,
        itemStyle: { borderColor: palette.surface, borderWidth: 1, borderRadius: 2 },
        emphasis: { itemStyle: { borderColor: palette.text, borderWidth: 1 } },
      },
    ],
  };
}

export function conversationsHeatmapOption(data: HeatmapReport, context: ChartContext): ChartOption {
  return heatmapOption(data, 'conversations', context);
}

export function occupancyHeatmapOption(data: HeatmapReport, context: ChartContext): ChartOption {
  return heatmapOption(data, 'occupancy', context);
}

// An agent's day

export const activityStatuses: readonly AgentStatus[] = ['online', 'busy', 'offline'];

export function hasNoActivity(data: AgentActivityReport): boolean {
  return data.intervals.length === 0;
}

export function statusColor(status: AgentStatus, context: Pick<ChartContext, 'palette'>): string {
  const { positive, warning, neutral } = context.palette;
  return { online: positive, busy: warning, offline: neutral }[status];
}

/** Seconds per status, zeros included, in the order online, busy, offline. */
export function activityTotals(data: AgentActivityReport): Record<AgentStatus, number> {
  const totals: Record<AgentStatus, number> = { online: 0, busy: 0, offline: 0 };
  for (const total of data.totals) {
    totals[total.status] = total.seconds;
  }
  return totals;
}

const hourMs = 3600_000;

/**
 * The day's intervals as bars on a time-of-day axis (hours since the local midnight, labelled with the local time),
 * one lane per status so the status reads from the lane as well as the colour. The axis spans the whole local day
 * (23 or 25 hours when clocks change), so today's timeline stops at now.
 */
export function activityOption(data: AgentActivityReport, context: ChartContext): ChartOption {
  const { palette, locale, t, timeZone } = context;
  const start = new Date(data.from).getTime();
  const hoursOf = (instant: string) => (new Date(instant).getTime() - start) / hourMs;
  const dayHours = localDayHours(data.from, timeZone);
  const colors = activityStatuses.map((status) => statusColor(status, context));
  const rows = data.intervals.map((interval) => [
    hoursOf(interval.from),
    hoursOf(interval.to),
    activityStatuses.indexOf(interval.status),
    interval.seconds,
  ]);
  return {
    ...baseOption(palette),
    legend: { show: false },
    tooltip: {
      ...tooltipStyle(palette),
      trigger: 'item',
      formatter: (params: TooltipComponentFormatterCallbackParams) => {
        const item = Array.isArray(params) ? params[0] : params;
        const interval = data.intervals[item?.dataIndex ?? 0];
        if (!interval) {
          return '';
        }
        const from = formatClock(interval.from, timeZone, locale);
        const to = formatClock(interval.to, timeZone, locale);
        return `<strong>${t.agents.statuses[interval.status]}</strong><br/>${from}–${to} (${formatDuration(interval.seconds, locale)})`;
      },
    },
    grid: { left: 8, right: 16, top: 8, bottom: 8 },
    xAxis: {
      type: 'value',
      min: 0,
      max: dayHours,
      interval: 3,
      ...valueAxisStyle(palette),
      axisLabel: {
        color: palette.mutedText,
        hideOverlap: true,
        formatter: (value: number) => formatClock(start + value * hourMs, timeZone, locale),
      },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: activityStatuses.map((status) => t.agents.statuses[status]),
      ...categoryAxisStyle(palette),
    },
    series: [
      {
        type: 'custom',
        name: t.agentViews.activity.title,
        encode: { x: [0, 1], y: 2 },
        data: rows,
        renderItem: (params, api) => {
          const lane = Number(api.value(2));
          const [x0 = 0, y = 0] = api.coord([api.value(0), lane]);
          const [x1 = 0] = api.coord([api.value(1), lane]);
          const laneHeight = (api.size?.([0, 1]) as number[] | undefined)?.[1] ?? 20;
          const height = Math.min(28, laneHeight * 0.6);
          const box = params.coordSys as unknown as { x: number; width: number };
          const left = Math.max(x0, box.x);
          const right = Math.min(x1, box.x + box.width);
          return {
            type: 'rect',
            // A moment's status still shows, as a sliver.
            shape: { x: left, y: y - height / 2, width: Math.max(right - left, 1.5), height, r: 2 },
            style: { fill: colors[lane] ?? palette.neutral },
          };
        },
      },
    ],
  };
}
