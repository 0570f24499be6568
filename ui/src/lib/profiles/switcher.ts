/**
 * Pure logic of the profile switcher (the Ctrl+K / Cmd+K palette) and of how a profile is
 * described in the header and lists: the shortcut, keyboard movement through the results,
 * the environment's colour and word, one-line descriptions and match highlighting.
 */
import { m } from '../i18n';
import type { AuthMode, DeskProfile, RoleSummary } from '../backend';

export interface KeyLike {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  shiftKey?: boolean;
}

/** Ctrl+K (Cmd+K on macOS) opens the palette. */
export function isPaletteShortcut(e: KeyLike): boolean {
  return e.key.toLowerCase() === 'k' && (!!e.ctrlKey || !!e.metaKey) && !e.altKey && !e.shiftKey;
}

/** How the shortcut is written on this platform (`navigator.platform`). */
export function shortcutLabel(platform: string): string {
  return /Mac|iPhone|iPad/i.test(platform) ? '⌘K' : 'Ctrl K';
}

/**
 * The highlighted row after `key` (ArrowDown/ArrowUp wrap around, Home/End jump, PageDown/
 * PageUp move by `page`), or `null` when the key does not move the selection.
 */
export function nextIndex(key: string, current: number, length: number, page = 5): number | null {
  if (length <= 0) return null;
  const clamp = (i: number) => Math.max(0, Math.min(length - 1, i));
  switch (key) {
    case 'ArrowDown':
      return current >= length - 1 ? 0 : current + 1;
    case 'ArrowUp':
      return current <= 0 ? length - 1 : current - 1;
    case 'Home':
      return 0;
    case 'End':
      return length - 1;
    case 'PageDown':
      return clamp(current + page);
    case 'PageUp':
      return clamp(current - page);
    default:
      return null;
  }
}

export type Tone = 'red' | 'amber' | 'green' | 'grey';

/** The environment colour: red for production, amber staging, green test and the Sandbox. */
export function envTone(p: Pick<DeskProfile, 'labelColor'>): Tone {
  const c = p.labelColor;
  return c === 'red' || c === 'amber' || c === 'green' ? c : 'grey';
}

/** The environment's word for badges (empty when the profile has no label). */
export function envText(p: Pick<DeskProfile, 'label' | 'builtin'>): string {
  if (p.builtin) return m.env_sandbox();
  switch (p.label) {
    case 'production':
      return m.env_production();
    case 'staging':
      return m.env_staging();
    case 'test':
      return m.env_test();
    default:
      return '';
  }
}

export const MODE_NAMES: Record<AuthMode, string> = {
  get accessKey() { return m.auth_access_key(); },
  get stsToken() { return m.auth_sts(); },
  get ramRole() { return m.auth_ram_role(); },
  get sandbox() { return m.auth_sandbox(); },
  get ecsRamRole() { return m.auth_ecs_ram_role(); },
  get credentialsUri() { return m.auth_uri(); },
  get external() { return m.auth_external(); },
  get oidc() { return m.auth_oidc(); },
};

/** What assumes a profile's role: another profile, an OIDC token file or its own AccessKey. */
export function roleSourceText(role: RoleSummary): string {
  if (role.oidcTokenFile) return m.pp_oidc_token({ path: role.oidcTokenFile });
  return role.sourceProfileName ? m.via({ source: role.sourceProfileName }) : m.pp_own_key();
}

/** "5678901234567890 · cn-hangzhou · AccessKey" (account unknown until a connection test). */
export function describe(p: DeskProfile): string {
  const parts = [p.accountId ?? m.account_not_tested_yet(), p.region, MODE_NAMES[p.mode]];
  if (p.sandboxEndpoint && !p.builtin) parts.push(m.pp_sandbox_endpoint());
  return parts.join(' · ');
}

/** Splits `text` into plain and matched runs for the query's terms (case-insensitive). */
export function highlight(text: string, query: string): { text: string; match: boolean }[] {
  const terms = query.toLowerCase().split(/\s+/).filter(Boolean);
  const lower = text.toLowerCase();
  const marked = new Array<boolean>(text.length).fill(false);
  for (const term of terms) {
    const at = lower.indexOf(term);
    if (at >= 0) marked.fill(true, at, at + term.length);
  }
  const runs: { text: string; match: boolean }[] = [];
  for (let i = 0; i < text.length; i++) {
    const last = runs[runs.length - 1];
    if (last && last.match === marked[i]) last.text += text[i];
    else runs.push({ text: text[i] as string, match: !!marked[i] });
  }
  return runs;
}
