/**
 * Resource names next to resource IDs in free text (a run's summary, an audit entry's
 * parameters): the names come from the loaded inventory; the text is split into plain parts
 * and ID parts so the page can show each ID copyable with its name beside it. No DOM;
 * unit-tested.
 */

/** A row that has an ID and maybe a name (EIP, ENI or instance). */
export type Named = { id: string; name: string | null | undefined };

/** A piece of text: plain, or a resource ID with its name when one is known. */
export type TextPart = { text: string } | { id: string; name: string | null };

/** EIP, ENI and instance IDs (`eip-bp1…`, `eni-bp1…`, `i-bp1…`). */
const ID = /\b(?:eip|eni|i)-[a-z0-9]{6,}\b/g;

/** The names of the rows that have one, by ID. */
export function namesById(...lists: readonly Named[][]): Map<string, string> {
  const names = new Map<string, string>();
  for (const list of lists) {
    for (const r of list) if (r.name) names.set(r.id, r.name);
  }
  return names;
}

/** Splits `text` at every resource ID, naming the IDs `names` knows. */
export function withNames(text: string, names: ReadonlyMap<string, string>): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const m of text.matchAll(ID)) {
    const at = m.index ?? 0;
    if (at > last) parts.push({ text: text.slice(last, at) });
    parts.push({ id: m[0], name: names.get(m[0]) ?? null });
    last = at + m[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}
