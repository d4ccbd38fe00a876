import { describe, expect, it } from 'vitest';
import type { HandoffReasons, SentimentTrend, VolumeSeries } from '../api/types';
import { dictionaries } from '../i18n/dictionary';
import type { ChartOption } from './echarts';
import { testContext } from '../testing/chartContext';
import {
  handoffReasonsOption,
  hasNoHandoffs,
  hasNoSentiment,
  hasNoVolume,
  resolutionSplitOption,
  sentimentTrendOption,
  topIntentsOption,
  volumeOption,
  type ChartContext,
} from './options';

const context: ChartContext = testContext();
const window = { period: '7d' as const, from: '2026-11-15T00:00:00+00:00', to: '2026-11-22T00:00:00+00:00' };

interface BucketAxis {
  data: string[];
  axisLabel: { formatter: (value: string, index: number) => string; interval: 'auto' | ((index: number) => boolean) };
}

/** The labels a reader sees under a time axis: the formatted label of every bucket the axis labels. */
function shownLabels(option: ChartOption): string[] {
  const axis = single(option.xAxis) as BucketAxis;
  const { formatter, interval } = axis.axisLabel;
  return axis.data
    .map((value, index) => (interval === 'auto' || interval(index) ? formatter(value, index) : null))
    .filter((label): label is string => label !== null);
}

/** Hourly bucket starts from `from` (UTC), `count` of them. */
function hours(from: string, count: number): string[] {
  return Array.from({ length: count }, (_, index) => new Date(Date.parse(from) + index * 3_600_000).toISOString());
}

function single<T>(value: T | T[] | undefined): T {
  if (Array.isArray(value)) {
    expect(value).toHaveLength(1);
    return value[0] as T;
  }
  expect(value).toBeDefined();
  return value as T;
}

describe('handoffReasonsOption', () => {
  const data: HandoffReasons = {
    ...window,
    reasons: [
      { reason: 'billing', count: 5 },
      { reason: 'complex_request', count: 12 },
    ],
  };

  it('lists all five reasons in a fixed order with translated labels, zero when absent', () => {
    const option = handoffReasonsOption(data, context);
    const yAxis = single(option.yAxis) as { data: string[] };
    expect(yAxis.data).toEqual(['Complex request', 'Billing', 'Complaint', 'Loop guard', 'Other']);
    expect((single(option.series) as { data: number[] }).data).toEqual([12, 5, 0, 0, 0]);
  });

  it('translates the reasons into Spanish', () => {
    const option = handoffReasonsOption(data, { ...context, t: dictionaries.es });
    expect((single(option.yAxis) as { data: string[] }).data).toEqual([
      'Solicitud compleja',
      'Facturación',
      'Queja',
      'Protección contra bucles',
      'Otro',
    ]);
  });

  it('is empty when no conversation was handed off', () => {
    expect(hasNoHandoffs(data)).toBe(false);
    expect(hasNoHandoffs({ ...window, reasons: [{ reason: 'other', count: 0 }] })).toBe(true);
  });
});

describe('topIntentsOption', () => {
  const intents = ['service_check', 'validate_doc', 'cancel', 'refund_request', 'status', 'extra'].map(
    (intent, index) => ({ intent, count: 60 - index * 10 }),
  );

  it('shows at most five intents with readable names, unknown ones humanised', () => {
    const option = topIntentsOption({ ...window, intents }, context);
    expect((single(option.yAxis) as { data: string[] }).data).toEqual([
      'Service check',
      'Validate doc',
      'Cancellation',
      'Refund request',
      'Status',
    ]);
  });

  it('names the known intents in Spanish, falling back to the humanised id', () => {
    const option = topIntentsOption({ ...window, intents }, { ...context, t: dictionaries.es });
    expect((single(option.yAxis) as { data: string[] }).data).toEqual([
      'Comprobación del servicio',
      'Validate doc',
      'Baja',
      'Solicitud de reembolso',
      'Status',
    ]);
  });
});

describe('resolutionSplitOption', () => {
  it('shows AI and human shares as percentages in the legend', () => {
    const option = resolutionSplitOption({ ...window, ai: 620, human: 380, aiShare: 0.62, humanShare: 0.38 }, context);
    const legend = single(option.legend) as { formatter: (name: string) => string };
    expect(legend.formatter('AI')).toBe('AI 62.0%');
    expect(legend.formatter('Human')).toBe('Human 38.0%');
  });
});

