/**
 * Light/dark theme: follows the OS by default; "light" or "dark" overrides it by setting
 * `data-theme` on the root element (app.css honours it). Remembered in localStorage.
 */
export type ThemeChoice = 'system' | 'light' | 'dark';

const KEY = 'eipdesk.theme';

function stored(): ThemeChoice {
  try {
    const v = globalThis.localStorage?.getItem(KEY);
    return v === 'light' || v === 'dark' ? v : 'system';
  } catch {
    return 'system';
  }
}

class Theme {
  choice: ThemeChoice = $state(stored());

  constructor() {
    this.apply();
  }

  set(choice: ThemeChoice) {
    this.choice = choice;
    try {
      globalThis.localStorage?.setItem(KEY, choice);
    } catch {
      // not remembered
    }
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
