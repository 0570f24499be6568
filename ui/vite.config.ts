import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';

// Tauri serves the built files from ui/dist; the dev server is only for `npm run dev`.
export default defineConfig(({ mode }) => ({
  plugins: [svelte()],
  // Tests load Svelte's client build, where runes are reactive (see vitest.client-env.ts).
  resolve: mode === 'test' ? { conditions: ['browser'] } : undefined,
  clearScreen: false,
  server: { port: 5173, strictPort: true },
  build: { target: 'safari15', outDir: 'dist', emptyOutDir: true, sourcemap: false },
  test: { include: ['src/**/*.test.ts'], environment: './vitest.client-env.ts' },
}));
