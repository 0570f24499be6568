/**
 * Why the "Move plaintext keys into the keychain" panel cannot (or did not) move an aliyun CLI
 * profile (`mvr_*`, sent by eipdesk-core as message keys): an import refusal nests its
 * `impr_*` reason, a failed import the error's `emsg_*` words.
 */
import type { MoveCandidate, MoveReason, NotMoved } from '../backend';
import { m, type Locale } from '../i18n';
import { coreText } from '../i18n/core_text';
import { errorMessageText } from '../errors/words';
import { importReasonText } from './field_text';

export const moveReasonText = coreText<MoveReason>()('mvr', m, {
  importReason: importReasonText,
  cause: errorMessageText,
});

/** Why a candidate or a selected profile was not moved, in the chosen language (the English
 * of a report made before reasons had keys). */
export function moveReason(
  r: Pick<MoveCandidate, 'reason' | 'reasonText'> | Pick<NotMoved, 'reason' | 'reasonText'>,
  locale?: Locale,
): string {
  return r.reasonText ? moveReasonText(r.reasonText, locale) : (r.reason ?? '');
}
