import { describe, expect, it } from 'vitest';
import { memoryStore } from '../../memory-store';
import type { KeyValueStore } from '../../persisted.svelte';
import { statusText, type ColumnDef } from '../../table';
import { language } from '../../i18n';
import { TableState } from './TableState.svelte';

type Row = { id: string; ip: string; region: string };
const columns: ColumnDef<Row>[] = [
  { id: 'id', label: 'ID', value: (r) => r.id },
  { id: 'ip', label: 'IP', value: (r) => r.ip },
  { id: 'region', label: 'Region', value: (r) => r.region, hidden: true },
];
const regions = ['cn-hangzhou', 'cn-beijing', 'ap-southeast-1'];
const data: Row[] = Array.from({ length: 500 }, (_, i) => ({ id: `eip-${i}`, ip: `47.${i % 7}.${i % 13}.${i % 11}`, region: regions[i % 3]! }));

function table(rows: () => Row[], store: KeyValueStore = memoryStore()) {
  return new TableState<Row>({
    store,
    id: 'eips',
    columns,
    filters: [{ id: 'region', label: 'Region', value: (r) => r.region }],
    key: (r) => r.id,
    source: rows,
    sort: { id: 'ip', dir: 'asc' },
  });
}

/** What a search from scratch returns, in sorted order. */
function expected(t: TableState<Row>, query: string, region = ''): string[] {
  const terms = query.toLowerCase().split(/\s+/).filter(Boolean);
  return t.sorted
    .filter((r) => !region || r.region === region)
    .filter((r) => terms.every((term) => [r.id, r.ip, r.region].join('\u0000').toLowerCase().includes(term)))
    .map((r) => r.id);
}

describe('TableState', () => {
  it('narrows while typing and widens again when deleting, always matching a fresh search', () => {
    const t = table(() => data);
    for (const q of ['4', '47', '47.', '47.1', '47.1 ', '47.1 cn', '47.1 cn-b', '47.1 cn', '47', '', 'EIP-1', 'eip-12 ap']) {
      t.search(q);
      expect(t.visible.map((r) => r.id), q).toEqual(expected(t, q));
    }
  });

  it('applies filters before the search and sorts both ways', () => {
    const t = table(() => data);
    t.setFilter('region', 'cn-beijing');
    t.search('47.3');
    expect(t.visible.map((r) => r.id)).toEqual(expected(t, '47.3', 'cn-beijing'));
    t.setFilter('region', '');
    expect(t.visible.map((r) => r.id)).toEqual(expected(t, '47.3'));
    t.sortBy('ip');
    expect(t.sort).toEqual({ id: 'ip', dir: 'desc' });
    expect(t.visible.map((r) => r.id)).toEqual(expected(t, '47.3'));
    t.clearFilters();
    expect(t.visible.length).toBe(data.length);
  });

  it('selects, reveals and focuses rows, clearing what hides them', () => {
    const t = table(() => data);
    t.search('eip-1');
    t.selectIndex(0);
    expect(t.selectedKey).toBe(t.visible[0]!.id);
    expect(t.reveal?.key).toBe(t.selectedKey);
    t.focus('eip-250');
    expect(t.query).toBe('');
    expect(t.selectedRow?.id).toBe('eip-250');
    expect(t.detailsOpen).toBe(true);
    t.select(null);
    expect(t.detailsOpen).toBe(false);
  });

  it('remembers column preferences under the key and format earlier versions wrote', () => {
    // As saved before the Persisted helper: a JSON object under eipdesk.table.<id>.columns.
    const store = memoryStore({ 'eipdesk.table.eips.columns': '{"order":["ip","id","region"],"hidden":["id"],"widths":{"ip":200}}' });
    const t = table(() => data, store);
    expect(t.shownColumns.map((c) => c.id)).toEqual(['ip', 'region']);
    expect(t.prefs.widths).toEqual({ ip: 200 });
    t.setWidth('ip', 10);
    t.showColumn('id', true);
    t.moveColumn('id', -1);
    expect(JSON.parse(store.data.get('eipdesk.table.eips.columns')!)).toEqual({ order: ['id', 'ip', 'region'], hidden: [], widths: { ip: 48 } });
    // The next launch shows the same columns.
    expect(table(() => data, store).shownColumns.map((c) => c.id)).toEqual(['id', 'ip', 'region']);
    t.resetColumns();
    expect(table(() => data, store).shownColumns.map((c) => c.id)).toEqual(['id', 'ip']);
  });

  it('falls back to the defined columns when the saved preferences are corrupt', () => {
    for (const raw of ['{"order":', 'null', '"ip"', '[1,2]']) {
      const t = table(() => data, memoryStore({ 'eipdesk.table.eips.columns': raw }));
      expect(t.shownColumns.map((c) => c.id), raw).toEqual(['id', 'ip']);
      expect(t.prefs.widths, raw).toEqual({});
    }
  });
});

describe('TableState after a language switch', () => {
  type Eip = { id: string; status: string };
  const rows: Eip[] = [
    { id: 'eip-a', status: 'Available' },
    { id: 'eip-b', status: 'InUse' },
    { id: 'eip-c', status: 'Available' },
  ];
  const statusColumns: ColumnDef<Eip>[] = [
    { id: 'id', label: 'ID', value: (r) => r.id },
    { id: 'status', label: 'Status', value: (r) => r.status, text: (r) => statusText(r.status) },
  ];

  it('searches the words of the new language (the cached search text is rebuilt)', () => {
    language.set('en');
    const t = new TableState<Eip>({ store: memoryStore(), id: 'eips', columns: statusColumns, filters: [], key: (r) => r.id, source: () => rows });
    t.search('available');
    expect(t.visible.map((r) => r.id)).toEqual(['eip-a', 'eip-c']);
    t.search('可用');
    expect(t.visible).toEqual([]);
    language.set('zh-CN');
    expect(t.visible.map((r) => r.id)).toEqual(['eip-a', 'eip-c']);
    t.search('已分配');
    expect(t.visible.map((r) => r.id)).toEqual(['eip-b']);
    // The raw API value stays searchable in every language.
    t.search('inuse');
    expect(t.visible.map((r) => r.id)).toEqual(['eip-b']);
    language.set('system');
  });
});
