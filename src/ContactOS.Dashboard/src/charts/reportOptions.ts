import type { TooltipComponentFormatterCallbackParams } from 'echarts';
import type {
  CostsReport,
  DropOffReport,
  DurationSummary,
  IntentsReport,
  QualityReport,
  RateFigure,
  ResponseTimeName,
  ResponseTimesReport,
  Segment,
  ToolsReport,
} from '../api/types';
import {
  formatCount,
  formatDecimal,
  formatDuration,
  formatLatency,
  formatMoney,
  formatNps,
  formatOneDecimal,
  formatPercent,
  formatPercentAxis,
  missingValue,
} from '../format/format';
import { qualityRates, type QualityRate } from '../i18n/dictionary';
import { intentName } from '../i18n/intents';
import type { ChartOption } from './echarts';
import {
  baseOption,
  categoryAxisStyle,
  horizontalBarOption,
  legendStyle,
  tooltipStyle,
  valueAxisStyle,
  type ChartContext,
} from './options';

// The option builders of the Operations, Quality and Costs tabs, one per chart, pure functions of a report and the
// chart context; each has an `isEmpty` twin saying when the panel shows "No data for this period" instead.

export const responseTimeNames: readonly ResponseTimeName[] = [
  'firstResponse',
  'humanFirstResponse',
  'handleTime',
  'resolutionTime',
];

export const percentiles = ['p50', 'p90', 'p95', 'p99'] as const;
export type Percentile = (typeof percentiles)[number];

export const segments: readonly Segment[] = ['ai', 'human', 'all'];

/** Intents and tools beyond this many are in the panel's table, not its chart. */
export const maxBars = 10;

function sequenceColors(context: ChartContext): string[] {
  const { sequence1, sequence2, sequence3, sequence4 } = context.palette;
  return [sequence1, sequence2, sequence3, sequence4];
}

function segmentColor(segment: Segment, context: ChartContext): string {
  const { ai, human, neutral } = context.palette;
  return { ai, human, all: neutral }[segment];
}

/** A value a logarithmic axis can draw: zero (a duration under 1 ms) and missing values are left out. */
function onLogScale(value: number | null): number | null {
  return value !== null && value > 0 ? value : null;
}

/**
 * Categories down the side (first at the top), a value axis along the bottom, a legend under it. Long names wrap at
 * spaces (a rate, in Spanish); identifiers without spaces (a tool's name) are cut short, whole in the tooltip.
 */
function horizontalGrid(context: ChartContext, labels: string[], overflow: 'break' | 'truncate' = 'break') {
  const { palette } = context;
  return {
    grid: { left: 8, right: 24, top: 8, bottom: 48 },
    yAxis: {
      type: 'category' as const,
      inverse: true,
      data: labels,
      ...categoryAxisStyle(palette),
      // Long names (a rate, in Spanish) wrap rather than squeeze the bars on a phone.
      axisLabel: { ...categoryAxisStyle(palette).axisLabel, width: 110, overflow, lineHeight: 14 },
    },
  };
}

function axisTooltip(context: ChartContext, formatValue: (value: number) => string): ChartOption['tooltip'] {
  return {
    ...tooltipStyle(context.palette),
    trigger: 'axis',
    axisPointer: { type: 'shadow' },
    valueFormatter: (value) => (typeof value === 'number' ? formatValue(value) : missingValue),
  };
}

// Operations

export function hasNoResponseTimes(data: ResponseTimesReport): boolean {
  return responseTimeNames.every((name) => data[name].count === 0);
}

/**
 * The four times side by side, one bar per percentile. The times differ by orders of magnitude (an AI answers in
 * seconds, a resolution takes hours), so the axis is logarithmic: on a linear one the first response would not show.
 */
export function responseTimesOption(data: ResponseTimesReport, context: ChartContext): ChartOption {
  const { palette, locale, t } = context;
  const colors = sequenceColors(context);
  return {
    ...baseOption(palette),
    tooltip: axisTooltip(context, (value) => formatDuration(value, locale)),
    grid: { left: 8, right: 12, top: 16, bottom: 64 },
    xAxis: {
      type: 'category',
      data: responseTimeNames.map((name) => t.times[name]),
      ...categoryAxisStyle(palette),
      // Every time named, wrapped to its column: on a phone a name takes three short lines rather than vanishing.
      axisLabel: { color: palette.mutedText, interval: 0, width: 76, overflow: 'break', lineHeight: 13, fontSize: 11 },
    },
    yAxis: {
      // Base 60: the lines fall on a second, a minute, an hour (and 2.5 days), which read at a glance.
      type: 'log',
      logBase: 60,
      ...valueAxisStyle(palette),
      axisLabel: { color: palette.mutedText, formatter: (value: number) => formatDuration(value, locale) },
    },
    series: percentiles.map((percentile, index) => ({
      type: 'bar' as const,
      name: percentile,
      data: responseTimeNames.map((name) => onLogScale(data[name][percentile])),
      itemStyle: { color: colors[index], borderRadius: [3, 3, 0, 0] },
      barMaxWidth: 18,
    })),
  };
}

