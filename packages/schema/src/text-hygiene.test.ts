import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InnovationBody } from './innovation.js';
import { OrganisationInput } from './organisation.js';
import { text } from './primitives.js';
import { CONTROL_CHARACTERS, INVISIBLE_CHARACTERS, normaliseText } from './text-hygiene.js';

const name = text(200);
const refusal = (value: string) => {
  const result = name.safeParse(value);
  return result.success ? undefined : result.error.issues.map((issue) => issue.message).join('; ');
};

describe('clean text', () => {
  it('refuses C0 control characters but keeps tab, newline and carriage return', () => {
    expect(refusal('Crisis\u0000café')).toMatch(/control characters/);
    expect(refusal('bell\u0007')).toMatch(/control characters/);
    expect(refusal('escape\u001b[31m')).toMatch(/control characters/);
    expect(name.parse('Line one\nline\ttwo\r\nthree')).toBe('Line one\nline\ttwo\r\nthree');
  });

  it('refuses lone surrogates and keeps paired ones (emoji)', () => {
    expect(refusal('x\ud800y')).toMatch(/lone UTF-16 surrogate/);
    expect(refusal('x\udc00')).toMatch(/lone UTF-16 surrogate/);
    expect(name.parse('Walk and talk 🌳')).toBe('Walk and talk 🌳');
  });

  it('refuses text that is only whitespace or zero-width characters', () => {
    for (const invisible of ['\u200b', '\u200b\u200c\u200d', '\ufeff \u2060', '\u00a0\u3000'])
      expect(refusal(invisible)).toMatch(/visible text|>=1 characters/);
    expect(name.parse('a\u200bb')).toBe('a\u200bb');
  });

  it('checks the Markdown body and every text field of a record alike', () => {
    expect(InnovationBody.safeParse('\u200b\u200b').success).toBe(false);
    const result = OrganisationInput.safeParse({ name: 'Fen\u0000land Trust' });
    expect(result.success).toBe(false);
  });

  it('accepts any well-formed text with something visible and no controls', () => {
    const visible = fc
      .string({ unit: 'grapheme', minLength: 1, maxLength: 50 })
      .filter(
        (value) =>
          !CONTROL_CHARACTERS.test(value) &&
          value.replace(INVISIBLE_CHARACTERS, '') !== '' &&
          value.trim().length <= 200,
      );
    fc.assert(fc.property(visible, (value) => name.safeParse(value).success));
  });
});

describe('normaliseText', () => {
  it('puts every string of a JSON value in NFC and leaves other values alone', () => {
    const decomposed = {
      name: 'Cafe\u0301',
      tags: ['Zoe\u0308'],
      open: true,
      count: 3,
      none: null,
    };
    expect(normaliseText(decomposed)).toEqual({
      name: 'Caf\u00e9',
      tags: ['Zo\u00eb'],
      open: true,
      count: 3,
      none: null,
    });
  });
});
