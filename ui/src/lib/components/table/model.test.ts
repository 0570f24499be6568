import { describe, expect, it } from 'vitest';
import type { ColumnDef } from '../../table';
import {
  applyFilters,
  columnWidth,
  csvCells,
  defaultPrefs,
  escapeHtml,
  filterOptions,
  fitColumns,
  moveColumn,
  moveColumnBefore,
  nextIndex,
  normalizePrefs,
  rowHtml,
  scrollToRow,
  setWidth,
  toggleColumn,
  virtualWindow,
  visibleColumns,
} from './model';

type Row = { id: string; ip: string; status: string; region: string };
const columns: ColumnDef<Row>[] = [
  { id: 'ip', label: 'IP', value: (r) => r.ip, width: 120 },
  { id: 'id', label: 'ID', value: (r) => r.id },
  { id: 'status', label: 'Status', value: (r) => r.status },
  { id: 'region', label: 'Region', value: (r) => r.region, hidden: true },
];
const rows: Row[] = [
  { id: 'eip-1', ip: '1.1.1.1', status: 'InUse', region: 'cn-hangzhou' },
  { id: 'eip-2', ip: '2.2.2.2', status: 'Available', region: 'cn-shanghai' },
  { id: 'eip-3', ip: '3.3.3.3', status: 'Available', region: 'cn-hangzhou' },
];

describe('column preferences', () => {
  it('default to the definitions', () => {
    const p = defaultPrefs(columns);
    expect(p.order).toEqual(['ip', 'id', 'status', 'region']);
    expect(visibleColumns(columns, p).map((c) => c.id)).toEqual(['ip', 'id', 'status']);
    expect(columnWidth(columns[0]!, p)).toBe(120);
    expect(columnWidth(columns[1]!, p)).toBe(140);
  });

  it('normalize saved choices against the current columns', () => {
    const p = normalizePrefs({ order: ['status', 'gone', 'status', 'ip'], hidden: ['ip', 'nope'], widths: { ip: 5000, id: 10, x: 3 } }, columns);
    // Unknown and duplicate IDs dropped; new columns appended, hidden by default if new.
    expect(p.order).toEqual(['status', 'ip', 'id', 'region']);
    expect(p.hidden.sort()).toEqual(['ip', 'region']);
    expect(p.widths).toEqual({ ip: 900, id: 48 });
    // A column the user had shown stays shown.
    const shown = normalizePrefs({ order: ['region', 'ip', 'id', 'status'], hidden: [] }, columns);
    expect(shown.hidden).toEqual([]);
    expect(normalizePrefs(null, columns)).toEqual(defaultPrefs(columns));
  });

  it('move, toggle and resize', () => {
    let p = defaultPrefs(columns);
    p = moveColumn(p, 'status', -5);
    expect(p.order).toEqual(['status', 'ip', 'id', 'region']);
    p = moveColumnBefore(p, 'region', 'ip');
    expect(p.order).toEqual(['status', 'region', 'ip', 'id']);
    expect(moveColumnBefore(p, 'x', 'ip')).toBe(p);
    p = toggleColumn(p, 'region', true);
    expect(visibleColumns(columns, p).map((c) => c.id)).toEqual(['status', 'region', 'ip', 'id']);
    p = toggleColumn(toggleColumn(toggleColumn(p, 'region', false), 'ip', false), 'id', false);
    // The last shown column cannot be hidden.
    expect(visibleColumns(columns, toggleColumn(p, 'status', false)).map((c) => c.id)).toEqual(['status']);
    expect(setWidth(p, 'ip', 20).widths.ip).toBe(48);
  });
});

describe('quick filters', () => {
  const status = { id: 'status', label: 'Status', value: (r: Row) => r.status };
  const region = { id: 'region', label: 'Region', value: (r: Row) => r.region };
  it('offer distinct values with counts', () => {
    expect(filterOptions(rows, status)).toEqual([
      { value: 'Available', count: 2 },
      { value: 'InUse', count: 1 },
    ]);
  });
  it('combine selections', () => {
    expect(applyFilters(rows, [status, region], {}).length).toBe(3);
    expect(applyFilters(rows, [status, region], { status: 'Available', region: 'cn-hangzhou' }).map((r) => r.id)).toEqual(['eip-3']);
    expect(applyFilters(rows, [status], { status: 'Releasing' })).toEqual([]);
  });
});

describe('virtual window', () => {
  it('renders the viewport plus overscan', () => {
    expect(virtualWindow(0, 300, 30, 10_000, 5)).toEqual({ start: 0, end: 16, offset: 0, totalHeight: 300_000 });
    const w = virtualWindow(3000, 300, 30, 10_000, 5);
    expect([w.start, w.end, w.offset]).toEqual([95, 116, 2850]);
    const tail = virtualWindow(299_990, 300, 30, 10_000, 5);
    expect(tail.end).toBe(10_000);
    expect(virtualWindow(0, 300, 30, 0)).toEqual({ start: 0, end: 0, offset: 0, totalHeight: 0 });
  });
});

