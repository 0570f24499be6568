/**
 * What the user can do about an error, in the chosen language: eipdesk-core sends the hint as
 * a message key (`ErrorDto.hintText`, the `ehint_*` messages); errors whose hint is not
 * catalogued yet (and runs journalled before hints had keys) still carry the English `hint`,
 * shown as it is. Codes, RequestIds and Alibaba Cloud's own `Message` stay verbatim.
 */
import type { ErrorDto, ErrorHint } from '../backend';
import { m, type Locale } from '../i18n';
import { coreText } from '../i18n/core_text';

export const errorHintText = coreText<ErrorHint>()('ehint', m);

/** The hint to show for `error`, or null when it has none. */
export function errorHint(error: Pick<ErrorDto, 'hint' | 'hintText'>, locale?: Locale): string | null {
  if (error.hintText) return errorHintText(error.hintText, locale);
  return error.hint ?? null;
}