/** The table's cells for one time: count, mean, then the percentiles. */
export function durationCells(summary: DurationSummary, locale: string, format: (value: number | null) => string) {
  return [
    formatCount(summary.count, locale),
    format(summary.mean),
    ...percentiles.map((percentile) => format(summary[percentile])),
  ];
}

export function responseTimeCells(summary: DurationSummary, locale: string): string[] {
  return durationCells(summary, locale, (value) => formatDuration(value, locale));
}

// Quality

export function hasNoCsat(data: QualityReport): boolean {
  return data.csat.all.responses === 0;
}

export function hasNoNps(data: QualityReport): boolean {
  return data.nps.all.responses === 0;
}

/** The rates apply to every conversation started: none started, nothing to rate. */
export function hasNoQualityRates(data: QualityReport): boolean {
  return data.abandonment.all.of === 0;
}

/** Mean CSAT per segment on a 1-5 axis, each bar labelled with its mean; the tooltip adds responses and share 4-5. */
export function csatOption(data: QualityReport, context: ChartContext): ChartOption {
  const { palette, locale, t } = context;
  return {
    ...baseOption(palette),
    legend: { show: false },
    tooltip: {
      ...tooltipStyle(palette),
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: TooltipComponentFormatterCallbackParams) => {
        const item = Array.isArray(params) ? params[0] : params;
        const segment = segments[item?.dataIndex ?? 0] ?? 'all';
        const figures = data.csat[segment];
        return [
          `<strong>${t.segments[segment]}</strong>`,
          `${t.columns.meanCsat}: ${figures.mean === null ? missingValue : formatOneDecimal(figures.mean, locale)}`,
          `${t.columns.satisfiedShare}: ${figures.satisfiedShare === null ? missingValue : formatPercent(figures.satisfiedShare, locale)}`,
          `${t.columns.responses}: ${formatCount(figures.responses, locale)}`,
        ].join('<br/>');
      },
    },
    grid: { left: 8, right: 12, top: 24, bottom: 8 },
    xAxis: { type: 'category', data: segments.map((segment) => t.segments[segment]), ...categoryAxisStyle(palette) },
    yAxis: {
      type: 'value',
      min: 1,
      max: 5,
      interval: 1,
      ...valueAxisStyle(palette),
    },
    series: [
      {
        type: 'bar',
        name: t.reportSeries.meanCsat,
        barMaxWidth: 48,
        data: segments.map((segment) => ({
          value: data.csat[segment].mean,
          itemStyle: { color: segmentColor(segment, context), borderRadius: [4, 4, 0, 0] },
        })),
        label: {
          show: true,
          position: 'top',
          color: palette.text,
          fontWeight: 'bold',
          formatter: ({ value }) => (typeof value === 'number' ? formatOneDecimal(value, locale) : missingValue),
        },
      },
    ],
  };
}

/** Promoters, passives and detractors as shares of each segment's answers, stacked to 100 %, the score by the name. */
export function npsOption(data: QualityReport, context: ChartContext): ChartOption {
  const { palette, locale, t } = context;
  const share = (segment: Segment, part: 'promoters' | 'passives' | 'detractors') => {
    const figures = data.nps[segment];
    return figures.responses === 0 ? null : figures[part] / figures.responses;
  };
  const bar = (part: 'promoters' | 'passives' | 'detractors', color: string) => ({
    type: 'bar' as const,
    name: t.reportSeries[part],
    stack: 'answers',
    data: segments.map((segment) => share(segment, part)),
    itemStyle: { color },
    barMaxWidth: 26,
  });
  return {
    ...baseOption(palette),
    legend: legendStyle(palette),
    tooltip: axisTooltip(context, (value) => formatPercent(value, locale)),
    ...horizontalGrid(
      context,
      segments.map((segment) => `${t.segments[segment]}  ${t.columns.score} ${formatNps(data.nps[segment].score, locale)}`),
    ),
    xAxis: {
      type: 'value',
      min: 0,
      max: 1,
      ...valueAxisStyle(palette),
      axisLabel: { color: palette.mutedText, formatter: (value: number) => formatPercentAxis(value, locale), hideOverlap: true },
    },
    series: [
      bar('promoters', palette.positive),
      bar('passives', palette.neutral),
      bar('detractors', palette.negative),
    ],
  };
}

