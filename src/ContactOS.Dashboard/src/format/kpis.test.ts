import { describe, expect, it } from 'vitest';
import { dictionaries } from '../i18n/dictionary';
import { comparisonLabel, formatKpiDelta, formatKpiValue, kpiTrend } from './kpis';

const en = dictionaries.en;

describe('formatKpiValue', () => {
  it('shows the AI resolution rate as a percentage', () => {
    expect(formatKpiValue('aiResolutionRate', 0.62, 'en-US', en)).toBe('62.0%');
  });

  it('shows counts with digit grouping', () => {
    expect(formatKpiValue('totalConversations', 1234, 'en-US', en)).toBe('1,234');
    expect(formatKpiValue('closedToday', 156, 'en-US', en)).toBe('156');
  });

  it('shows satisfaction out of 5, or a dash when unscored', () => {
    expect(formatKpiValue('satisfaction', 3.9, 'en-US', en)).toBe('3.9 / 5');
    expect(formatKpiValue('satisfaction', null, 'en-US', en)).toBe('—');
  });
});

describe('kpiTrend', () => {
  it('measures a rate change in percentage points', () => {
    expect(kpiTrend('aiResolutionRate', { value: 0.62, previous: 0.58 })).toEqual({ direction: 'up', change: 4 });
  });

  it('is down when the value fell', () => {
    expect(kpiTrend('satisfaction', { value: 3.9, previous: 4.1 })).toEqual({ direction: 'down', change: -0.2 });
  });

  it('is flat when the change rounds to nothing at the precision shown', () => {
    expect(kpiTrend('aiResolutionRate', { value: 0.6201, previous: 0.62 })).toEqual({ direction: 'flat', change: 0 });
    expect(kpiTrend('totalConversations', { value: 300, previous: 300 })).toEqual({ direction: 'flat', change: 0 });
  });

  it('is absent for live gauges, which have no previous value', () => {
    expect(kpiTrend('pending', { value: 7, previous: null })).toBeNull();
    expect(kpiTrend('active', { value: 42, previous: null })).toBeNull();
  });

  it('is absent when satisfaction was not scored in either period', () => {
    expect(kpiTrend('satisfaction', { value: null, previous: 4.1 })).toBeNull();
    expect(kpiTrend('satisfaction', { value: 4.1, previous: null })).toBeNull();
  });
});

describe('formatKpiDelta', () => {
  it('labels rate changes as points in each language', () => {
    const trend = { direction: 'up' as const, change: 4 };
    expect(formatKpiDelta('aiResolutionRate', trend, 'en-US', en)).toBe('+4.0 pts');
    expect(formatKpiDelta('aiResolutionRate', trend, 'es-ES', dictionaries.es)).toBe('+4,0 p. p.');
  });

  it('shows count changes as signed whole numbers', () => {
    expect(formatKpiDelta('totalConversations', { direction: 'up', change: 1340 }, 'en-US', en)).toBe('+1,340');
  });
});

describe('comparisonLabel', () => {
  it('compares Closed Today with yesterday and every other KPI with the previous period', () => {
    expect(comparisonLabel('closedToday', en)).toBe('vs yesterday');
    expect(comparisonLabel('totalConversations', en)).toBe('vs previous period');
  });
});
