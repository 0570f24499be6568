/**
 * The region scope the header selects: how it is stored and which one a session starts with.
 */
import type { Codec } from '../persisted.svelte';

/** A region ID or `all`, stored as plain text; anything else reads as "not chosen". */
export const scopeCodec: Codec<string> = {
  parse: (raw) => (raw === 'all' || /^[a-z]{2,}(-[a-z0-9]+)+$/.test(raw) ? raw : undefined),
  serialize: (value) => value,
};

/**
 * The scope to show once the regions are known: the remembered one while the account still
 * has that region (or `all`), else the profile's default region, else the first region.
 */
export function initialScope(saved: string, regions: readonly { id: string }[], defaultRegion: string | null | undefined): string {
  if (saved === 'all' || regions.some((r) => r.id === saved)) return saved;
  const preferred = regions.find((r) => r.id === defaultRegion) ?? regions[0];
  return preferred ? preferred.id : saved;
}
