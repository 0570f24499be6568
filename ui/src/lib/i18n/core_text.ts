/**
 * The words eipdesk-core sends as message keys with typed arguments (see the core's `text`
 * module): each family is a tagged union `{ key, ...inputs }` whose variant `k` is the
 * catalogue message `<prefix>_<k>`. `coreText` binds a family to its messages once; the
 * `Catalogued` type makes that binding fail `svelte-check` when a variant has no message, or a
 * message needs an input the variant does not carry. Inputs named in `localize` (raw API values
 * such as a mode or a status) are worded for the locale before they go into the sentence;
 * IDs, addresses, error codes and RequestIds pass through untouched.
 */
import type { Locale } from './locale.svelte';

type Keyed = { key: string };
type Options = { locale?: Locale };
type Inputs<U extends Keyed, K> = Omit<Extract<U, { key: K }>, 'key'>;

/** The messages a family needs: `<prefix>_<key>` for each variant, taking its inputs. */
export type Catalogued<U extends Keyed, P extends string> = {
  [K in U['key'] as `${P}_${K}`]: (inputs: Inputs<U, K>, options?: Options) => string;
};

/** How some inputs of a family are worded before they are filled in, by input name (in
 * `locale` when the caller chose one, else in the current locale): a raw API value (a string),
 * or a value of another family nested in the sentence (`{ key, ...inputs }`, such as a field
 * check's reason inside an import refusal), rendered by that family's own renderer. */
export type Localizers = Record<string, (value: never, locale?: Locale) => string>;

type AnyMessage = (inputs: Record<string, unknown>, options?: Options) => string;

/**
 * The renderer of family `U` with catalogue prefix `prefix`:
 * `const reasonText = coreText<CutThroughText>()('reason', m)`.
 */
export function coreText<U extends Keyed>() {
  return <P extends string>(prefix: P, messages: Catalogued<U, P>, localize: Localizers = {}) =>
    (text: U, locale?: Locale): string => {
      const { key, ...inputs } = text;
      const message = (messages as unknown as Record<string, AnyMessage>)[`${prefix}_${key}`];
      if (!message) return key;
      const worded: Record<string, unknown> = { ...inputs };
      for (const [name, word] of Object.entries(localize)) {
        const value = worded[name];
        if (typeof value === 'string' || (typeof value === 'object' && value !== null)) {
          worded[name] = (word as (value: unknown, locale?: Locale) => string)(value, locale);
        }
      }
      return message(worded, locale ? { locale } : {});
    };
}
