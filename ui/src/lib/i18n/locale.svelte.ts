/**
 * The UI's language: which locale the message catalogue renders in.
 *
 * At start the locale follows the OS (the session's language as the shell passes it, then
 * WebKit's `navigator.languages`); the user can override it in the app (`system`, `en`, `zh-CN`), remembered with
 * `Persisted`. The Paraglide runtime's `getLocale` is pointed at this store, so every message
 * function called in a template re-renders when the language changes. `document.lang` follows
 * too (fonts, line breaking and screen readers use it).
 */
import { choiceCodec, Persisted, type KeyValueStore } from '../persisted.svelte';
import { baseLocale, locales, overwriteGetLocale } from '../paraglide/runtime.js';

export type Locale = (typeof locales)[number];
export const LANGUAGE_CHOICES = ['system', ...locales] as const;
export type LanguageChoice = (typeof LANGUAGE_CHOICES)[number];

/** The catalogue locale for a list of BCP 47 tags, in the user's order of preference. */
export function matchLocale(tags: readonly string[]): Locale {
  for (const tag of tags) {
    const lower = tag.toLowerCase();
    // Traditional Chinese (zh-TW, zh-HK, zh-Hant) has no catalogue; English serves better than
    // characters the reader does not use.
    if (lower === 'zh' || lower.startsWith('zh-cn') || lower.startsWith('zh-sg') || lower.startsWith('zh-hans')) return 'zh-CN';
    if (lower.startsWith('zh')) continue;
    const exact = locales.find((l) => l.toLowerCase() === lower || lower.startsWith(`${l.toLowerCase()}-`));
    if (exact) return exact;
  }
  return baseLocale;
}

/**
 * The OS's preferred languages: those the shell read from the session's environment
 * (`LANGUAGE`, `LC_ALL`, `LC_MESSAGES`, `LANG`; src-tauri/src/os_language.rs) first, then
 * WebKit's `navigator.languages` (which says "en-US" when the user's locale is not generated).
 */
function systemTags(): readonly string[] {
  const shell = (globalThis as { __EIPDESK_OS_LANGUAGES__?: readonly string[] }).__EIPDESK_OS_LANGUAGES__ ?? [];
  const nav = globalThis.navigator;
  const web = !nav ? [] : nav.languages?.length ? nav.languages : nav.language ? [nav.language] : [];
  return [...shell, ...web];
}

export class Language {
  readonly #choice: Persisted<LanguageChoice>;
  readonly #system: Locale;

  constructor(store?: KeyValueStore, system: readonly string[] = systemTags()) {
    this.#choice = new Persisted<LanguageChoice>('eipdesk.language', 'system', { codec: choiceCodec(LANGUAGE_CHOICES), store });
    this.#system = matchLocale(system);
  }

  /** The locale the OS asks for (what `system` means). */
  get system(): Locale {
    return this.#system;
  }

  /** What the user chose: `system` follows the OS. */
  get choice(): LanguageChoice {
    return this.#choice.current;
  }

  /** The locale in effect. Reactive: reading it in a template subscribes to changes. */
  get current(): Locale {
    const choice = this.#choice.current;
    return choice === 'system' ? this.#system : choice;
  }

  set(choice: LanguageChoice) {
    this.#choice.current = choice;
    this.apply();
  }

  apply() {
    const root = globalThis.document?.documentElement;
    if (root) root.lang = this.current;
  }
}

export const language = new Language();
overwriteGetLocale(() => language.current);
language.apply();
