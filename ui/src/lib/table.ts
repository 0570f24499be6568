/** Pure table logic: comparing, sorting and searching rows. No DOM, fully unit-tested. */

export type SortDir = 'asc' | 'desc';

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/** Numeric key for an IPv4 address, or null when the text is not one. */
export function ipv4Key(text: string): number | null {
  const m = IPV4.exec(text);
  if (!m) return null;
  const parts = m.slice(1).map(Number);
  if (parts.some((p) => p > 255)) return null;
  return ((parts[0]! * 256 + parts[1]!) * 256 + parts[2]!) * 256 + parts[3]!;
}

/** Compares two cell values: IPv4 addresses numerically, empty last, text naturally. */
export function compareCells(a: unknown, b: unknown): number {
  const sa = a == null ? '' : String(a);
  const sb = b == null ? '' : String(b);
  if (sa === sb) return 0;
  if (sa === '') return 1;
  if (sb === '') return -1;
  const ia = ipv4Key(sa);
  const ib = ipv4Key(sb);
  if (ia !== null && ib !== null) return ia - ib;
  return sa.localeCompare(sb, undefined, { numeric: true, sensitivity: 'base' });
}

/** A sorted copy; empty values stay last in both directions. */
export function sortRows<T>(rows: readonly T[], key: keyof T, dir: SortDir): T[] {
  const sign = dir === 'asc' ? 1 : -1;
  return [...rows].sort((x, y) => {
    const a = x[key];
    const b = y[key];
    const emptyA = a == null || a === '';
    const emptyB = b == null || b === '';
    if (emptyA || emptyB) return emptyA === emptyB ? 0 : emptyA ? 1 : -1;
    return sign * compareCells(a, b);
  });
}

/** Rows where every whitespace-separated term appears in at least one of `keys` (case-insensitive). */
export function searchRows<T>(rows: readonly T[], query: string, keys: readonly (keyof T)[]): T[] {
  const terms = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (terms.length === 0) return [...rows];
  return rows.filter((row) => {
    const hay = keys.map((k) => (row[k] == null ? '' : String(row[k]).toLowerCase())).join('\u0000');
    return terms.every((t) => hay.includes(t));
  });
}

export type Tone = 'ok' | 'warn' | 'info' | 'neutral' | 'danger';

/** Badge colour for a resource status (the text is always shown too). */
export function statusTone(status: string): Tone {
  switch (status) {
    case 'Available':
      return 'ok';
    case 'InUse':
      return 'info';
    case 'Associating':
    case 'Unassociating':
    case 'Attaching':
    case 'Detaching':
    case 'Pending':
    case 'Starting':
    case 'Stopping':
      return 'warn';
    case 'Releasing':
    case 'Deleting':
    case 'CreateFailed':
      return 'danger';
    default:
      return 'neutral';
  }
}

/** Human label for an EIP binding mode. */
export function modeLabel(mode: string | null | undefined): string {
  switch (mode) {
    case 'BINDED':
      return 'Cut-through';
    case 'NAT':
      return 'NAT';
    case 'MULTI_BINDED':
      return 'Multi-EIP';
    default:
      return '';
  }
}
