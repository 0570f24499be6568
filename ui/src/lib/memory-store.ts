/** An in-memory stand-in for `localStorage`, for tests of what persists. */
import type { KeyValueStore } from './persisted.svelte';

export function memoryStore(initial: Record<string, string> = {}): KeyValueStore & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}
