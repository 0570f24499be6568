/**
 * The command palette's pure logic: its entries (resources and actions), matching a query
 * against them, and ordering by match quality and frecency (how often and how lately an entry
 * was chosen). No DOM; unit-tested.
 */

export type EntryKind = 'eip' | 'eni' | 'instance' | 'action';

export interface Entry {
  /** Stable across sessions (`eip:eip-bp1…`, `action:refresh`): the frecency key. */
  key: string;
  kind: EntryKind;
  title: string;
  detail: string;
  /** Exact identifiers (ID, IP): a query equal to one ranks first. */
  ids: string[];
  /** Everything else searched: names, tags, region. */
  words: string[];
}

/** When and how often an entry was chosen. */
export interface Use {
  count: number;
  /** Milliseconds since the epoch. */
  last: number;
}
export type Uses = Record<string, Use>;

const DAY = 86_400_000;

/** Frecency: uses weighted by age (today counts 4×, this week 2×, this month 1×, older ½×). */
export function frecency(use: Use | undefined, now: number): number {
  if (!use) return 0;
  const age = now - use.last;
  const weight = age < DAY ? 4 : age < 7 * DAY ? 2 : age < 30 * DAY ? 1 : 0.5;
  return use.count * weight;
}

/** Records a choice; keeps the 200 most recent keys. */
export function recordUse(uses: Uses, key: string, now: number): Uses {
  const next: Uses = { ...uses, [key]: { count: (uses[key]?.count ?? 0) + 1, last: now } };
  const keys = Object.keys(next);
  if (keys.length <= 200) return next;
  const keep = keys.sort((a, b) => next[b]!.last - next[a]!.last).slice(0, 200);
  return Object.fromEntries(keep.map((k) => [k, next[k]!]));
}

/** How well `entry` matches the lower-cased terms: 0 when it does not. */
function matchScore(entry: Entry, terms: string[], whole: string): number {
  const ids = entry.ids.map((s) => s.toLowerCase());
  const hay = [...ids, entry.title.toLowerCase(), ...entry.words.map((w) => w.toLowerCase())].join('\u0000');
  if (!terms.every((t) => hay.includes(t))) return 0;
  if (ids.includes(whole)) return 100;
  if (ids.some((id) => id.startsWith(whole))) return 60;
  if (entry.title.toLowerCase().startsWith(whole)) return 40;
  return 10;
}

/**
 * The entries to show for `query`, best first, at most `limit`. An empty query lists actions
 * and recently chosen entries (frecency first); a query ranks by match, then frecency, then
 * actions before resources, then title.
 */
export function rank(entries: readonly Entry[], query: string, uses: Uses, now: number, limit = 50): Entry[] {
  const whole = query.trim().toLowerCase();
  const terms = whole.split(/\s+/).filter(Boolean);
  const scored: { entry: Entry; score: number; recent: number }[] = [];
  for (const entry of entries) {
    const recent = frecency(uses[entry.key], now);
    if (terms.length === 0) {
      if (entry.kind === 'action' || recent > 0) scored.push({ entry, score: 0, recent });
      continue;
    }
    const score = matchScore(entry, terms, whole);
    if (score > 0) scored.push({ entry, score, recent });
  }
  scored.sort(
    (a, b) =>
      b.score - a.score ||
      b.recent - a.recent ||
      Number(b.entry.kind === 'action') - Number(a.entry.kind === 'action') ||
      a.entry.title.localeCompare(b.entry.title),
  );
  return scored.slice(0, limit).map((s) => s.entry);
}
