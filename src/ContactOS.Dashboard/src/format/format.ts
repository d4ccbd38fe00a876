import type { BucketInterval } from '../api/types';

export const missingValue = '—';

const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat>();

function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat>(
  key: string,
  create: () => T,
): T {
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = create();
    formatters.set(key, formatter);
  }
  return formatter as T;
}

function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  return cached(`n|${locale}|${JSON.stringify(options)}`, () => new Intl.NumberFormat(locale, options));
}

function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return cached(`d|${locale}|${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(locale, options));
}

/** A 0-1 fraction as a percentage with one decimal: 0.62 → "62.0%" (en-US), "62,0 %" (es-ES). */
export function formatPercent(fraction: number, locale: string): string {
  return numberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(
    fraction,
  );
}

/** A whole count with the locale's digit grouping: 1234 → "1,234" (en-US). */
export function formatCount(count: number, locale: string): string {
  return numberFormat(locale, { maximumFractionDigits: 0 }).format(count);
}

/** A number with exactly one decimal: 3.94 → "3.9". */
export function formatOneDecimal(value: number, locale: string): string {
  return numberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
}

/** A mean satisfaction score out of 5 with one decimal, or a dash when no conversation was scored. */
export function formatSatisfaction(score: number | null, locale: string, scaleSuffix: string): string {
  return score === null ? missingValue : `${formatOneDecimal(score, locale)} ${scaleSuffix}`;
}

/** A signed change: +134, -0.2, 0. */
export function formatSigned(value: number, locale: string, fractionDigits: number): string {
  return numberFormat(locale, {
    signDisplay: 'exceptZero',
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  }).format(value);
}

/** A 0-1 fraction as a whole percentage, for chart axes: 0.25 → "25%". */
export function formatPercentAxis(fraction: number, locale: string): string {
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(fraction);
}

/** A number with at most `fractionDigits` decimals: a confidence (0.873 → "0.87"), a mean token count. */
export function formatDecimal(value: number, locale: string, fractionDigits = 2): string {
  return numberFormat(locale, { maximumFractionDigits: fractionDigits }).format(value);
}

/** A large count in the locale's short form, for axes: 12_400 → "12K" (en-US), "12 mil" (es-ES). */
export function formatCompact(value: number, locale: string): string {
  return numberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 }).format(value);
}

/** An NPS score, -100 to 100, signed and whole: +32, -5, 0. */
export function formatNps(score: number | null, locale: string): string {
  return score === null ? missingValue : formatSigned(Math.round(score), locale, 0);
}

const minute = 60;
const hour = 3600;
const day = 86_400;

function unitFormat(locale: string, unit: string, fractionDigits: number): Intl.NumberFormat {
  return numberFormat(locale, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: fractionDigits });
}

/**
 * A duration given in seconds, in the largest unit under which it reads as a small number: "42 sec", "8.5 sec",
 * "4.2 min", "3.1 hr", "2.5 days" (en-US); "42 s", "4,2 min", "3,1 h", "2,5 d" (es-ES). Null is a dash.
 */
export function formatDuration(seconds: number | null, locale: string): string {
  if (seconds === null) {
    return missingValue;
  }
  if (seconds < minute) {
    return unitFormat(locale, 'second', seconds < 10 ? 1 : 0).format(seconds);
  }
  if (seconds < hour) {
    return unitFormat(locale, 'minute', 1).format(seconds / minute);
  }
  if (seconds < 2 * day) {
    return unitFormat(locale, 'hour', 1).format(seconds / hour);
  }
  return unitFormat(locale, 'day', 1).format(seconds / day);
}

/** A latency given in milliseconds: "180 ms" under a second, else as {@link formatDuration}. */
export function formatLatency(milliseconds: number | null, locale: string): string {
  if (milliseconds === null) {
    return missingValue;
  }
  return milliseconds < 1000
    ? unitFormat(locale, 'millisecond', 0).format(milliseconds)
    : formatDuration(milliseconds / 1000, locale);
}

/**
 * Money in the tenant's currency (ISO 4217). Amounts under one unit keep two significant digits, since model spend per
 * conversation is often a fraction of a cent: 1234.5 → "$1,234.50", 0.0042 → "$0.0042". A code Intl does not
 * know is written after the number. Null is a dash.
 */
export function formatMoney(amount: number | null, currency: string, locale: string): string {
  if (amount === null) {
    return missingValue;
  }
  const magnitude = Math.abs(amount);
  const fractionDigits = magnitude === 0 || magnitude >= 1 ? 2 : Math.min(6, Math.max(2, Math.ceil(-Math.log10(magnitude)) + 1));
  try {
    return numberFormat(locale, {
      style: 'currency',
      currency,
      minimumFractionDigits: 2,
      maximumFractionDigits: fractionDigits,
    }).format(amount);
  } catch {
    return `${numberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: fractionDigits }).format(amount)} ${currency}`;
  }
}

/** "3 hours ago", "in 2 minutes", "now": the largest whole unit that fits the distance from now. */
export function formatRelativeTime(instant: Date, now: Date, locale: string): string {
  const format = cached(`r|${locale}`, () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }));
  const seconds = (instant.getTime() - now.getTime()) / 1000;
  const distance = Math.abs(seconds);
  if (distance < 45) {
    return format.format(0, 'second');
  }
  if (distance < 45 * 60) {
    return format.format(Math.round(seconds / 60), 'minute');
  }
  if (distance < 22 * 3600) {
    return format.format(Math.round(seconds / 3600), 'hour');
  }
  return format.format(Math.round(seconds / 86400), 'day');
}

/** Axis label of a time bucket in the tenant's time zone: the hour ("14:00") or the date ("Nov 22"). */
export function formatBucketLabel(start: string, interval: BucketInterval, timeZone: string, locale: string): string {
  const options: Intl.DateTimeFormatOptions =
    interval === 'hour'
      ? { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }
      : { timeZone, month: 'short', day: 'numeric' };
  return dateTimeFormat(locale, options).format(new Date(start));
}

/** The tenant-local calendar day ("2026-11-22") and hour (0-23) an instant falls in. */
function localDayAndHour(start: string, timeZone: string): { day: string; hour: number } {
  const parts = dateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(start));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((entry) => entry.type === type)?.value ?? '';
  return { day: `${part('year')}-${part('month')}-${part('day')}`, hour: Number(part('hour')) };
}

/** Hour buckets over at most this many tenant-local days are also labelled every few hours between the dates. */
const shortSpanDays = 3;
const shortSpanHourStep = 6;

/**
 * The labels a time axis shows under its buckets, in the tenant's time zone; an empty string where it shows none.
 * Day buckets show their date ("Nov 22"). Hour buckets within one local day show the hour ("14:00"). Hour buckets
 * spanning days (7d, or a custom range) show the date under the first bucket of each local day, so a reader knows
 * which day a point belongs to; over a short span, every sixth hour is labelled between the dates too.
 */
export function bucketAxisLabels(starts: string[], interval: BucketInterval, timeZone: string, locale: string): string[] {
  if (interval === 'day') {
    return starts.map((start) => formatBucketLabel(start, 'day', timeZone, locale));
  }
  const local = starts.map((start) => localDayAndHour(start, timeZone));
  const days = new Set(local.map(({ day }) => day)).size;
  if (days <= 1) {
    return starts.map((start) => formatBucketLabel(start, 'hour', timeZone, locale));
  }
  return starts.map((start, index) => {
    const { day, hour } = local[index] ?? { day: '', hour: 0 };
    if (day !== local[index - 1]?.day) {
      return formatBucketLabel(start, 'day', timeZone, locale);
    }
    return days <= shortSpanDays && hour % shortSpanHourStep === 0 ? formatBucketLabel(start, 'hour', timeZone, locale) : '';
  });
}

/** Tooltip title of a time bucket in the tenant's time zone, with the date for hour buckets too. */
export function formatBucketTitle(start: string, interval: BucketInterval, timeZone: string, locale: string): string {
  const options: Intl.DateTimeFormatOptions =
    interval === 'hour'
      ? { timeZone, dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23' }
      : { timeZone, dateStyle: 'medium' };
  return dateTimeFormat(locale, options).format(new Date(start));
}

/** A full date and time in the tenant's time zone, e.g. for the moment an agent's status changed. */
export function formatInstant(instant: string, timeZone: string, locale: string): string {
  return dateTimeFormat(locale, { timeZone, dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23' }).format(
    new Date(instant),
  );
}

/** The calendar month an instant falls in, in the tenant's time zone: "November 2026", "noviembre de 2026". */
export function formatMonth(instant: string, timeZone: string, locale: string): string {
  return dateTimeFormat(locale, { timeZone, month: 'long', year: 'numeric' }).format(new Date(instant));
}

/**
 * Creates ahead of time the number formats, and a date format, that the first screen uses. The first Intl format a
 * page creates loads the locale's data, which takes tens of milliseconds; done while the page's code is still
 * compiling, that no longer delays the first render.
 */
export function prepareFormats(locale: string): void {
  formatPercent(0, locale);
  formatCount(0, locale);
  formatOneDecimal(0, locale);
  formatSigned(0, locale, 1);
  formatSigned(0, locale, 0);
  formatBucketLabel(new Date(0).toISOString(), 'hour', 'UTC', locale);
}

/** Intent identifiers are snake_case: "billing_question" reads as "Billing question". */
export function humanizeIdentifier(identifier: string): string {
  const words = identifier.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The tenant-local calendar day an instant falls in, as the API's `date` parameter takes it: "2026-11-22". */
export function localDate(instant: Date, timeZone: string): string {
  return localDayAndHour(instant.toISOString(), timeZone).day;
}

/** A calendar day ("2026-11-22") as the locale writes it in full: "Sunday, November 22, 2026". */
export function formatDay(date: string, locale: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return dateTimeFormat(locale, { timeZone: 'UTC', dateStyle: 'full' }).format(
    new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1)),
  );
}

/** A weekday by its index from Monday (0) to Sunday (6), in the locale: "Mon"/"lun" short, "Monday"/"lunes" long. */
export function formatWeekday(index: number, locale: string, width: 'short' | 'long'): string {
  // 2024-01-01 was a Monday.
  return dateTimeFormat(locale, { timeZone: 'UTC', weekday: width }).format(new Date(Date.UTC(2024, 0, 1 + index)));
}

/** A local hour of the day on a 24-hour clock: 9 → "09:00". */
export function formatHour(hour: number): string {
  return `${String(hour).padStart(2, '0')}:00`;
}

/** The time of day of an instant in the tenant's time zone, with seconds when asked: "10:15", "10:15:20". */
export function formatClock(instant: string | number, timeZone: string, locale: string, withSeconds = false): string {
  return dateTimeFormat(locale, {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    ...(withSeconds ? { second: '2-digit' } : {}),
    hourCycle: 'h23',
  }).format(new Date(instant));
}

/**
 * How many hours the tenant-local day starting at `start` (its midnight) lasts: 24, or 23 and 25 on the days clocks
 * go forward and back.
 */
export function localDayHours(start: string, timeZone: string): number {
  const next = new Date(new Date(start).getTime() + 24 * 3600_000).toISOString();
  const { hour } = localDayAndHour(next, timeZone);
  return hour === 0 ? 24 : hour === 1 ? 23 : 25;
}
