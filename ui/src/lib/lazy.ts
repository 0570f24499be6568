/**
 * What the first screen (the shell and the EIP table) does not need, loaded on first use
 * (`Lazy.svelte`): the other pages and the two sheets. Each is a dynamic `import()`, which Vite
 * builds as its own chunk. Once the first inventory load has finished, `preloadWhenIdle`
 * fetches them all, so opening a page or a sheet later does not wait for its code.
 */
import type { Component } from 'svelte';

export type Loader = () => Promise<{ default: Component }>;

export const lazy = {
  enis: () => import('../pages/EnisPage.svelte'),
  instances: () => import('../pages/InstancesPage.svelte'),
  activity: () => import('../pages/ActivityPage.svelte'),
  profiles: () => import('../pages/ProfilesPage.svelte'),
  bindSheet: () => import('./components/bind/BindSheet.svelte'),
  lifecycleSheet: () => import('./lifecycle/LifecycleSheet.svelte'),
} satisfies Record<string, Loader>;

let preloaded = false;

/** Fetches every lazy chunk once, after the first table is on screen. */
export function preloadWhenIdle(): void {
  if (preloaded) return;
  preloaded = true;
  // Two frames: the table that ended the first load is painted before any chunk is parsed.
  requestAnimationFrame(() =>
    requestAnimationFrame(() => {
      for (const load of Object.values(lazy)) void load().catch(() => (preloaded = false));
    }),
  );
}
