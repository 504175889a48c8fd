import * as z from 'zod/mini';

/** C0 control characters other than tab, newline and carriage return. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
export const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;
/** A UTF-16 surrogate not paired with its other half (with the `u` flag only lone ones match). */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;
/** Whitespace and characters that take no space: zero-width space, joiners, word joiner, BOM. */
export const INVISIBLE_CHARACTERS = /[\s\u00AD\u180E\u200B-\u200F\u2060-\u2064\uFEFF]/gu;

/**
 * The checks that make free text usable and safe to sign: no C0 controls but tab, newline and
 * return; no lone surrogates (they cannot be stored as UTF-8, so an index would hold U+FFFD where
 * the signed record holds the surrogate); something visible once whitespace and zero-width
 * characters are removed (an empty string is left to the schema's own length check).
 *
 * @example z.string().check(...cleanText()).parse('\u200b') // throws: must contain visible text
 */
export function cleanText() {
  return [
    z.refine<string>((value) => !CONTROL_CHARACTERS.test(value), {
      message: 'must not contain control characters',
    }),
    z.refine<string>((value) => !LONE_SURROGATE.test(value), {
      message: 'contains a broken character (a lone UTF-16 surrogate)',
    }),
    z.refine<string>((value) => value === '' || value.replace(INVISIBLE_CHARACTERS, '') !== '', {
      message: 'must contain visible text, not only spaces or invisible characters',
    }),
  ];
}

/**
 * Every string in a JSON value in Unicode NFC, so the same words are always the same bytes: what
 * a node applies to text on input (forms, the API, CSV and JSON import) before it signs.
 *
 * @example normaliseText({ name: 'Cafe\u0301' }) // { name: 'Café' }
 */
export function normaliseText<T>(value: T): T {
  if (typeof value === 'string') return value.normalize('NFC') as T;
  if (Array.isArray(value)) return value.map((item) => normaliseText(item)) as T;
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, normaliseText(item)]),
    ) as T;
  }
  return value;
}
