import { describe, expect, it } from 'vitest';
import { cellText, compareCells, ipv4Key, modeLabel, SearchIndex, searchRows, sortByKey, sortRows, statusTone, type ColumnDef } from './table';

type Row = { ip: string; name: string; instance: string | null };
const rows: Row[] = [
  { ip: '47.96.10.2', name: 'web', instance: 'i-b' },
  { ip: '47.96.9.200', name: 'db primary', instance: null },
  { ip: '8.8.8.8', name: 'Web edge', instance: 'i-a' },
];

describe('ipv4Key', () => {
  it('orders addresses numerically', () => {
    expect(ipv4Key('10.0.0.1')).toBe(167772161);
    expect(ipv4Key('256.0.0.1')).toBeNull();
    expect(ipv4Key('eip-abc')).toBeNull();
    expect(ipv4Key('255.255.255.255')).toBe(4294967295);
    for (const bad of ['1.2.3', '1.2.3.4.5', '1..2.3', '.1.2.3', '1.2.3.', '1.2.3.1000', '1.2.3.4 ', '']) expect(ipv4Key(bad)).toBeNull();
  });
});

describe('sortRows', () => {
  it('sorts IPs numerically, not lexically', () => {
    expect(sortRows(rows, 'ip', 'asc').map((r) => r.ip)).toEqual(['8.8.8.8', '47.96.9.200', '47.96.10.2']);
    expect(sortRows(rows, 'ip', 'desc').map((r) => r.ip)).toEqual(['47.96.10.2', '47.96.9.200', '8.8.8.8']);
  });
  it('keeps empty values last in both directions', () => {
    expect(sortRows(rows, 'instance', 'asc').map((r) => r.instance)).toEqual(['i-a', 'i-b', null]);
    expect(sortRows(rows, 'instance', 'desc').map((r) => r.instance)).toEqual(['i-b', 'i-a', null]);
  });
  it('does not mutate its input', () => {
    const copy = [...rows];
    sortRows(rows, 'name', 'asc');
    expect(rows).toEqual(copy);
  });
});

describe('searchRows', () => {
  it('matches every term across columns, case-insensitively', () => {
    expect(searchRows(rows, 'WEB', ['name']).length).toBe(2);
    expect(searchRows(rows, 'web i-a', ['name', 'instance']).map((r) => r.ip)).toEqual(['8.8.8.8']);
    expect(searchRows(rows, '   ', ['name']).length).toBe(3);
    expect(searchRows(rows, 'nothing', ['name', 'ip'])).toEqual([]);
  });
});

describe('labels', () => {
  it('maps statuses to tones and modes to words', () => {
    expect(statusTone('Available')).toBe('ok');
    expect(statusTone('Associating')).toBe('warn');
    expect(statusTone('Whatever')).toBe('neutral');
    expect(modeLabel('BINDED')).toBe('Cut-through');
    expect(modeLabel(null)).toBe('');
    expect(compareCells('a', 'a')).toBe(0);
  });
});

describe('sortByKey', () => {
  it('is stable and orders numbers, IPs and natural text', () => {
    const items = [
      { id: 'a', n: 10, t: 'eni-10' },
      { id: 'b', n: 2, t: 'eni-9' },
      { id: 'c', n: 10, t: '' },
    ];
    expect(sortByKey(items, (r) => r.n, 'asc').map((r) => r.id)).toEqual(['b', 'a', 'c']);
    expect(sortByKey(items, (r) => r.n, 'desc').map((r) => r.id)).toEqual(['a', 'c', 'b']);
    expect(sortByKey(items, (r) => r.t, 'asc').map((r) => r.id)).toEqual(['b', 'a', 'c']);
    expect(sortByKey(items, (r) => r.t, 'desc').map((r) => r.id)).toEqual(['a', 'b', 'c']);
  });
  it('sorts 10,000 rows', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => ({ ip: `47.${(i * 7) % 256}.${i % 256}.${(i * 13) % 250}` }));
    const sorted = sortByKey(many, (r) => r.ip, 'asc');
    for (let i = 1; i < sorted.length; i++) expect(ipv4Key(sorted[i - 1]!.ip)! <= ipv4Key(sorted[i]!.ip)!).toBe(true);
  });
});

describe('SearchIndex', () => {
  type R = { id: string; name: string; hidden: string };
  const cols: ColumnDef<R>[] = [
    { id: 'id', label: 'ID', value: (r) => r.id },
    { id: 'name', label: 'Name', value: (r) => r.name, text: (r) => `name:${r.name}` },
    { id: 'hidden', label: 'Hidden', value: (r) => r.hidden, hidden: true },
  ];
  const data: R[] = [
    { id: 'eip-1', name: 'Web', hidden: 'vsw-alpha' },
    { id: 'eip-2', name: 'db', hidden: 'vsw-beta' },
  ];
  it('matches every term in any column, shown or not, using the displayed text', () => {
    const index = new SearchIndex(cols);
    expect(index.filter(data, 'web').map((r) => r.id)).toEqual(['eip-1']);
    expect(index.filter(data, 'BETA eip').map((r) => r.id)).toEqual(['eip-2']);
    expect(index.filter(data, 'name:db').map((r) => r.id)).toEqual(['eip-2']);
    expect(index.filter(data, '  ')).toBe(data);
    expect(index.filter(data, 'web beta')).toEqual([]);
    expect(cellText(cols[1]!, data[0]!)).toBe('name:Web');
  });
});