/** A quality rate's figure for a segment; the transfer rate has none for all conversations. */
export function qualityRate(data: QualityReport, rate: QualityRate, segment: Segment): RateFigure | null {
  if (rate === 'transferRate') {
    return segment === 'all' ? null : data.transferRate[segment];
  }
  return data[rate][segment];
}

/** Each rate for AI and for human conversations, side by side; the table beside it has all and the counts. */
export function qualityRatesOption(data: QualityReport, context: ChartContext): ChartOption {
  const { palette, locale, t } = context;
  const series = (segment: 'ai' | 'human') => ({
    type: 'bar' as const,
    name: t.segments[segment],
    data: qualityRates.map((rate) => qualityRate(data, rate, segment)?.value ?? null),
    itemStyle: { color: segmentColor(segment, context), borderRadius: [0, 3, 3, 0] },
    barMaxWidth: 14,
  });
  return {
    ...baseOption(palette),
    legend: legendStyle(palette),
    tooltip: axisTooltip(context, (value) => formatPercent(value, locale)),
    ...horizontalGrid(
      context,
      qualityRates.map((rate) => t.rates[rate]),
    ),
    xAxis: {
      type: 'value',
      min: 0,
      ...valueAxisStyle(palette),
      axisLabel: { color: palette.mutedText, formatter: (value: number) => formatPercentAxis(value, locale), hideOverlap: true },
    },
    series: [series('ai'), series('human')],
  };
}

/** "12.5% (4 of 32)", or a dash where the figure does not apply. */
export function formatRateFigure(figure: RateFigure | null, context: Pick<ChartContext, 'locale' | 't'>): string {
  if (figure === null) {
    return missingValue;
  }
  const { locale, t } = context;
  return `${formatPercent(figure.value, locale)} (${t.figures.outOf(formatCount(figure.count, locale), formatCount(figure.of, locale))})`;
}

export function hasNoIntentDetections(data: IntentsReport): boolean {
  return data.intents.length === 0;
}

export function hasNoConfidence(data: IntentsReport): boolean {
  return data.histogram.every((bin) => bin.detections === 0);
}

/** Conversations per intent, the most frequent {@link maxBars}; the tooltip adds detections and mean confidence. */
export function intentsOption(data: IntentsReport, context: ChartContext): ChartOption {
  const { palette, locale, t } = context;
  const intents = data.intents.slice(0, maxBars);
  const option = horizontalBarOption(
    intents.map(({ intent }) => intentName(intent, t)),
    intents.map(({ conversations }) => conversations),
    t.reportSeries.conversations,
    palette.ai,
    context,
  );
  return {
    ...option,
    tooltip: {
      ...tooltipStyle(palette),
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: TooltipComponentFormatterCallbackParams) => {
        const item = Array.isArray(params) ? params[0] : params;
        const figures = intents[item?.dataIndex ?? 0];
        if (!figures) {
          return '';
        }
        return [
          `<strong>${intentName(figures.intent, t)}</strong>`,
          `${t.columns.conversations}: ${formatCount(figures.conversations, locale)}`,
          `${t.columns.detections}: ${formatCount(figures.detections, locale)}`,
          `${t.columns.meanConfidence}: ${figures.meanConfidence === null ? missingValue : formatDecimal(figures.meanConfidence, locale)}`,
        ].join('<br/>');
      },
    },
  };
}

/** "0.7-0.8": a confidence bin's bounds, as the axis shows them. */
export function binLabel(from: number, to: number, locale: string): string {
  return `${formatOneDecimal(from, locale)}-${formatOneDecimal(to, locale)}`;
}

