/**
 * The import dialog's logic: the candidates of a scan grouped by source, which ones start
 * selected, and the selection sent back. A scan never carries secrets; the backend re-reads
 * the sources on import and writes the secrets straight to the keychain.
 */
import { m, type Locale } from '../i18n';
import type { EnvLabel, ErrorText, ImportCandidate, ImportReport, ImportSelection, ScanReport, SourceReport } from '../backend';
import { errorMessageText } from '../errors/words';
import { importNoteText, importReasonText } from './field_text';

export const SOURCE_TITLES: Record<SourceReport['kind'], string> = {
  get aliyunCli() { return m.imp_src_aliyun(); },
  get credentialsFile() { return m.imp_src_credentials(); },
  get environment() { return m.imp_src_env(); },
};

/** Every candidate of the scan, in source order. */
export function candidates(report: ScanReport): ImportCandidate[] {
  return report.sources.flatMap((s) => s.candidates);
}

/** Importable candidates start selected, except those an earlier import already created. */
export function initialSelection(report: ScanReport): Set<string> {
  return new Set(candidates(report).filter((c) => c.importable && c.alreadyImported === null).map((c) => c.key));
}

/** Toggles `key` (only importable candidates can be selected). */
export function toggle(selected: Set<string>, c: ImportCandidate): Set<string> {
  const next = new Set(selected);
  if (next.has(c.key)) next.delete(c.key);
  else if (c.importable) next.add(c.key);
  return next;
}

/** Source profiles a selected chained role needs: imported with it even when not selected. */
export function autoIncluded(report: ScanReport, selected: Set<string>): string[] {
  const all = candidates(report);
  const names = new Set<string>();
  for (const c of all) {
    if (!selected.has(c.key) || !c.sourceProfile) continue;
    const source = all.find((s) => s.source === c.source && s.name === c.sourceProfile);
    if (source && !selected.has(source.key)) names.add(source.name);
  }
  return [...names];
}

/** What the backend takes: the selected keys with optional new names and labels. */
export function selections(
  report: ScanReport,
  selected: Set<string>,
  names: Record<string, string>,
  labels: Record<string, EnvLabel>,
): ImportSelection[] {
  return candidates(report)
    .filter((c) => selected.has(c.key))
    .map((c) => {
      const name = names[c.key]?.trim();
      // Selecting a candidate imported before means: import it again.
      return { key: c.key, name: name && name !== c.name ? name : null, label: labels[c.key] ?? null, again: c.alreadyImported !== null };
    });
}

/** One sentence per outcome of an import: what was imported, skipped, refused and why. */
export function importSummary(r: ImportReport): string[] {
  const lines: string[] = [];
  const names = r.imported.map((i) => i.profile.name);
  lines.push(names.length ? m.imp_sum_imported({ count: names.length, names: names.join(', ') }) : m.imp_sum_nothing());
  if (r.skipped.length) {
    lines.push(m.imp_sum_skipped({ count: r.skipped.length, names: r.skipped.map((s) => s.profileName).join(', ') }));
  }
  for (const f of r.failed) lines.push(m.imp_sum_failed({ message: problemMessage(f) }));
  return lines;
}

/** Why a candidate cannot be imported, in the chosen language (the English for a scan made
 * before reasons had keys). */
export function candidateReason(c: Pick<ImportCandidate, 'reason' | 'reasonText'>, locale?: Locale): string {
  return c.reasonText ? importReasonText(c.reasonText, locale) : (c.reason ?? '');
}

/** The defaults a candidate's import applies, one sentence each. */
export function candidateNotes(c: Pick<ImportCandidate, 'notes' | 'noteTexts'>, locale?: Locale): string[] {
  return c.noteTexts.length ? c.noteTexts.map((n) => importNoteText(n, locale)) : c.notes;
}

/** What is wrong with a source or a selection, in the chosen language when it has a key. */
export function problemMessage(p: { message: string; text: ErrorText | null }, locale?: Locale): string {
  return p.text ? errorMessageText(p.text, locale) : p.message;
}

/** True when nothing at all was found (every source missing or empty). */
export function nothingFound(report: ScanReport): boolean {
  return report.sources.every((s) => s.status !== 'error' && s.candidates.length === 0);
}

/**
 * A name from a source as it can be shown safely: invisible format characters (bidi
 * overrides, zero-width marks…) become visible `\u{…}` escapes, so a name cannot pose as
 * another one in the list.
 */
export function visibleName(name: string): string {
  return name.replace(/\p{Cf}/gu, (c) => `\\u{${c.codePointAt(0)!.toString(16).toUpperCase()}}`);
}
