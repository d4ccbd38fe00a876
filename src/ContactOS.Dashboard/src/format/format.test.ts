import { describe, expect, it } from 'vitest';
import {
  formatBucketLabel,
  formatBucketTitle,
  formatCompact,
  formatCount,
  formatDuration,
  formatLatency,
  formatMoney,
  formatMonth,
  formatNps,
  formatPercent,
  formatRelativeTime,
  formatSatisfaction,
  formatSigned,
  humanizeIdentifier,
} from './format';

// Intl separates Spanish numbers from their unit with a no-break space.
const nbsp = '\u00a0';

describe('formatPercent', () => {
  it('shows a fraction as a percentage with one decimal', () => {
    expect(formatPercent(0.62, 'en-US')).toBe('62.0%');
    expect(formatPercent(0.8749, 'en-US')).toBe('87.5%');
    expect(formatPercent(1, 'en-US')).toBe('100.0%');
    expect(formatPercent(0, 'en-US')).toBe('0.0%');
  });

  it('follows the Spanish decimal comma and spacing', () => {
    expect(formatPercent(0.62, 'es-ES')).toBe(`62,0${nbsp}%`);
  });
});

describe('formatCount', () => {
  it('groups thousands with a comma in English', () => {
    expect(formatCount(1247, 'en-US')).toBe('1,247');
    expect(formatCount(1234567, 'en-US')).toBe('1,234,567');
    expect(formatCount(42, 'en-US')).toBe('42');
  });

  it('groups thousands with a point in Spanish, from five digits as the Spanish convention prescribes', () => {
    expect(formatCount(12345, 'es-ES')).toBe('12.345');
    expect(formatCount(1234567, 'es-ES')).toBe('1.234.567');
    expect(formatCount(1247, 'es-ES')).toBe('1247');
  });
});

describe('formatSatisfaction', () => {
  it('shows the mean score with one decimal out of 5', () => {
    expect(formatSatisfaction(3.94, 'en-US', '/ 5')).toBe('3.9 / 5');
    expect(formatSatisfaction(4, 'es-ES', '/ 5')).toBe('4,0 / 5');
  });

  it('shows a dash when no conversation was scored', () => {
    expect(formatSatisfaction(null, 'en-US', '/ 5')).toBe('—');
  });
});

describe('formatSigned', () => {
  it('always shows the sign of a non-zero change and none for zero', () => {
    expect(formatSigned(134, 'en-US', 0)).toBe('+134');
    expect(formatSigned(-0.2, 'en-US', 1)).toBe('-0.2');
    expect(formatSigned(0, 'en-US', 1)).toBe('0.0');
  });
});

describe('formatRelativeTime', () => {
  const now = new Date('2026-11-22T12:00:00Z');

  it('says now for the last few seconds', () => {
    expect(formatRelativeTime(new Date('2026-11-22T11:59:40Z'), now, 'en-US')).toBe('now');
  });

  it('uses minutes, hours and days as the distance grows', () => {
    expect(formatRelativeTime(new Date('2026-11-22T11:55:00Z'), now, 'en-US')).toBe('5 minutes ago');
    expect(formatRelativeTime(new Date('2026-11-22T09:12:00Z'), now, 'en-US')).toBe('3 hours ago');
    expect(formatRelativeTime(new Date('2026-11-19T12:00:00Z'), now, 'en-US')).toBe('3 days ago');
    expect(formatRelativeTime(new Date('2026-11-21T11:00:00Z'), now, 'en-US')).toBe('yesterday');
  });

  it('speaks Spanish', () => {
    expect(formatRelativeTime(new Date('2026-11-22T09:12:00Z'), now, 'es-ES')).toBe('hace 3 horas');
  });
});

