import { describe, expect, it } from 'vitest';
import type { HandoffReasons, SentimentTrend, VolumeSeries } from '../api/types';
import { dictionaries } from '../i18n/dictionary';
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

const palette = {
  ai: '#00f',
  human: '#f80',
  text: '#111',
  mutedText: '#666',
  gridLine: '#ddd',
  surface: '#fff',
  fontFamily: 'sans-serif',
};
const context: ChartContext = { palette, locale: 'en-US', t: dictionaries.en, timeZone: 'Europe/Madrid' };
const window = { period: '7d' as const, from: '2026-11-15T00:00:00+00:00', to: '2026-11-22T00:00:00+00:00' };

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
      'Bucle detectado',
      'Otro',
    ]);
  });

  it('is empty when no conversation was handed off', () => {
    expect(hasNoHandoffs(data)).toBe(false);
    expect(hasNoHandoffs({ ...window, reasons: [{ reason: 'other', count: 0 }] })).toBe(true);
  });
});

describe('topIntentsOption', () => {
  it('shows at most five intents with readable names', () => {
    const intents = ['service_check', 'validate_doc', 'cancel', 'modify', 'status', 'extra'].map((intent, index) => ({
      intent,
      count: 60 - index * 10,
    }));
    const option = topIntentsOption({ ...window, intents }, context);
    expect((single(option.yAxis) as { data: string[] }).data).toEqual([
      'Service check',
      'Validate doc',
      'Cancel',
      'Modify',
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

  it('labels the buckets in the tenant time zone', () => {
    expect((single(volumeOption(data, context).xAxis) as { data: string[] }).data).toEqual(['09:00', '10:00']);
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

  it('keeps missing scores as gaps instead of joining or zeroing them', () => {
    const series = sentimentTrendOption(data, context).series as { data: (number | null)[]; connectNulls: boolean }[];
    expect(series.map(({ data: values }) => values)).toEqual([
      [4.1, null, 4.3],
      [null, 3.2, 3.6],
    ]);
    expect(series.every(({ connectNulls }) => !connectNulls)).toBe(true);
  });

  it('labels day buckets with the tenant date', () => {
    expect((single(sentimentTrendOption(data, context).xAxis) as { data: string[] }).data).toEqual([
      'Nov 21',
      'Nov 22',
      'Nov 23',
    ]);
  });

  it('is empty when no bucket has a score', () => {
    expect(hasNoSentiment(data)).toBe(false);
    expect(hasNoSentiment({ ...data, buckets: [{ start: data.from, ai: null, human: null }] })).toBe(true);
  });
});
