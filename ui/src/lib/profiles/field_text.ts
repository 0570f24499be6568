/**
 * The words of profile field checks and of the import dialog, sent by eipdesk-core as message
 * keys: why a field is not valid (`fld_*`) and the field's label (`fldl_*`), why a found profile
 * cannot be imported (`impr_*`, which nests a field check's reason and a JSON type's name) and
 * the defaults an import applies (`impn_*`). Setting names, names, regions and line numbers
 * pass through verbatim.
 */
import type { FieldLabel, FieldReason, FileProblem, ImportNote, ImportReason, JsonKind } from '../backend';
import { m } from '../i18n';
import { coreText } from '../i18n/core_text';

export const fieldReasonText = coreText<FieldReason>()('fld', m);
export const fieldLabelText = coreText<FieldLabel>()('fldl', m);
export const jsonKindText = coreText<JsonKind>()('jsonk', m);
/** What is wrong with a source file as a whole (`fprob_*`). */
export const fileProblemText = coreText<FileProblem>()('fprob', m);

export const importReasonText = coreText<ImportReason>()('impr', m, {
  fieldReason: fieldReasonText,
  jsonKind: jsonKindText,
});

export const importNoteText = coreText<ImportNote>()('impn', m);