/** Detections per confidence bin; the bins wholly below the tenant's threshold in the warning colour. */
export function confidenceOption(data: IntentsReport, context: ChartContext): ChartOption {
  const { palette, locale, t } = context;
  return {
    ...baseOption(palette),
    legend: { show: false },
    tooltip: axisTooltip(context, (value) => formatCount(value, locale)),
    grid: { left: 8, right: 12, top: 16, bottom: 8 },
    xAxis: {
      type: 'category',
      data: data.histogram.map((bin) => binLabel(bin.from, bin.to, locale)),
      ...categoryAxisStyle(palette),
    },
    yAxis: { type: 'value', minInterval: 1, ...valueAxisStyle(palette) },
    series: [
      {
        type: 'bar',
        name: t.reportSeries.detections,
        barCategoryGap: '15%',
        data: data.histogram.map((bin) => ({
          value: bin.detections,
          itemStyle: {
            color: bin.to <= data.lowConfidenceThreshold + 1e-9 ? palette.warning : palette.ai,
            borderRadius: [3, 3, 0, 0],
          },
        })),
      },
    ],
  };
}

export function hasNoToolCalls(data: ToolsReport): boolean {
  return data.tools.every((tool) => tool.calls === 0);
}

export function hasNoToolLatency(data: ToolsReport): boolean {
  return data.tools.every((tool) => tool.latencyMs.count === 0);
}

/** Each tool's calls, succeeded, failed and without an outcome stacked, the most called {@link maxBars}. */
export function toolCallsOption(data: ToolsReport, context: ChartContext): ChartOption {
  const { palette, locale, t } = context;
  const tools = data.tools.slice(0, maxBars);
  const bar = (name: string, color: string, values: number[]) => ({
    type: 'bar' as const,
    name,
    stack: 'calls',
    data: values,
    itemStyle: { color },
    barMaxWidth: 22,
  });
  return {
    ...baseOption(palette),
    legend: legendStyle(palette),
    tooltip: axisTooltip(context, (value) => formatCount(value, locale)),
    ...horizontalGrid(
      context,
      tools.map((tool) => tool.tool),
      'truncate',
    ),
    xAxis: { type: 'value', minInterval: 1, ...valueAxisStyle(palette), axisLabel: { color: palette.mutedText } },
    series: [
      bar(
        t.reportSeries.succeeded,
        palette.positive,
        tools.map((tool) => tool.succeeded),
      ),
      bar(
        t.reportSeries.failed,
        palette.negative,
        tools.map((tool) => tool.failed),
      ),
      bar(
        t.reportSeries.notReported,
        palette.neutral,
        tools.map((tool) => tool.calls - tool.succeeded - tool.failed),
      ),
    ],
  };
}

/** Latency percentiles per tool (the tools with a latency, most called first). */
export function toolLatencyOption(data: ToolsReport, context: ChartContext): ChartOption {
  const { palette, locale } = context;
  const tools = data.tools.filter((tool) => tool.latencyMs.count > 0).slice(0, maxBars);
  const colors = sequenceColors(context);
  return {
    ...baseOption(palette),
    legend: legendStyle(palette),
    tooltip: axisTooltip(context, (value) => formatLatency(value, locale)),
    ...horizontalGrid(
      context,
      tools.map((tool) => tool.tool),
      'truncate',
    ),
    xAxis: {
      type: 'value',
      ...valueAxisStyle(palette),
      axisLabel: { color: palette.mutedText, formatter: (value: number) => formatLatency(value, locale), hideOverlap: true },
    },
    series: percentiles.map((percentile, index) => ({
      type: 'bar' as const,
      name: percentile,
      data: tools.map((tool) => tool.latencyMs[percentile]),
      itemStyle: { color: colors[index] },
      barMaxWidth: 8,
    })),
  };
}

export function hasNoDropOff(data: DropOffReport): boolean {
  return data.byLastIntent.length === 0;
}

/** The intent conversations were abandoned after; "(none)" for those abandoned before any was detected. */
export function lastIntentName(intent: string, context: Pick<ChartContext, 't'>): string {
  return intent === '(none)' ? context.t.noIntent : intentName(intent, context.t);
}

export function dropOffOption(data: DropOffReport, context: ChartContext): ChartOption {
  const rows = data.byLastIntent.slice(0, maxBars);
  return horizontalBarOption(
    rows.map(({ intent }) => lastIntentName(intent, context)),
    rows.map(({ count }) => count),
    context.t.reports.dropOff,
    context.palette.warning,
    context,
  );
}

// Costs

export function modelName(model: string, context: Pick<ChartContext, 't'>): string {
  return model === '(unknown)' ? context.t.unknownModel : model;
}

export function hasNoModelSpend(data: CostsReport): boolean {
  return data.models.length === 0;
}

export function hasNoResolutionCost(data: CostsReport): boolean {
  return data.aiResolution.resolutions + data.humanResolution.resolutions === 0;
}

/** Nothing to show while the month has no spend and no budget is set. */
export function hasNoBudgetFigures(data: CostsReport): boolean {
  return data.budget.spendToDate === 0 && data.budget.monthlyBudget === null;
}

