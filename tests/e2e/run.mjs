// Runs every spec under specs/ with Node's built-in test runner, one file at a time (each
// launches its own app). `cargo xtask test e2e` sets the environment this needs.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const specs = readdirSync(join(here, 'specs'))
  .filter((f) => f.endsWith('.spec.mjs'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort()
  .map((f) => join(here, 'specs', f));
if (specs.length === 0) {
  console.error('no specs found');
  process.exit(1);
}
// E2E_TEST_PATTERN runs only the tests whose name matches (a quick check of one test).
const pattern = process.env.E2E_TEST_PATTERN ? [`--test-name-pattern=${process.env.E2E_TEST_PATTERN}`] : [];
const result = spawnSync(process.execPath, ['--test', '--test-concurrency=1', '--test-reporter=spec', ...pattern, ...specs], {
  stdio: 'inherit',
  cwd: here,
});
process.exit(result.status ?? 1);
