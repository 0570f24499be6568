/** Times as the profile screens show them: "3 h ago", "expires in 59 min (14:05)". */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

function span(ms: number): string {
  if (ms < MINUTE) return `${Math.max(1, Math.round(ms / 1000))} s`;
  if (ms < HOUR) return `${Math.round(ms / MINUTE)} min`;
  if (ms < DAY) return `${Math.round(ms / HOUR)} h`;
  const days = Math.round(ms / DAY);
  return `${days} day${days === 1 ? '' : 's'}`;
}

/** "just now", "5 min ago", "2 days ago", or "never" for `null`. */
export function formatRelative(iso: string | null, now: Date = new Date()): string {
  if (!iso) return 'never';
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  const ago = now.getTime() - t;
  if (ago < 45_000) return 'just now';
  return `${span(ago)} ago`;
}

/** "in 59 min" or "expired 3 min ago". */
export function formatExpiry(iso: string, now: Date = new Date()): { text: string; expired: boolean } {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return { text: iso, expired: false };
  const left = t - now.getTime();
  return left > 0 ? { text: `in ${span(left)}`, expired: false } : { text: `expired ${span(-left)} ago`, expired: true };
}

/** A local date and time for tooltips and details ("2026-06-01 14:05:00"). */
export function formatLocal(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}
