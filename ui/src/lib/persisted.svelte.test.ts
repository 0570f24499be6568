import { flushSync } from 'svelte';
import { describe, expect, it } from 'vitest';
import { memoryStore } from './memory-store';
import { choiceCodec, jsonCodec, numberCodec, Persisted, type KeyValueStore } from './persisted.svelte';

/** Storage that refuses every access, as a locked-down webview may. */
const brokenStore: KeyValueStore = {
  getItem: () => {
    throw new Error('SecurityError');
  },
  setItem: () => {
    throw new Error('QuotaExceededError');
  },
};

type Pair = { a: number; b: string };
const pairCodec = jsonCodec<Pair>((v) => {
  const o = v as Partial<Pair> | null;
  return o && typeof o.a === 'number' && typeof o.b === 'string' ? { a: o.a, b: o.b } : undefined;
});

describe('Persisted', () => {
  it('starts from the fallback when nothing is stored, and remembers what is set', () => {
    const store = memoryStore();
    const p = new Persisted('k', { a: 1, b: 'x' }, { codec: pairCodec, store });
    expect(p.current).toEqual({ a: 1, b: 'x' });
    expect(store.data.has('k')).toBe(false);
    p.current = { a: 2, b: 'y' };
    expect(p.current).toEqual({ a: 2, b: 'y' });
    expect(store.data.get('k')).toBe('{"a":2,"b":"y"}');
    // The next launch reads it back.
    expect(new Persisted('k', { a: 1, b: 'x' }, { codec: pairCodec, store }).current).toEqual({ a: 2, b: 'y' });
  });

  it('falls back when the stored value is corrupt or no longer valid', () => {
    const fallback = { a: 0, b: '' };
    for (const raw of ['{not json', '', 'null', '42', '{"a":"1","b":"x"}', '{"a":1}']) {
      const p = new Persisted('k', fallback, { codec: pairCodec, store: memoryStore({ k: raw }) });
      expect(p.current, raw).toEqual(fallback);
    }
  });

  it('keeps working when storage throws, holding the value for the session', () => {
    const p = new Persisted('k', 'system', { codec: choiceCodec(['system', 'light', 'dark']), store: brokenStore });
    expect(p.current).toBe('system');
    p.current = 'dark';
    expect(p.current).toBe('dark');
  });

  it('works without any storage', () => {
    const p = new Persisted('k', 5, { codec: numberCodec(), store: undefined });
    p.current = 6;
    expect(p.current).toBe(6);
  });

  it('is reactive: derived values follow writes', () => {
    const p = new Persisted('k', 1, { codec: numberCodec(), store: memoryStore() });
    const seen: number[] = [];
    const stop = $effect.root(() => {
      $effect(() => {
        seen.push(p.current * 10);
      });
    });
    flushSync();
    p.current = 2;
    flushSync();
    p.current = 3;
    flushSync();
    stop();
    expect(seen).toEqual([10, 20, 30]);
  });
});

describe('codecs', () => {
  it('choices accept only their words, as plain text', () => {
    const c = choiceCodec(['system', 'light', 'dark'] as const);
    expect(c.parse('dark')).toBe('dark');
    expect(c.parse('"dark"')).toBeUndefined();
    expect(c.parse('sepia')).toBeUndefined();
    expect(c.serialize('light')).toBe('light');
  });

  it('numbers reject text, blanks, infinities and what the check refuses', () => {
    const c = numberCodec((n) => n >= 0);
    expect(c.parse('30')).toBe(30);
    expect(c.parse('0')).toBe(0);
    for (const raw of ['', ' ', 'abc', 'Infinity', 'NaN', '-5']) expect(c.parse(raw), raw).toBeUndefined();
    expect(c.serialize(60)).toBe('60');
  });
});
