import { describe, expect, it } from 'vitest';
import { locales } from '../paraglide/runtime.js';

/** The catalogue files (`messages/<locale>.json`), by locale. */
const FILES: Record<string, Record<string, unknown>> = Object.fromEntries(
  Object.entries(import.meta.glob<Record<string, unknown>>('/messages/*.json', { import: 'default', eager: true })).map(([path, c]) => [
    path.replace(/^.*\/(.+)\.json$/, '$1'),
    c,
  ]),
);

function catalogue(locale: string): Record<string, unknown> {
  const c = FILES[locale];
  if (!c) throw new Error(`no catalogue for ${locale}`);
  return c;
}

function keys(locale: string): string[] {
  return Object.keys(catalogue(locale)).filter((k) => k !== '$schema').sort();
}

/** `{name}` placeholders of a message (both the plain and the variant form). */
function placeholders(message: unknown): string[] {
  const text = JSON.stringify(message);
  return [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? ''))].sort();
}

describe('message catalogues', () => {
  it('has a file for every locale and no other', () => {
    expect(Object.keys(FILES).sort()).toEqual([...locales].sort());
  });

  it.each(locales.filter((l) => l !== 'en'))('%s has exactly the keys of en', (locale) => {
    const en = keys('en');
    const other = keys(locale);
    expect(en.filter((k) => !other.includes(k)), `missing in ${locale}`).toEqual([]);
    expect(other.filter((k) => !en.includes(k)), `only in ${locale}`).toEqual([]);
  });

  it.each(locales.filter((l) => l !== 'en'))('%s uses the same placeholders as en', (locale) => {
    const en = catalogue('en');
    const other = catalogue(locale);
    const differ = Object.keys(en)
      .filter((k) => k !== '$schema' && k in other)
      .filter((k) => placeholders(en[k]).join() !== placeholders(other[k]).join());
    expect(differ).toEqual([]);
  });

  it.each(locales)('%s has no empty message', (locale) => {
    const c = catalogue(locale);
    expect(Object.keys(c).filter((k) => typeof c[k] === 'string' && (c[k] as string).trim() === '')).toEqual([]);
  });
});
