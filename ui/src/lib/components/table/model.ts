/**
 * Pure helpers behind the generic data table: column preferences (order, hidden, widths) and
 * their storage key, quick filters, the virtual window, keyboard movement and CSV cells.
 */
import { cellText, type ColumnDef } from '../../table';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** What the user chose about a table's columns; remembered per table. */
export interface ColumnPrefs {
  order: string[];
  hidden: string[];
  widths: Record<string, number>;
}

export const MIN_WIDTH = 48;
export const MAX_WIDTH = 900;
export const DEFAULT_WIDTH = 140;

/** Default preferences from the column definitions. */
export function defaultPrefs<T>(columns: readonly ColumnDef<T>[]): ColumnPrefs {
  return {
    order: columns.map((c) => c.id),
    hidden: columns.filter((c) => c.hidden).map((c) => c.id),
    widths: {},
  };
}

/**
 * Preferences made consistent with the current columns: unknown IDs dropped, duplicate IDs
 * removed, new columns appended (hidden when hidden by default), widths clamped.
 */
export function normalizePrefs<T>(raw: Partial<ColumnPrefs> | null | undefined, columns: readonly ColumnDef<T>[]): ColumnPrefs {
  const ids = new Set(columns.map((c) => c.id));
  const base = defaultPrefs(columns);
  if (!raw || typeof raw !== 'object') return base;
  const seen = new Set<string>();
  const order: string[] = [];
  for (const id of Array.isArray(raw.order) ? raw.order : []) {
    if (typeof id === 'string' && ids.has(id) && !seen.has(id)) {
      seen.add(id);
      order.push(id);
    }
  }
  const known = new Set(Array.isArray(raw.order) ? raw.order : []);
  const hidden = new Set((Array.isArray(raw.hidden) ? raw.hidden : []).filter((id) => typeof id === 'string' && ids.has(id)));
  for (const c of columns) {
    if (!seen.has(c.id)) {
      order.push(c.id);
      // A column the saved preferences never knew takes its default visibility.
      if (!known.has(c.id) && c.hidden) hidden.add(c.id);
    }
  }
  const widths: Record<string, number> = {};
  for (const [id, w] of Object.entries(raw.widths ?? {})) {
    if (ids.has(id) && typeof w === 'number' && Number.isFinite(w)) widths[id] = clampWidth(w);
  }
  return { order, hidden: [...hidden], widths };
}

export function clampWidth(w: number): number {
  return Math.round(Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, w)));
}

/** The shown columns, in the chosen order. */
export function visibleColumns<T>(columns: readonly ColumnDef<T>[], prefs: ColumnPrefs): ColumnDef<T>[] {
  const byId = new Map(columns.map((c) => [c.id, c]));
  const hidden = new Set(prefs.hidden);
  return prefs.order.filter((id) => !hidden.has(id)).flatMap((id) => byId.get(id) ?? []);
}

export function columnWidth<T>(col: ColumnDef<T>, prefs: ColumnPrefs): number {
  return prefs.widths[col.id] ?? col.width ?? DEFAULT_WIDTH;
}

/** Moves a column by `delta` places in the order (clamped at the ends). */
export function moveColumn(prefs: ColumnPrefs, id: string, delta: number): ColumnPrefs {
  const order = [...prefs.order];
  const from = order.indexOf(id);
  if (from < 0) return prefs;
  const to = Math.max(0, Math.min(order.length - 1, from + delta));
  order.splice(from, 1);
  order.splice(to, 0, id);
  return { ...prefs, order };
}

/** Moves column `id` to where `before` is (drag and drop in the header). */
export function moveColumnBefore(prefs: ColumnPrefs, id: string, before: string): ColumnPrefs {
  if (id === before) return prefs;
  const order = prefs.order.filter((x) => x !== id);
  const at = order.indexOf(before);
  if (at < 0 || !prefs.order.includes(id)) return prefs;
  order.splice(at, 0, id);
  return { ...prefs, order };
}

