import type { TooltipComponentFormatterCallbackParams } from 'echarts';
import {
  handoffReasons,
  type BucketInterval,
  type HandoffReason,
  type HandoffReasons,
  type ResolutionSplit,
  type SentimentTrend,
  type TopIntents,
  type VolumeSeries,
} from '../api/types';
import type { Dictionary } from '../i18n/dictionary';
import {
  bucketAxisLabels,
  formatBucketTitle,
  formatCount,
  formatOneDecimal,
  formatPercent,
  missingValue,
} from '../format/format';
import { intentName } from '../i18n/intents';
import type { ChartOption } from './echarts';
import type { ChartPalette } from './palette';

export interface ChartContext {
  palette: ChartPalette;
  locale: string;
  t: Dictionary;
  /** The tenant's IANA time zone, in which time buckets are labelled. */
  timeZone: string;
}

export const sentimentAxisRange = { min: 2, max: 5 } as const;

/**
 * The sentiment axis runs from 2.0 to 5.0, down to 1.0 only when a bucket's mean falls below 2: a line cut off at
 * the bottom of the chart would hide the worst hours.
 */
export function sentimentAxisMin(data: SentimentTrend): number {
  const lowest = Math.min(
    ...data.buckets.flatMap(({ ai, human }) => [ai, human].filter((score): score is number => score !== null)),
  );
  return lowest < sentimentAxisRange.min ? 1 : sentimentAxisRange.min;
}

export function baseOption(palette: ChartPalette): ChartOption {
  return {
    backgroundColor: 'transparent',
    textStyle: { color: palette.text, fontFamily: palette.fontFamily },
    animationDuration: 400,
    legend: legendStyle(palette),
  };
}

export function legendStyle(palette: ChartPalette) {
  return { bottom: 0, textStyle: { color: palette.mutedText }, icon: 'roundRect' };
}

export function tooltipStyle(palette: ChartPalette) {
  return {
    backgroundColor: palette.surface,
    borderColor: palette.gridLine,
    textStyle: { color: palette.text },
    confine: true,
  };
}

export function valueAxisStyle(palette: ChartPalette) {
  return {
    axisLabel: { color: palette.mutedText },
    splitLine: { lineStyle: { color: palette.gridLine } },
  };
}

export function categoryAxisStyle(palette: ChartPalette) {
  return {
    axisLabel: { color: palette.mutedText, hideOverlap: true },
    axisLine: { lineStyle: { color: palette.gridLine } },
    axisTick: { show: false },
  };
}

export function resolutionSplitOption(data: ResolutionSplit, context: ChartContext): ChartOption {
  const { palette, locale, t } = context;
  return {
    ...baseOption(palette),
    tooltip: {
      ...tooltipStyle(palette),
      trigger: 'item',
      valueFormatter: (value) => formatCount(Number(value), locale),
    },
    series: [
      {
        type: 'pie',
        name: t.panels.resolutionSplit,
        radius: ['55%', '78%'],
        center: ['50%', '45%'],
        avoidLabelOverlap: true,
        itemStyle: { borderColor: palette.surface, borderWidth: 2 },
        labelLine: { show: false },
        data: [
          {
            name: t.series.ai,
            value: data.ai,
            itemStyle: { color: palette.ai },
            label: {
              show: true,
              position: 'center',
              formatter: formatPercent(data.aiShare, locale),
              fontSize: 22,
              fontWeight: 'bold',
              color: palette.text,
            },
          },
          { name: t.series.human, value: data.human, itemStyle: { color: palette.human }, label: { show: false } },
        ],
      },
    ],
    legend: {
      ...legendStyle(palette),
      formatter: (name) => `${name} ${formatPercent(name === t.series.ai ? data.aiShare : data.humanShare, locale)}`,
    },
  };
}

/** All five reasons in a fixed order, zero when the period had none. */
export function handoffReasonCounts(data: HandoffReasons): { reason: HandoffReason; count: number }[] {
  return handoffReasons.map((reason) => ({
    reason,
    count: data.reasons.find((entry) => entry.reason === reason)?.count ?? 0,
  }));
}

/**
 * One bar per label, longest first as given, the value written at the end of each bar. Counts by default; with
 * `formatValue`, any figure (money): the axis then takes fractions too.
 */
export function horizontalBarOption(
  labels: string[],
  counts: number[],
  seriesName: string,
  color: string,
  context: ChartContext,
  formatValue?: (value: number) => string,
): ChartOption {
  const { palette, locale } = context;
  const format = formatValue ?? ((value: number) => formatCount(value, locale));
  return {
    ...baseOption(palette),
    legend: { show: false },
    tooltip: {
      ...tooltipStyle(palette),
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (value) => format(Number(value)),
    },
    grid: { left: 8, right: formatValue ? 72 : 40, top: 8, bottom: 8 },
    xAxis: {
      type: 'value',
      ...(formatValue ? {} : { minInterval: 1 }),
      ...valueAxisStyle(palette),
      axisLabel: { show: false },
    },
    yAxis: { type: 'category', inverse: true, data: labels, ...categoryAxisStyle(palette) },
    series: [
      {
        type: 'bar',
        name: seriesName,
        data: counts,
        barMaxWidth: 22,
        itemStyle: { color, borderRadius: [0, 4, 4, 0] },
        label: {
          show: true,
          position: 'right',
          color: palette.text,
          formatter: ({ value }) => format(Number(value)),
        },
      },
    ],
  };
}

export function handoffReasonsOption(data: HandoffReasons, context: ChartContext): ChartOption {
  const counts = handoffReasonCounts(data);
  return horizontalBarOption(
    counts.map(({ reason }) => context.t.handoffReasons[reason]),
    counts.map(({ count }) => count),
    context.t.panels.handoffReasons,
    context.palette.human,
    context,
  );
}

