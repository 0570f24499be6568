/**
 * An error's words in the chosen language: eipdesk-core sends our own messages and every hint
 * as message keys (`ErrorDto.words`: the `emsg_*` and `ehint_*` messages). Errors not
 * catalogued yet (and runs journalled before keys existed) carry only the English `message` /
 * `hint`, shown as they are. Codes, RequestIds and Alibaba Cloud's own `Message` stay verbatim.
 */
import type { ErrorDto, ErrorHint, ErrorText } from '../backend';
import { m, type Locale } from '../i18n';
import { coreText } from '../i18n/core_text';
import { fieldLabelText, fieldReasonText, fileProblemText, importReasonText } from '../profiles/field_text';

export const errorHintText = coreText<ErrorHint>()('ehint', m);
/** Our messages; some nest another family's words (a field's label and what is wrong with
 * it, an import refusal's reason, the error behind a fallback to the Sandbox). */
export const errorMessageText: (text: ErrorText, locale?: Locale) => string = coreText<ErrorText>()('emsg', m, {
  fieldLabel: fieldLabelText,
  fieldReason: fieldReasonText,
  fileProblem: fileProblemText,
  importReason: importReasonText,
  cause: (cause: ErrorText, locale?: Locale) => errorMessageText(cause, locale),
});

/** What went wrong, for `error`. */
export function errorMessage(error: Pick<ErrorDto, 'message' | 'words'>, locale?: Locale): string {
  const text = error.words?.message;
  return text ? errorMessageText(text, locale) : error.message;
}

/** The hint to show for `error`, or null when it has none. */
export function errorHint(error: Pick<ErrorDto, 'hint' | 'words'>, locale?: Locale): string | null {
  const hint = error.words?.hint;
  if (hint) return errorHintText(hint, locale);
  return error.hint ?? null;
}