describe('keyboard navigation', () => {
  it('moves within bounds', () => {
    expect(nextIndex(-1, 'ArrowDown', 5, 3)).toBe(0);
    expect(nextIndex(-1, 'ArrowUp', 5, 3)).toBe(0);
    expect(nextIndex(4, 'ArrowDown', 5, 3)).toBe(4);
    expect(nextIndex(0, 'ArrowUp', 5, 3)).toBe(0);
    expect(nextIndex(1, 'PageDown', 5, 3)).toBe(4);
    expect(nextIndex(4, 'PageUp', 5, 3)).toBe(1);
    expect(nextIndex(2, 'Home', 5, 3)).toBe(0);
    expect(nextIndex(2, 'End', 5, 3)).toBe(4);
    expect(nextIndex(9, 'ArrowDown', 5, 3)).toBe(4);
    expect(nextIndex(2, 'a', 5, 3)).toBeNull();
    expect(nextIndex(0, 'ArrowDown', 0, 3)).toBeNull();
  });
  it('scrolls only when the row is out of view', () => {
    expect(scrollToRow(10, 0, 300, 30)).toBe(30);
    expect(scrollToRow(2, 0, 300, 30)).toBe(0);
    expect(scrollToRow(1, 200, 300, 30)).toBe(30);
  });
});

describe('CSV cells', () => {
  it('follow the shown columns and texts', () => {
    const cols: ColumnDef<Row>[] = [columns[0]!, { id: 'x', label: 'Upper', value: (r) => r.status, text: (r) => r.status.toUpperCase() }];
    expect(csvCells(rows.slice(0, 1), cols)).toEqual({ headers: ['IP', 'Upper'], rows: [['1.1.1.1', 'INUSE']] });
  });
});

describe('fitting columns to the width', () => {
  const cols: ColumnDef<Row>[] = [
    { id: 'ip', label: 'IP', value: (r) => r.ip, width: 100, priority: 3 },
    { id: 'id', label: 'ID', value: (r) => r.id, width: 100, priority: 2 },
    { id: 'status', label: 'Status', value: (r) => r.status, width: 100, priority: 1 },
    { id: 'region', label: 'Region', value: (r) => r.region, width: 100 },
    { id: 'name', label: 'Name', value: () => '', width: 100, priority: 2 },
  ];
  const ids = (available: number) => fitColumns(cols, (c) => c.width ?? 0, available).shown.map((c) => c.id);
  it('keeps every column when they fit', () => {
    expect(ids(500)).toEqual(['ip', 'id', 'status', 'region', 'name']);
  });
  it('drops priority 3 first, then 2 from the right, never priority 1 or the pinned first column', () => {
    expect(ids(499)).toEqual(['ip', 'id', 'status', 'name']);
    expect(ids(350)).toEqual(['ip', 'id', 'status']);
    expect(ids(250)).toEqual(['ip', 'status']);
    expect(ids(10)).toEqual(['ip', 'status']);
    expect(fitColumns(cols, (c) => c.width ?? 0, 250).dropped.map((c) => c.id)).toEqual(['id', 'region', 'name']);
  });
});

describe('row HTML', () => {
  const cols: ColumnDef<Row>[] = [
    { id: 'ip', label: 'IP', value: (r) => r.ip, mono: true, copy: true },
    { id: 'status', label: 'Status', value: (r) => r.status, badge: () => 'ok' },
    { id: 'id', label: 'ID', value: (r) => r.id, link: (r) => ({ kind: 'eip', id: r.id }) },
    { id: 'region', label: 'Region', value: () => '', placeholder: '' },
    { id: 'name', label: 'Name', value: () => null },
  ];
  it('escapes every value and marks copy buttons and links', () => {
    const html = rowHtml(cols, { id: 'eip-"x"', ip: '<b>1.1.1.1</b>', status: 'A&B', region: '' }, true);
    expect(html).toContain('<td class="mono" data-column="ip" title="&lt;b&gt;1.1.1.1&lt;/b&gt;">&lt;b&gt;1.1.1.1&lt;/b&gt;<button type="button" class="copy-button" tabindex="-1"');
    expect(html).toContain('data-copy="&lt;b&gt;1.1.1.1&lt;/b&gt;"');
    expect(html).toContain('<span class="badge ok">A&amp;B</span>');
    expect(html).toContain('class="link" tabindex="-1" data-link-kind="eip" data-link-id="eip-&quot;x&quot;">eip-&quot;x&quot;</button>');
    expect(html).toContain('<td data-column="region"><span class="muted"></span></td>');
    expect(html).toContain('<td data-column="name"><span class="muted">—</span></td>');
    expect(html).not.toContain('style=');
  });
  it('renders links as text when the table has no link handler', () => {
    expect(rowHtml([cols[2]!], rows[0]!, false)).toBe('<td data-column="id" title="eip-1">eip-1</td>');
  });
  it('keeps the buttons inside rows out of the tab order (the grid is one tab stop)', () => {
    const html = rowHtml(cols, rows[0]!, true);
    const buttons = html.match(/<button[^>]*>/g) ?? [];
    expect(buttons.length).toBe(2);
    for (const b of buttons) expect(b).toContain('tabindex="-1"');
  });
  it('escapes quotes and ampersands', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});
