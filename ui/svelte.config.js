import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

export default {
  preprocess: vitePreprocess(),
  // Styles go to the extracted CSS file so the strict CSP (style-src 'self') holds.
  compilerOptions: { css: 'external' },
};
