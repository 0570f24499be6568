/**
 * Times as the profile screens show them, in the chosen locale (`Intl` through lib/i18n):
 * "3 hr. ago" / "3小时前", "expires in 59 min." / "59分钟后".
 */
import { formatDateTime, formatSpan, m } from '../i18n';
import type { Locale } from '../i18n/locale.svelte';
import { language } from '../i18n';

/** "just now", "5 min. ago", "2 days ago", or "never" for `null`. */
export function formatRelative(iso: string | null, now: Date = new Date(), locale: Locale = language.current): string {
  if (!iso) return m.never({}, { locale });
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  const ago = now.getTime() - t;
  if (ago < 45_000) return m.just_now({}, { locale });
  return formatSpan(-ago, locale);
}

/** "in 59 min." or "expired 3 min. ago". */
export function formatExpiry(iso: string, now: Date = new Date(), locale: Locale = language.current): { text: string; expired: boolean } {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return { text: iso, expired: false };
  const left = t - now.getTime();
  return left > 0 ? { text: formatSpan(left, locale), expired: false } : { text: m.expired_ago({ ago: formatSpan(left, locale) }, { locale }), expired: true };
}

/** A local date and time for tooltips and details. */
export function formatLocal(iso: string): string {
  return formatDateTime(iso);
}