/** Shows or hides a column; the last shown column cannot be hidden. */
export function toggleColumn(prefs: ColumnPrefs, id: string, show: boolean): ColumnPrefs {
  const hidden = new Set(prefs.hidden);
  if (show) hidden.delete(id);
  else if (prefs.order.filter((c) => !hidden.has(c)).length > 1) hidden.add(id);
  return { ...prefs, hidden: [...hidden] };
}

export function setWidth(prefs: ColumnPrefs, id: string, width: number): ColumnPrefs {
  return { ...prefs, widths: { ...prefs.widths, [id]: clampWidth(width) } };
}

/** Where a table's column preferences are remembered (lib/persisted.svelte.ts keeps them). */
export function prefsKey(tableId: string): string {
  return `eipdesk.table.${tableId}.columns`;
}

/** A quick filter: a select over the distinct values of a row property. */
export interface FilterDef<T> {
  id: string;
  label: string;
  /** The value filtered on (a raw API value, so a choice survives a language switch). */
  value: (row: T) => string | null | undefined;
  /** How a value is worded in the menu (default: as it is). */
  text?: (value: string) => string;
}

export interface FilterOption {
  value: string;
  count: number;
}

/** Distinct non-empty values with their counts, sorted. */
export function filterOptions<T>(rows: readonly T[], def: FilterDef<T>): FilterOption[] {
  const counts = new Map<string, number>();
  for (const row of rows) {
    const v = def.value(row);
    if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  return [...counts.entries()]
    .sort((a, b) => a[0].localeCompare(b[0], undefined, { numeric: true }))
    .map(([value, count]) => ({ value, count }));
}

/**
 * The choices of every quick filter with counts that honour the other active filters: each
 * count is how many of `rows` the table would show if that value were chosen. A selected value
 * stays listed (with 0) when the other filters leave none of it.
 */
export function facetOptions<T>(
  rows: readonly T[],
  defs: readonly FilterDef<T>[],
  selected: Record<string, string>,
): { def: FilterDef<T>; options: FilterOption[] }[] {
  return defs.map((def) => {
    const others = defs.filter((d) => d !== def);
    const options = filterOptions(applyFilters(rows, others, selected), def);
    const chosen = selected[def.id];
    if (chosen && !options.some((o) => o.value === chosen)) {
      options.push({ value: chosen, count: 0 });
      options.sort((a, b) => a.value.localeCompare(b.value, undefined, { numeric: true }));
    }
    return { def, options };
  });
}

/**
 * The columns to render in `available` pixels: when all of them do not fit, columns go by
 * priority (3 before 2, the rightmost first); priority-1 columns and the first (pinned)
 * column always stay. Returns the kept columns, in order, and the ones left out.
 */
export function fitColumns<T>(
  columns: readonly ColumnDef<T>[],
  widthOf: (col: ColumnDef<T>) => number,
  available: number,
): { shown: ColumnDef<T>[]; dropped: ColumnDef<T>[] } {
  let total = columns.reduce((sum, c) => sum + widthOf(c), 0);
  if (total <= available || available <= 0) return { shown: [...columns], dropped: [] };
  const candidates = columns
    .map((col, index) => ({ col, index, priority: col.priority ?? 3 }))
    .filter((c) => c.index > 0 && c.priority > 1)
    .sort((a, b) => b.priority - a.priority || b.index - a.index);
  const dropped = new Set<ColumnDef<T>>();
  for (const c of candidates) {
    if (total <= available) break;
    dropped.add(c.col);
    total -= widthOf(c.col);
  }
  return { shown: columns.filter((c) => !dropped.has(c)), dropped: columns.filter((c) => dropped.has(c)) };
}

/** Rows matching every selected filter (an empty selection matches all). */
export function applyFilters<T>(rows: readonly T[], defs: readonly FilterDef<T>[], selected: Record<string, string>): T[] {
  const active = defs.filter((d) => selected[d.id]);
  if (active.length === 0) return rows as T[];
  return rows.filter((row) => active.every((d) => d.value(row) === selected[d.id]));
}

/** Which rows to render for a scroll position. */
export interface VirtualWindow {
  start: number;
  end: number;
  /** Pixels above the first rendered row. */
  offset: number;
  totalHeight: number;
}

export function virtualWindow(scrollTop: number, viewport: number, rowHeight: number, total: number, overscan = 8): VirtualWindow {
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const start = Math.max(0, Math.min(total, first - overscan));
  const shown = Math.ceil(Math.max(0, viewport) / rowHeight) + 1;
  const end = Math.min(total, first + shown + overscan);
  return { start, end: Math.max(start, end), offset: start * rowHeight, totalHeight: total * rowHeight };
}

/** The selection index after a navigation key, or null when the key does not move it. */
export function nextIndex(current: number, key: string, total: number, pageSize: number): number | null {
  if (total === 0) return null;
  const at = current < 0 ? -1 : Math.min(current, total - 1);
  const page = Math.max(1, pageSize);
  switch (key) {
    case 'ArrowDown':
      return Math.min(total - 1, at + 1);
    case 'ArrowUp':
      return at < 0 ? 0 : Math.max(0, at - 1);
    case 'PageDown':
      return Math.min(total - 1, Math.max(0, at) + page);
    case 'PageUp':
      return Math.max(0, at - page);
    case 'Home':
      return 0;
    case 'End':
      return total - 1;
    default:
      return null;
  }
}

/** The scrollTop that brings row `index` into view (unchanged when it is visible). */
export function scrollToRow(index: number, scrollTop: number, viewport: number, rowHeight: number): number {
  const top = index * rowHeight;
  if (top < scrollTop) return top;
  if (top + rowHeight > scrollTop + viewport) return top + rowHeight - viewport;
  return scrollTop;
}

/** Header and cells of the rows as shown, for CSV export. */
export function csvCells<T>(rows: readonly T[], columns: readonly ColumnDef<T>[]): { headers: string[]; rows: string[][] } {
  return {
    headers: columns.map((c) => c.label),
    rows: rows.map((row) => columns.map((c) => cellText(c, row))),
  };
}

/**
 * The cells of one row as HTML. The table renders rows this way because one `{@html}` per
 * row costs far less than a reactive block per cell, which matters when 10,000 rows scroll
 * or filter. Every value is escaped; no inline style is produced (the CSP forbids them):
 * widths come from per-position CSS rules, and clicks are handled by one delegated listener
 * through the `data-*` attributes. The buttons inside are not tab stops (`tabindex=-1`): the
 * grid is one tab stop, and the keyboard reaches a row's links and actions through its details.
 */
export function rowHtml<T>(columns: readonly ColumnDef<T>[], row: T, links: boolean): string {
  let html = '';
  for (const col of columns) {
    const text = cellText(col, row);
    let inner: string;
    if (text === '') {
      inner = `<span class="muted">${escapeHtml(col.placeholder ?? '—')}</span>`;
    } else if (col.badge) {
      inner = `<span class="badge ${escapeHtml(col.badge(row))}">${escapeHtml(text)}</span>`;
    } else {
      const target = links ? (col.link?.(row) ?? null) : null;
      inner = target
        ? `<button type="button" class="link" tabindex="-1" data-link-kind="${escapeHtml(target.kind)}" data-link-id="${escapeHtml(target.id)}">${escapeHtml(text)}</button>`
        : escapeHtml(text);
    }
    const copy =
      col.copy && text !== ''
        ? `<button type="button" class="copy-button" tabindex="-1" title="Copy ${escapeHtml(col.label)}" aria-label="Copy ${escapeHtml(col.label)} ${escapeHtml(text)}" data-copy="${escapeHtml(text)}"></button>`
        : '';
    // The full text on hover: cells truncate with an ellipsis.
    const title = text === '' ? '' : ` title="${escapeHtml(text)}"`;
    html += `<td${col.mono ? ' class="mono"' : ''} data-column="${escapeHtml(col.id)}"${title}>${inner}${copy}</td>`;
  }
  return html;
}