export function topIntentsOption(data: TopIntents, context: ChartContext): ChartOption {
  const intents = data.intents.slice(0, 5);
  return horizontalBarOption(
    intents.map(({ intent }) => intentName(intent, context.t)),
    intents.map(({ count }) => count),
    context.t.panels.topIntents,
    context.palette.ai,
    context,
  );
}

/** An axis tooltip titled with the bucket's full date and time in the tenant's time zone. */
function bucketTooltip(
  starts: string[],
  interval: BucketInterval,
  formatValue: (value: number) => string,
  context: ChartContext,
): ChartOption['tooltip'] {
  const { timeZone, locale, palette } = context;
  return {
    ...tooltipStyle(palette),
    trigger: 'axis',
    formatter: (params: TooltipComponentFormatterCallbackParams) => {
      const items = Array.isArray(params) ? params : [params];
      const start = starts[items[0]?.dataIndex ?? 0] ?? '';
      const rows = items.map((item) => {
        const value = typeof item.value === 'number' ? formatValue(item.value) : missingValue;
        return `${item.marker as string} ${item.seriesName ?? ''}: <strong>${value}</strong>`;
      });
      return [formatBucketTitle(start, interval, timeZone, locale), ...rows].join('<br/>');
    },
  };
}

/**
 * A category axis of time buckets (one category per bucket start) labelled as {@link bucketAxisLabels} says: where it
 * leaves a bucket unlabelled (hour buckets over several days), only the labelled buckets get a label and a tick.
 */
function bucketAxis(starts: string[], interval: BucketInterval, context: ChartContext) {
  const labels = bucketAxisLabels(starts, interval, context.timeZone, context.locale);
  const sparse = labels.some((label) => label === '');
  const labelled = (index: number) => labels[index] !== '';
  const style = categoryAxisStyle(context.palette);
  return {
    type: 'category' as const,
    data: starts,
    ...style,
    axisLabel: {
      ...style.axisLabel,
      formatter: (_value: string, index: number) => labels[index] ?? '',
      interval: sparse ? (index: number) => labelled(index) : ('auto' as const),
    },
    axisTick: sparse ? { show: true, alignWithLabel: true, interval: (index: number) => labelled(index) } : style.axisTick,
  };
}

const timeSeriesGrid = { left: 8, right: 12, top: 16, bottom: 36 };

export function volumeOption(data: VolumeSeries, context: ChartContext): ChartOption {
  const { palette, locale, t } = context;
  const starts = data.buckets.map((bucket) => bucket.start);
  return {
    ...baseOption(palette),
    tooltip: bucketTooltip(starts, data.interval, (value) => formatCount(value, locale), context),
    grid: timeSeriesGrid,
    xAxis: bucketAxis(starts, data.interval, context),
    yAxis: { type: 'value', minInterval: 1, ...valueAxisStyle(palette) },
    series: [
      {
        type: 'bar',
        name: t.series.aiResolved,
        stack: 'resolved',
        data: data.buckets.map((bucket) => bucket.ai),
        itemStyle: { color: palette.ai },
      },
      {
        type: 'bar',
        name: t.series.humanResolved,
        stack: 'resolved',
        data: data.buckets.map((bucket) => bucket.human),
        itemStyle: { color: palette.human, borderRadius: [3, 3, 0, 0] },
      },
    ],
  };
}

/**
 * Buckets without a scored message stay null (never zero, which would read as a fall to the bottom of the scale),
 * and each line is drawn through them from one scored bucket to the next: over hour buckets most hours have no
 * message of one phase or the other, and a line broken at every such hour reads as scattered dots.
 */
export function sentimentTrendOption(data: SentimentTrend, context: ChartContext): ChartOption {
  const { palette, locale, t } = context;
  const starts = data.buckets.map((bucket) => bucket.start);
  const line = (name: string, color: string, values: (number | null)[]) => ({
    type: 'line' as const,
    name,
    data: values,
    connectNulls: true,
    showSymbol: true,
    // Dots where they fit; the line itself shows every scored bucket.
    showAllSymbol: 'auto' as const,
    symbolSize: 5,
    itemStyle: { color },
    lineStyle: { color, width: 2 },
  });
  return {
    ...baseOption(palette),
    tooltip: bucketTooltip(starts, data.interval, (value) => formatOneDecimal(value, locale), context),
    grid: timeSeriesGrid,
    xAxis: { ...bucketAxis(starts, data.interval, context), boundaryGap: false },
    yAxis: {
      type: 'value',
      min: sentimentAxisMin(data),
      max: sentimentAxisRange.max,
      interval: 0.5,
      ...valueAxisStyle(palette),
      axisLabel: { color: palette.mutedText, formatter: (value: number) => formatOneDecimal(value, locale) },
    },
    series: [
      line(
        t.series.aiSentiment,
        palette.ai,
        data.buckets.map((bucket) => bucket.ai),
      ),
      line(
        t.series.humanSentiment,
        palette.human,
        data.buckets.map((bucket) => bucket.human),
      ),
    ],
  };
}

export function hasNoResolutions(data: ResolutionSplit): boolean {
  return data.ai + data.human === 0;
}

export function hasNoHandoffs(data: HandoffReasons): boolean {
  return data.reasons.every(({ count }) => count === 0);
}

export function hasNoIntents(data: TopIntents): boolean {
  return data.intents.length === 0;
}

export function hasNoVolume(data: VolumeSeries): boolean {
  return data.buckets.every(({ ai, human }) => ai + human === 0);
}

export function hasNoSentiment(data: SentimentTrend): boolean {
  return data.buckets.every(({ ai, human }) => ai === null && human === null);
}
