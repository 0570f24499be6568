/**
 * UI state remembered across launches in `localStorage`: the only module that touches it.
 *
 * A `Persisted<T>` holds one value under one key. Reading `current` is reactive (a rune);
 * setting it stores the value at once. What is stored is checked when it is read back: a
 * value that is missing, unreadable or no longer valid (an older format, a hand edit, a
 * corrupt write) falls back to the default instead of reaching the UI. Storage that is full
 * or unavailable (private mode, a test runner without `localStorage`) only means the choice
 * is not remembered; it never throws into a component.
 *
 * The keys in use (users' saved choices survive only while their keys and formats do):
 * - `eipdesk.session.scope`: the region scope, a region ID or `all` (lib/stores/session.svelte.ts)
 * - `eipdesk.language`: `system`, `en` or `zh-CN` as plain text (lib/i18n/locale.svelte.ts)
 * - `eipdesk.theme`: `system`, `light` or `dark` as plain text (lib/theme.svelte.ts)
 * - `eipdesk.inventory.autoRefreshSeconds`: a number as text (lib/inventory/store.svelte.ts)
 * - `eipdesk.table.<table>.columns`: column preferences as JSON (components/table/model.ts)
 */

/** The part of `localStorage` used here, so tests can pass a map. */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/**
 * How a value is written as text and read back. `parse` returns `undefined` (or throws) for
 * text that is not a valid value; reading an older format belongs here too.
 */
export interface Codec<T> {
  parse(raw: string): T | undefined;
  serialize(value: T): string;
}

/** JSON text, checked by `validate` (which returns the value to use, or `undefined`). */
export function jsonCodec<T>(validate: (value: unknown) => T | undefined): Codec<T> {
  return { parse: (raw) => validate(JSON.parse(raw)), serialize: (value) => JSON.stringify(value) };
}

/** One of a fixed set of words, stored as plain text. */
export function choiceCodec<C extends string>(choices: readonly C[]): Codec<C> {
  return { parse: (raw) => choices.find((c) => c === raw), serialize: (value) => value };
}

/** A finite number stored as text, checked by `valid`. */
export function numberCodec(valid: (n: number) => boolean = () => true): Codec<number> {
  return {
    parse: (raw) => {
      const n = raw.trim() === '' ? NaN : Number(raw);
      return Number.isFinite(n) && valid(n) ? n : undefined;
    },
    serialize: (value) => String(value),
  };
}

/** The browser's `localStorage`, or nothing where it is missing or access to it throws. */
export function browserStore(): KeyValueStore | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}

export interface PersistedOptions<T> {
  codec: Codec<T>;
  /** Where to keep it; `localStorage` unless given (tests pass a map). */
  store?: KeyValueStore;
}

export class Persisted<T> {
  readonly key: string;
  readonly fallback: T;
  readonly #codec: Codec<T>;
  readonly #store: KeyValueStore | undefined;
  #value: T;

  constructor(key: string, fallback: T, options: PersistedOptions<T>) {
    this.key = key;
    this.fallback = fallback;
    this.#codec = options.codec;
    this.#store = options.store ?? browserStore();
    this.#value = $state.raw(this.#read());
  }

  /** The remembered value, or the fallback when nothing valid is stored. */
  get current(): T {
    return this.#value;
  }

  /** Shows the value at once and remembers it if storage allows. */
  set current(value: T) {
    this.#value = value;
    try {
      this.#store?.setItem(this.key, this.#codec.serialize(value));
    } catch {
      // Storage full or unavailable: the value holds for this session only.
    }
  }

  #read(): T {
    try {
      const raw = this.#store?.getItem(this.key);
      if (raw == null) return this.fallback;
      return this.#codec.parse(raw) ?? this.fallback;
    } catch {
      return this.fallback;
    }
  }
}