describe('volumeOption', () => {
  const data: VolumeSeries = {
    ...window,
    interval: 'hour',
    buckets: [
      { start: '2026-11-22T08:00:00+00:00', ai: 12, human: 5 },
      { start: '2026-11-22T09:00:00+00:00', ai: 7, human: 0 },
    ],
  };

  it('stacks AI-resolved on human-resolved conversations per bucket', () => {
    const series = volumeOption(data, context).series as { stack: string; data: number[]; name: string }[];
    expect(series.map(({ name }) => name)).toEqual(['AI resolved', 'Human resolved']);
    expect(series.map(({ data: values }) => values)).toEqual([
      [12, 7],
      [5, 0],
    ]);
    expect(new Set(series.map(({ stack }) => stack)).size).toBe(1);
  });

  it('labels the hours of one day in the tenant time zone', () => {
    expect(shownLabels(volumeOption(data, context))).toEqual(['09:00', '10:00']);
  });

  it('labels hour buckets over seven days with the date each day starts', () => {
    const week = { ...data, buckets: hours('2026-11-15T00:00:00Z', 168).map((start) => ({ start, ai: 1, human: 1 })) };
    // Europe/Madrid is UTC+1: the week runs from 01:00 on the 15th to 00:00 on the 22nd, local time.
    expect(shownLabels(volumeOption(week, context))).toEqual([
      'Nov 15',
      'Nov 16',
      'Nov 17',
      'Nov 18',
      'Nov 19',
      'Nov 20',
      'Nov 21',
      'Nov 22',
    ]);
    expect(shownLabels(volumeOption(week, { ...context, t: dictionaries.es, locale: 'es-ES' }))[1]).toBe('16 nov');
  });

  it('is empty when no bucket has a conversation', () => {
    expect(hasNoVolume(data)).toBe(false);
    expect(hasNoVolume({ ...data, buckets: data.buckets.map((bucket) => ({ ...bucket, ai: 0, human: 0 })) })).toBe(
      true,
    );
  });
});

describe('sentimentTrendOption', () => {
  const data: SentimentTrend = {
    ...window,
    interval: 'day',
    buckets: [
      { start: '2026-11-20T23:00:00+00:00', ai: 4.1, human: null },
      { start: '2026-11-21T23:00:00+00:00', ai: null, human: 3.2 },
      { start: '2026-11-22T23:00:00+00:00', ai: 4.3, human: 3.6 },
    ],
  };

  it('fixes the y axis from 2.0 to 5.0', () => {
    const yAxis = single(sentimentTrendOption(data, context).yAxis) as { min: number; max: number };
    expect([yAxis.min, yAxis.max]).toEqual([2, 5]);
  });

  it('extends the y axis down to 1.0 only when a mean falls below 2, so no line runs off the chart', () => {
    const low: SentimentTrend = { ...data, buckets: [...data.buckets, { start: data.to, ai: 1.5, human: null }] };
    const yAxis = single(sentimentTrendOption(low, context).yAxis) as { min: number; max: number };
    expect([yAxis.min, yAxis.max]).toEqual([1, 5]);
  });

  it('keeps missing scores missing, never zero, and draws each line through them', () => {
    const series = sentimentTrendOption(data, context).series as { data: (number | null)[]; connectNulls: boolean }[];
    expect(series.map(({ data: values }) => values)).toEqual([
      [4.1, null, 4.3],
      [null, 3.2, 3.6],
    ]);
    expect(series.map(({ connectNulls }) => connectNulls)).toEqual([true, true]);
  });

  it('labels day buckets with the tenant date', () => {
    expect(shownLabels(sentimentTrendOption(data, context))).toEqual(['Nov 21', 'Nov 22', 'Nov 23']);
  });

  it('labels every day of a 90-day period with its date', () => {
    const starts = Array.from({ length: 90 }, (_, index) => new Date(Date.UTC(2026, 7, 25 + index)).toISOString());
    const quarter: SentimentTrend = { ...data, buckets: starts.map((start) => ({ start, ai: 4, human: null })) };
    const labels = shownLabels(sentimentTrendOption(quarter, { ...context, timeZone: 'UTC' }));
    expect(labels).toHaveLength(90);
    expect(labels[0]).toBe('Aug 25');
    expect(labels[89]).toBe('Nov 22');
  });

  it('labels a custom range of two days of hours with the dates and every sixth hour', () => {
    const starts = hours('2026-11-20T00:00:00Z', 48);
    const custom: SentimentTrend = { ...data, interval: 'hour', buckets: starts.map((start) => ({ start, ai: 4, human: 3 })) };
    expect(shownLabels(sentimentTrendOption(custom, { ...context, timeZone: 'UTC' }))).toEqual([
      'Nov 20',
      '06:00',
      '12:00',
      '18:00',
      'Nov 21',
      '06:00',
      '12:00',
      '18:00',
    ]);
  });

  it('shows the bucket date and time, and a dash for a missing score, in the tooltip', () => {
    const option = sentimentTrendOption(data, context);
    const tooltip = single(option.tooltip) as { formatter: (params: unknown) => string };
    const text = tooltip.formatter([
      { dataIndex: 1, seriesName: 'AI sentiment', value: null, marker: '' },
      { dataIndex: 1, seriesName: 'Human sentiment', value: 3.2, marker: '' },
    ]);
    expect(text).toContain('Nov 22, 2026');
    expect(text).toContain('AI sentiment: <strong>—</strong>');
    expect(text).toContain('Human sentiment: <strong>3.2</strong>');
  });

  it('is empty when no bucket has a score', () => {
    expect(hasNoSentiment(data)).toBe(false);
    expect(hasNoSentiment({ ...data, buckets: [{ start: data.from, ai: null, human: null }] })).toBe(true);
  });
});
