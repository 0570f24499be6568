/**
 * The Vitest environment of the UI tests: Node, but with modules compiled for the client, so
 * `.svelte.ts` runes are reactive in tests (`$effect` runs, as in the app) instead of the
 * server build where effects never run.
 */
import { builtinEnvironments, type Environment } from 'vitest/environments';

export default <Environment>{
  ...builtinEnvironments.node,
  name: 'node-client',
  viteEnvironment: 'client',
};