export function modelSpendOption(data: CostsReport, context: ChartContext): ChartOption {
  const models = data.models.slice(0, maxBars);
  return horizontalBarOption(
    models.map(({ model }) => modelName(model, context)),
    models.map(({ cost }) => cost),
    context.t.reportSeries.cost,
    context.palette.ai,
    context,
    (value) => formatMoney(value, data.currency, context.locale),
  );
}

function perResolution(total: number | null, resolutions: number): number | null {
  return total === null || resolutions === 0 ? null : total / resolutions;
}

/**
 * Cost per AI resolution beside cost per human resolution: model spend for both, stacked with agent time for the
 * human one. Without the tenant's agent cost per hour the agent part is left out, and the panel says it is not set.
 */
export function resolutionCostOption(data: CostsReport, context: ChartContext): ChartOption {
  const { palette, locale, t } = context;
  const { aiResolution: ai, humanResolution: human } = data;
  const money = (value: number) => formatMoney(value, data.currency, locale);
  const agentCost = perResolution(human.agentCost, human.resolutions);
  const totals = [ai.costPerResolution, human.costPerResolution ?? perResolution(human.cost, human.resolutions)];
  // Each bar's total on top of it: on the model part where nothing is stacked above it, else on the agent part.
  const totalLabel = (index: number) => ({
    show: true,
    position: 'top' as const,
    color: palette.text,
    fontWeight: 'bold' as const,
    formatter: () => {
      const total = totals[index];
      return total === null || total === undefined ? '' : money(total);
    },
  });
  const modelBar = {
    type: 'bar' as const,
    name: t.reportSeries.modelCost,
    stack: 'cost',
    barMaxWidth: 56,
    data: [
      { value: perResolution(ai.cost, ai.resolutions), label: totalLabel(0) },
      { value: perResolution(human.cost, human.resolutions), label: { ...totalLabel(1), show: agentCost === null } },
    ],
    itemStyle: { color: palette.ai },
  };
  const agentBar = {
    type: 'bar' as const,
    name: t.reportSeries.agentCost,
    stack: 'cost',
    barMaxWidth: 56,
    data: [null, { value: agentCost, label: totalLabel(1) }],
    itemStyle: { color: palette.human, borderRadius: [4, 4, 0, 0] },
  };
  return {
    ...baseOption(palette),
    // The legend says what the bars are made of: model spend only, until the agent cost per hour is set.
    legend: legendStyle(palette),
    tooltip: axisTooltip(context, money),
    grid: { left: 8, right: 12, top: 28, bottom: 56 },
    xAxis: {
      type: 'category',
      data: [t.figures.costPerAiResolution, t.figures.costPerHumanResolution],
      ...categoryAxisStyle(palette),
      axisLabel: { color: palette.mutedText, interval: 0, width: 120, overflow: 'break', lineHeight: 14 },
    },
    yAxis: {
      type: 'value',
      ...valueAxisStyle(palette),
      axisLabel: { color: palette.mutedText, formatter: (value: number) => money(value), hideOverlap: true },
    },
    series: agentCost === null ? [modelBar] : [modelBar, agentBar],
  };
}

/** Spend to date and the month-end projection against the budget, when one is set; over budget in the alarm colour. */
export function budgetOption(data: CostsReport, context: ChartContext): ChartOption {
  const { palette, locale, t } = context;
  const { budget } = data;
  const money = (value: number) => formatMoney(value, data.currency, locale);
  const bars = [
    { name: t.reportSeries.spendToDate, value: budget.spendToDate, color: palette.ai },
    {
      name: t.reportSeries.projectedMonthEnd,
      value: budget.projectedMonthEnd,
      color: budget.overBudget ? palette.negative : palette.sequence1,
    },
    ...(budget.monthlyBudget === null
      ? []
      : [{ name: t.reportSeries.monthlyBudget, value: budget.monthlyBudget, color: palette.neutral }]),
  ];
  const option = horizontalBarOption(
    bars.map((bar) => bar.name),
    bars.map((bar) => bar.value),
    t.reports.budget,
    palette.ai,
    context,
    money,
  );
  const [series] = option.series as [Record<string, unknown>];
  return {
    ...option,
    series: [
      {
        ...series,
        type: 'bar',
        data: bars.map((bar) => ({ value: bar.value, itemStyle: { color: bar.color, borderRadius: [0, 4, 4, 0] } })),
      },
    ],
  };
}
