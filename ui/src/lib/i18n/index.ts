/** The UI's one door to translated text: the compiled message functions (`m.key(args)`,
 * checked by TypeScript: a missing key or argument fails `svelte-check`), the language store
 * and the `Intl` formatters for the chosen locale.
 */
export { m } from '../paraglide/messages.js';
export { formatDateTime, formatNumber, formatSpan, formatTime } from './format';
export { language, type Locale, type LanguageChoice, LANGUAGE_CHOICES } from './locale.svelte';