describe('formatBucketLabel', () => {
  it('labels hour buckets with the hour in the tenant time zone', () => {
    expect(formatBucketLabel('2026-11-22T08:00:00+00:00', 'hour', 'Europe/Madrid', 'en-US')).toBe('09:00');
    expect(formatBucketLabel('2026-11-22T08:00:00+00:00', 'hour', 'America/New_York', 'en-US')).toBe('03:00');
  });

  it('labels day buckets with the date in the tenant time zone, not UTC', () => {
    // Midnight in Madrid is still the previous day in UTC.
    expect(formatBucketLabel('2026-11-21T23:00:00+00:00', 'day', 'Europe/Madrid', 'en-US')).toBe('Nov 22');
    expect(formatBucketLabel('2026-11-21T23:00:00+00:00', 'day', 'Europe/Madrid', 'es-ES')).toBe('22 nov');
  });

  it('skips the missing hour on the spring-forward day', () => {
    const starts = ['2026-03-28T23:00:00Z', '2026-03-29T00:00:00Z', '2026-03-29T01:00:00Z', '2026-03-29T02:00:00Z'];
    expect(starts.map((start) => formatBucketLabel(start, 'hour', 'Europe/Madrid', 'en-US'))).toEqual([
      '00:00',
      '01:00',
      '03:00',
      '04:00',
    ]);
  });

  it('shows the repeated hour twice on the fall-back day', () => {
    const starts = [
      '2026-10-24T22:00:00Z',
      '2026-10-24T23:00:00Z',
      '2026-10-25T00:00:00Z',
      '2026-10-25T01:00:00Z',
      '2026-10-25T02:00:00Z',
    ];
    expect(starts.map((start) => formatBucketLabel(start, 'hour', 'Europe/Madrid', 'en-US'))).toEqual([
      '00:00',
      '01:00',
      '02:00',
      '02:00',
      '03:00',
    ]);
  });

  it('gives hour buckets a tooltip title with the date', () => {
    expect(formatBucketTitle('2026-11-22T08:00:00Z', 'hour', 'Europe/Madrid', 'en-US')).toBe('Nov 22, 2026, 09:00');
    expect(formatBucketTitle('2026-11-21T23:00:00Z', 'day', 'Europe/Madrid', 'en-US')).toBe('Nov 22, 2026');
  });
});

describe('humanizeIdentifier', () => {
  it('turns snake_case intents into a readable label', () => {
    expect(humanizeIdentifier('billing_question')).toBe('Billing question');
    expect(humanizeIdentifier('cancel')).toBe('Cancel');
  });
});

describe('formatDuration', () => {
  it('picks the unit under which a duration reads as a small number', () => {
    expect(formatDuration(0.4, 'en-US')).toBe('0.4 sec');
    expect(formatDuration(8.46, 'en-US')).toBe('8.5 sec');
    expect(formatDuration(42.4, 'en-US')).toBe('42 sec');
    expect(formatDuration(252, 'en-US')).toBe('4.2 min');
    expect(formatDuration(11_160, 'en-US')).toBe('3.1 hr');
    expect(formatDuration(216_000, 'en-US')).toBe('2.5 days');
  });

  it('writes Spanish units and decimals, and a dash for nothing measured', () => {
    // Spanish units follow the number after a space Intl picks (no-break or narrow no-break).
    expect(formatDuration(252, 'es-ES')).toMatch(/^4,2\s+min$/u);
    expect(formatDuration(11_160, 'es-ES')).toMatch(/^3,1\s+h$/u);
    expect(formatDuration(null, 'es-ES')).toBe('—');
  });
});

describe('formatLatency', () => {
  it('shows milliseconds under a second and a duration above', () => {
    expect(formatLatency(180.4, 'en-US')).toBe('180 ms');
    expect(formatLatency(1250, 'en-US')).toBe('1.3 sec');
    expect(formatLatency(null, 'en-US')).toBe('—');
  });
});

describe('formatMoney', () => {
  it("writes the tenant's currency the locale's way", () => {
    expect(formatMoney(1234.5, 'USD', 'en-US')).toBe('$1,234.50');
    expect(formatMoney(1234.5, 'EUR', 'es-ES')).toBe(`1234,50${nbsp}€`);
    expect(formatMoney(0, 'EUR', 'en-US')).toBe('€0.00');
  });

  it('keeps two significant digits of amounts under one unit', () => {
    expect(formatMoney(0.0042, 'USD', 'en-US')).toBe('$0.0042');
    expect(formatMoney(0.052475, 'USD', 'en-US')).toBe('$0.052');
    expect(formatMoney(0.5, 'USD', 'en-US')).toBe('$0.50');
  });

  it('writes a code Intl does not know after the number, and a dash for a figure that is not set', () => {
    expect(formatMoney(12, 'XYZ1', 'en-US')).toBe('12.00 XYZ1');
    expect(formatMoney(null, 'USD', 'en-US')).toBe('—');
  });
});

describe('formatNps', () => {
  it('signs the score and rounds it to a whole number', () => {
    expect(formatNps(32.4, 'en-US')).toBe('+32');
    expect(formatNps(-5, 'en-US')).toBe('-5');
    expect(formatNps(0, 'en-US')).toBe('0');
    expect(formatNps(null, 'en-US')).toBe('—');
  });
});

describe('formatCompact and formatMonth', () => {
  it('shortens large counts and names the month in the tenant time zone', () => {
    expect(formatCompact(12_400, 'en-US')).toBe('12.4K');
    expect(formatMonth('2026-11-01T00:00:00+01:00', 'Europe/Madrid', 'en-US')).toBe('November 2026');
    expect(formatMonth('2026-11-01T00:00:00+01:00', 'Europe/Madrid', 'es-ES')).toBe('noviembre de 2026');
  });
});
