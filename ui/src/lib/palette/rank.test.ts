import { describe, expect, it } from 'vitest';
import { frecency, rank, recordUse, type Entry } from './rank';

const NOW = Date.UTC(2026, 11, 7, 12);
const e = (key: string, kind: Entry['kind'], title: string, ids: string[] = [], words: string[] = []): Entry => ({ key, kind, title, detail: '', ids, words });
const entries: Entry[] = [
  e('action:refresh', 'action', 'Refresh'),
  e('action:bind', 'action', 'Bind EIP…'),
  e('eip:eip-bp1aaa', 'eip', '47.98.159.168', ['eip-bp1aaa', '47.98.159.168'], ['free-a', 'cn-hangzhou']),
  e('eip:eip-bp1bbb', 'eip', '47.98.15.1', ['eip-bp1bbb', '47.98.15.1'], ['web', 'cn-hangzhou']),
  e('eni:eni-bp1ccc', 'eni', 'eni-bp1ccc', ['eni-bp1ccc', '172.16.1.5'], ['ct-ready-a', 'env:prod']),
  e('instance:i-bp1ddd', 'instance', 'web-01', ['i-bp1ddd', '172.16.1.2'], ['web-01', 'cn-hangzhou']),
];
const keys = (xs: Entry[]) => xs.map((x) => x.key);

describe('palette ranking', () => {
  it('finds a resource by exact ID or IP first', () => {
    expect(keys(rank(entries, '47.98.15.1', {}, NOW))[0]).toBe('eip:eip-bp1bbb');
    expect(keys(rank(entries, 'ENI-BP1CCC', {}, NOW))).toEqual(['eni:eni-bp1ccc']);
    expect(keys(rank(entries, '172.16.1.2', {}, NOW))).toEqual(['instance:i-bp1ddd']);
  });
  it('finds by name and tag, every term must match', () => {
    expect(keys(rank(entries, 'ct-ready', {}, NOW))).toEqual(['eni:eni-bp1ccc']);
    expect(keys(rank(entries, 'env:prod', {}, NOW))).toEqual(['eni:eni-bp1ccc']);
    expect(keys(rank(entries, 'web hangzhou', {}, NOW))).toEqual(['eip:eip-bp1bbb', 'instance:i-bp1ddd']);
    expect(rank(entries, 'nothing-like-this', {}, NOW)).toEqual([]);
  });
  it('lists actions and recent entries for an empty query, recent first', () => {
    let uses = recordUse({}, 'eni:eni-bp1ccc', NOW - 1000);
    uses = recordUse(uses, 'eni:eni-bp1ccc', NOW - 500);
    uses = recordUse(uses, 'action:refresh', NOW - 10 * 86_400_000);
    expect(keys(rank(entries, '', uses, NOW))).toEqual(['eni:eni-bp1ccc', 'action:refresh', 'action:bind']);
  });
  it('weighs recent use above old use', () => {
    expect(frecency({ count: 1, last: NOW - 1000 }, NOW)).toBeGreaterThan(frecency({ count: 3, last: NOW - 40 * 86_400_000 }, NOW));
    const uses = recordUse({}, 'eip:eip-bp1aaa', NOW);
    expect(keys(rank(entries, '47.98.15', uses, NOW))[0]).toBe('eip:eip-bp1aaa');
  });
});
