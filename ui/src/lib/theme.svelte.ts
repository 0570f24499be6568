/**
 * Light/dark theme: follows the OS by default; "light" or "dark" overrides it by setting
 * `data-theme` on the root element (app.css honours it). Remembered in localStorage.
 */
import { choiceCodec, Persisted } from './persisted.svelte';

export const THEME_CHOICES = ['system', 'light', 'dark'] as const;
export type ThemeChoice = (typeof THEME_CHOICES)[number];

class Theme {
  readonly #choice = new Persisted<ThemeChoice>('eipdesk.theme', 'system', { codec: choiceCodec(THEME_CHOICES) });

  constructor() {
    this.apply();
  }

  get choice(): ThemeChoice {
    return this.#choice.current;
  }

  set(choice: ThemeChoice) {
    this.#choice.current = choice;
    this.apply();
  }

  private apply() {
    const root = globalThis.document?.documentElement;
    if (!root) return;
    if (this.choice === 'system') delete root.dataset.theme;
    else root.dataset.theme = this.choice;
  }
}

export const theme = new Theme();
