import type { KpiName, KpiValue } from '../api/types';
import type { Dictionary } from '../i18n/dictionary';
import { formatCount, formatPercent, formatSatisfaction, formatSigned, missingValue } from './format';

export const kpiOrder: readonly KpiName[] = [
  'aiResolutionRate',
  'totalConversations',
  'pending',
  'closedToday',
  'active',
  'satisfaction',
];

export type TrendDirection = 'up' | 'down' | 'flat';

export interface KpiTrend {
  direction: TrendDirection;
  /** The change in the unit the delta is shown in (percentage points for rates), rounded as shown. */
  change: number;
}

interface DeltaUnit {
  scale: number;
  fractionDigits: number;
}

const deltaUnits: Record<KpiName, DeltaUnit> = {
  aiResolutionRate: { scale: 100, fractionDigits: 1 },
  totalConversations: { scale: 1, fractionDigits: 0 },
  pending: { scale: 1, fractionDigits: 0 },
  closedToday: { scale: 1, fractionDigits: 0 },
  active: { scale: 1, fractionDigits: 0 },
  satisfaction: { scale: 1, fractionDigits: 1 },
};

export function formatKpiValue(name: KpiName, value: number | null, locale: string, t: Dictionary): string {
  if (name === 'satisfaction') {
    return formatSatisfaction(value, locale, t.satisfactionScale);
  }
  if (value === null) {
    return missingValue;
  }
  return name === 'aiResolutionRate' ? formatPercent(value, locale) : formatCount(value, locale);
}

/**
 * The change against the previous period, or null when there is nothing to compare with (live gauges have no
 * previous value; satisfaction has none when no conversation was scored). A change that rounds to zero is flat.
 */
export function kpiTrend(name: KpiName, kpi: KpiValue): KpiTrend | null {
  if (kpi.value === null || kpi.previous === null) {
    return null;
  }
  const { scale, fractionDigits } = deltaUnits[name];
  const factor = 10 ** fractionDigits;
  const change = Math.round((kpi.value - kpi.previous) * scale * factor) / factor || 0;
  const direction: TrendDirection = change > 0 ? 'up' : change < 0 ? 'down' : 'flat';
  return { direction, change };
}

export function formatKpiDelta(name: KpiName, trend: KpiTrend, locale: string, t: Dictionary): string {
  const signed = formatSigned(trend.change, locale, deltaUnits[name].fractionDigits);
  return name === 'aiResolutionRate' ? `${signed} ${t.trend.points}` : signed;
}

export function comparisonLabel(name: KpiName, t: Dictionary): string {
  return name === 'closedToday' ? t.trend.vsYesterday : t.trend.vsPrevious;
}
