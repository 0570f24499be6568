// Sorting resource IDs like the console and quick-filter counts that honour the other
// filters and the search (issue 15, point 5), through the table state the pages use.
import { describe, expect, it } from 'vitest';
import { memoryStore } from '../../memory-store';
import type { ColumnDef } from '../../table';
import { TableState } from './TableState.svelte';

type Row = { id: string; name: string; status: string; region: string };
const columns: ColumnDef<Row>[] = [
  { id: 'id', label: 'ID', value: (r) => r.id, lexical: true },
  { id: 'name', label: 'Name', value: (r) => r.name },
  { id: 'status', label: 'Status', value: (r) => r.status },
];
const rows: Row[] = [
  { id: 'eni-bp1d5p1er7vm1633sh6l', name: 'web-10', status: 'InUse', region: 'cn-hangzhou' },
  { id: 'eni-bp111aaa', name: 'web-2', status: 'Available', region: 'cn-hangzhou' },
  { id: 'eni-bp1Abc', name: 'db-1', status: 'Available', region: 'cn-beijing' },
  { id: 'eni-bp12zzz', name: 'web-1', status: 'InUse', region: 'cn-beijing' },
  { id: 'eni-bp19', name: 'db-2', status: 'Available', region: 'cn-beijing' },
];

function table() {
  return new TableState<Row>({
    store: memoryStore(),
    id: 'enis',
    columns,
    filters: [
      { id: 'status', label: 'Status', value: (r) => r.status },
      { id: 'region', label: 'Region', value: (r) => r.region },
    ],
    key: (r) => r.id,
    source: () => rows,
  });
}

const counts = (t: TableState<Row>, id: string) =>
  Object.fromEntries(t.filterChoices.find((c) => c.def.id === id)!.options.map((o) => [o.value, o.count]));

describe('sorting', () => {
  it('orders IDs character by character, as the console does', () => {
    const t = table();
    t.sortBy('id');
    expect(t.visible.map((r) => r.id)).toEqual(['eni-bp111aaa', 'eni-bp12zzz', 'eni-bp19', 'eni-bp1Abc', 'eni-bp1d5p1er7vm1633sh6l']);
    t.sortBy('id');
    expect(t.visible[0]!.id).toBe('eni-bp1d5p1er7vm1633sh6l');
  });

  it('still orders names naturally', () => {
    const t = table();
    t.sortBy('name');
    expect(t.visible.map((r) => r.name)).toEqual(['db-1', 'db-2', 'web-1', 'web-2', 'web-10']);
  });
});

describe('quick-filter counts', () => {
  it('count every row when nothing is chosen', () => {
    const t = table();
    expect(counts(t, 'status')).toEqual({ Available: 3, InUse: 2 });
    expect(counts(t, 'region')).toEqual({ 'cn-beijing': 3, 'cn-hangzhou': 2 });
  });

  it('honour the other active filters but not their own', () => {
    const t = table();
    t.setFilter('region', 'cn-hangzhou');
    expect(counts(t, 'status')).toEqual({ Available: 1, InUse: 1 });
    // The region's own choices still count every region (under the other filters: none).
    expect(counts(t, 'region')).toEqual({ 'cn-beijing': 3, 'cn-hangzhou': 2 });
    t.setFilter('status', 'InUse');
    expect(counts(t, 'region')).toEqual({ 'cn-beijing': 1, 'cn-hangzhou': 1 });
  });

  it('honour the search, and keep a chosen value listed at 0', () => {
    const t = table();
    t.search('db');
    expect(counts(t, 'status')).toEqual({ Available: 2 });
    t.setFilter('status', 'InUse');
    expect(counts(t, 'status')).toEqual({ Available: 2, InUse: 0 });
  });
});

describe('a switch of profile', () => {
  it('forgets the search, filters and selection but keeps sort and columns', () => {
    const t = table();
    t.sortBy('name');
    t.search('db');
    t.setFilter('status', 'Available');
    t.open('eni-bp19');
    t.resetView();
    expect([t.query, t.filters, t.selectedKey, t.detailsOpen]).toEqual(['', {}, null, false]);
    expect(t.visible.length).toBe(rows.length);
    expect(t.sort).toEqual({ id: 'name', dir: 'asc' });
  });
});
