import { describe, expect, it } from 'vitest';
import { findComponentScriptLiterals, findScriptLiterals } from './script_literals';

/** Every module and component under `src/`, by path (generated code, tests and the lints'
 * own word lists left out). */
const SOURCES: Record<string, string> = Object.fromEntries(
  Object.entries(import.meta.glob<string>(['/src/**/*.ts', '/src/**/*.svelte', '!/src/**/*.test.ts', '!/src/lib/paraglide/**', '!/src/lib/backend/bindings.ts', '!/src/lib/backend/commands.ts', '!/src/lib/i18n/literals.ts', '!/src/lib/i18n/script_literals.ts'], { query: '?raw', import: 'default', eager: true })).map(([path, source]) => [path.replace(/^\/src\//, ''), source]),
);

describe('script-side literal lint', () => {
  it('finds prose returned, assigned or passed on, and passes codes, logs and comparisons', () => {
    const found = findScriptLiterals(`import x from 'Some Module';
export function hint(kind: string): string {
  if (kind === 'Not found') return 'Refresh the list first.';
  console.warn('Could not read the store');
  if (!kind) throw new Error('Kind is missing here');
  const cls = 'btn primary';
  const id = 'eip-bp1fake';
  const label = \`Bound to \${kind}\`;
  return { title: 'Nothing to undo', Code: 'InvalidParameter' }['Key Name'] ?? label;
}`);
    expect(found.map((f) => `${f.line}: ${f.text}`)).toEqual(['3: Refresh the list first.', '8: Bound to …', '9: Nothing to undo']);
  });

  it('reads the script blocks of components with their line numbers', () => {
    const found = findComponentScriptLiterals(`<!-- a component -->
<script lang="ts">
  let status = $state('Not loaded yet');
</script>
<p>{status}</p>`);
    expect(found).toEqual([{ line: 3, text: 'Not loaded yet' }]);
  });

  it('no module or component script holds a literal English sentence', () => {
    expect(Object.keys(SOURCES)).toContain('lib/table.ts');
    const offenders: string[] = [];
    for (const [name, source] of Object.entries(SOURCES)) {
      const found = name.endsWith('.svelte') ? findComponentScriptLiterals(source) : findScriptLiterals(source);
      for (const l of found) offenders.push(`${name}:${l.line}: ${l.text}`);
    }
    expect(offenders).toEqual([]);
  });
});
