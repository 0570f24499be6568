import { describe, expect, it } from 'vitest';
import { compareCells, ipv4Key, modeLabel, searchRows, sortRows, statusTone } from './table';

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
