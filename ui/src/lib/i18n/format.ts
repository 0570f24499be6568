/**
 * Numbers, dates, times and relative times for the chosen locale, through `Intl`. Each
 * function takes the locale last (tests pass it); components leave it to the language store.
 */
import { language, type Locale } from './locale.svelte';

const current = (): Locale => language.current;

/** `12,345` / `12,345`. */
export function formatNumber(n: number, locale: Locale = current()): string {
  return new Intl.NumberFormat(locale).format(n);
}

/** The time of day: `2:05:09 PM` / `14:05:09`. */
export function formatTime(d: Date, locale: Locale = current()): string {
  return d.toLocaleTimeString(locale);
}

/** Date and time, for tooltips and details: `Jun 1, 2026, 2:05:09 PM` / `2026年6月1日 14:05:09`. */
export function formatDateTime(value: Date | string, locale: Locale = current()): string {
  const d = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(d.getTime())) return String(value);
  return d.toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'medium' });
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
  ['second', 1000],
];

/** How far `ms` is from now, signed (negative: past): `5 min. ago`, `in 2 hr.` / `5分钟前`, `2小时后`. */
export function formatSpan(ms: number, locale: Locale = current()): string {
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style: 'short' });
  const abs = Math.abs(ms);
  for (const [unit, size] of UNITS) {
    if (abs >= size || unit === 'second') return rtf.format(Math.round(ms / size), unit);
  }
  return rtf.format(0, 'second');
}
