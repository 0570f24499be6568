import { describe, expect, it } from 'vitest';
import { findLiterals } from './literals';

/** Every component's source, by its path under `src/` (`lib/…`, `pages/…`, `App.svelte`). */
const COMPONENTS: Record<string, string> = Object.fromEntries(
  Object.entries(import.meta.glob<string>('/src/**/*.svelte', { query: '?raw', import: 'default', eager: true })).map(([path, source]) => [
    path.replace(/^\/src\//, ''),
    source,
  ]),
);

/**
 * Components not converted to the catalogue yet. Each one here is English-only in zh-CN:
 * the list only shrinks, and a component not on it may not gain a literal string.
 */
const NOT_YET_CONVERTED = new Set<string>([]);

describe('literal-text lint', () => {
  it('finds text, read attributes and rendered string literals, and passes symbols and messages', () => {
    const found = findLiterals(
      `<script>let a = 'not markup';</script>
<p title="Close the sheet">Bind {n} EIPs</p>
<span>·</span> <b>{m.done()}</b> <i aria-label={m.close()}>×</i>
{#if x === 'all'}<em>{ok ? 'Done' : m.failed()}</em>{/if}
<input placeholder={\`Search \${what}\`} data-testid="search-box" class="wide" />
<style>p { content: 'x'; }</style>`,
    );
    expect(found.map((f) => `${f.line} ${f.where}: ${f.text}`)).toEqual([
      '2 attribute title: Close the sheet',
      '2 text: Bind',
      '2 text: EIPs',
      '4 expression: Done',
      '5 attribute placeholder: Search',
    ]);
  });

  it('no component renders a literal user-visible string', () => {
    expect(Object.keys(COMPONENTS)).toContain('App.svelte');
    const offenders: string[] = [];
    for (const [name, source] of Object.entries(COMPONENTS)) {
      if (NOT_YET_CONVERTED.has(name)) continue;
      for (const l of findLiterals(source, name)) offenders.push(`${name}:${l.line} ${l.where}: ${l.text}`);
    }
    expect(offenders).toEqual([]);
    // The pending list names only files that exist and still have literals.
    for (const name of NOT_YET_CONVERTED) {
      const source = COMPONENTS[name];
      expect(source, `${name} no longer exists`).toBeDefined();
      expect(findLiterals(source ?? '', name).length, `${name} is converted: remove it from the list`).toBeGreaterThan(0);
    }
  });
});
