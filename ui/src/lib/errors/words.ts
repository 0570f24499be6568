/**
 * An error's words in the chosen language: eipdesk-core sends our own messages and every hint
 * as message keys (`ErrorDto.words`: the `emsg_*` and `ehint_*` messages). Errors not
 * catalogued yet (and runs journalled before keys existed) carry only the English `message` /
 * `hint`, shown as they are. Codes, RequestIds and Alibaba Cloud's own `Message` stay verbatim.
 */
import type { ErrorDto, ErrorHint, ErrorText, FormProblem, ReasonText, RunStatus, SeenText, StateCheck, UnconfirmedWarning } from '../backend';
import { m, type Locale } from '../i18n';
import { coreText } from '../i18n/core_text';
import { fieldLabelText, fieldReasonText, fileProblemText, importReasonText } from '../profiles/field_text';
import { eniStatusText, statusText } from '../table';
import { runLabel } from '../workflow/format';
import { reasonText, unconfirmedText } from '../workflow/plan_text';
import { jobTitle, waitText, words as stepWords } from '../workflow/step_text';

type Options = { locale?: Locale };
const options = (locale?: Locale): Options => (locale ? { locale } : {});

/** What a step saw instead of the state it waited for (`seen_*`). */
export const seenText = coreText<SeenText>()('seen', m, {
  status: statusText,
  eniStatus: eniStatusText,
  mode: stepWords.mode!,
});

/** A check of the final state that does not hold (`stcheck_*`). */
export const stateCheckText = coreText<StateCheck>()('stcheck', m, { expected: waitText, seen: seenText });

/** Why a bind or lifecycle form cannot become a job (`formp_*`), a job named by its title. */
export const formProblemText = coreText<FormProblem>()('formp', m, { job: jobTitle });

/** Sentences one after the other, as the language writes them. */
function sentences(list: string[], locale?: Locale): string {
  return list.length ? list.reduce((first, next) => m.rmsg_join({ first, next }, options(locale))) : '';
}

export const errorHintText = coreText<ErrorHint>()('ehint', m);
/** Our messages; some nest another family's words (a field's label and what is wrong with
 * it, an import refusal's reason, the error behind a fallback to the Sandbox). */
export const errorMessageText: (text: ErrorText, locale?: Locale) => string = coreText<ErrorText>()('emsg', m, {
  fieldLabel: fieldLabelText,
  fieldReason: fieldReasonText,
  fileProblem: fileProblemText,
  importReason: importReasonText,
  cause: (cause: ErrorText, locale?: Locale) => errorMessageText(cause, locale),
  reasons: (reasons: ReasonText[], locale?: Locale) =>
    reasons.map((r) => reasonText(r, locale)).join(m.stepWord_checksSeparator({}, options(locale))),
  warnings: (warnings: UnconfirmedWarning[], locale?: Locale) =>
    sentences(warnings.map((w) => unconfirmedText(w, locale)), locale),
  runStatus: (status: RunStatus, locale?: Locale) => runLabel(status, locale),
  formProblem: formProblemText,
  checks: (checks: StateCheck[], locale?: Locale) =>
    checks.map((c) => stateCheckText(c, locale)).join(m.stepWord_checksSeparator({}, options(locale))),
  expected: waitText,
  seen: seenText,
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
