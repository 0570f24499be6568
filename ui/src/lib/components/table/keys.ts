/**
 * The keyboard of a DataTable, as decisions: what a key on the grid (one tab stop, rows
 * moved by arrows) or on a column header does. The component carries them out (selection,
 * focus, clipboard, details). No DOM; unit-tested.
 */
import { nextIndex } from './model';

/** The modifier state and key of a keyboard event. */
export type KeyPress = Pick<KeyboardEvent, 'key' | 'shiftKey' | 'ctrlKey' | 'metaKey' | 'altKey'>;

/** What the grid knows when a key arrives. */
export type GridState = {
  /** A row is selected. */
  selected: boolean;
  /** The selected row's index among the visible rows, or -1. */
  selectedIndex: number;
  /** How many rows are visible. */
  rows: number;
  /** Rows that fit in the viewport (PageUp/PageDown). */
  pageSize: number;
  detailsOpen: boolean;
  /** The user has selected text (Ctrl+C then copies that, not the row's ID). */
  textSelected: boolean;
};

export type GridAction =
  /** Open the details with focus on the row's first action (Shift+F10, the context-menu key). */
  | { kind: 'actions' }
  /** Move focus to the column headers (ArrowUp on the first row). */
  | { kind: 'headers' }
  /** Copy the selected row's ID (Ctrl+C). */
  | { kind: 'copy' }
  /** Open the selected row's details (Enter). */
  | { kind: 'open' }
  /** Close the details (Escape). */
  | { kind: 'close' }
  /** Select the row at `index`. */
  | { kind: 'select'; index: number };

/** What `key` does on the grid, or `null` (the browser keeps the key). */
export function gridKey(key: KeyPress, s: GridState): GridAction | null {
  if (key.key === 'ContextMenu' || (key.shiftKey && key.key === 'F10')) return { kind: 'actions' };
  if (key.key === 'ArrowUp' && s.selectedIndex <= 0) return { kind: 'headers' };
  if ((key.ctrlKey || key.metaKey) && key.key.toLowerCase() === 'c') return s.selected && !s.textSelected ? { kind: 'copy' } : null;
  if (key.key === 'Enter') return s.selected ? { kind: 'open' } : null;
  if (key.key === 'Escape') return s.detailsOpen ? { kind: 'close' } : null;
  const index = nextIndex(s.selectedIndex, key.key, s.rows, s.pageSize);
  return index === null ? null : { kind: 'select', index };
}

export type HeaderAction =
  /** Resize the header's column by `delta` pixels (Alt+Left/Right). */
  | { kind: 'resize'; delta: number }
  /** Focus the header at `index` (Left/Right). */
  | { kind: 'focus'; index: number }
  /** Back to the grid (Down, Escape). */
  | { kind: 'grid' };

/** Pixels a column grows or shrinks per Alt+Left/Right. */
export const RESIZE_STEP = 16;

/** What `key` does on the header at `index` of `count`, or `null` (its own: Enter sorts). */
export function headerKey(key: KeyPress, index: number, count: number): HeaderAction | null {
  const sideways = key.key === 'ArrowLeft' || key.key === 'ArrowRight';
  const step = key.key === 'ArrowRight' ? 1 : -1;
  if (sideways && key.altKey) return { kind: 'resize', delta: step * RESIZE_STEP };
  if (sideways) return { kind: 'focus', index: Math.max(0, Math.min(count - 1, index + step)) };
  if (key.key === 'ArrowDown' || key.key === 'Escape') return { kind: 'grid' };
  return null;
}
