import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findPersonalData, isValidNhsNumber, type PersonalDataKind } from './personal-data.js';

/** The mod-11 check digit of nine digits, or undefined when none exists (remainder gives 10). */
function checkDigit(nine: number[]): number | undefined {
  const sum = nine.reduce((total, digit, i) => total + digit * (10 - i), 0);
  const check = 11 - (sum % 11);
  return check === 10 ? undefined : check % 11;
}

const nineDigits = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 9, maxLength: 9 });
const validNhsNumber = nineDigits
  .map((nine) => ({ nine, check: checkDigit(nine) }))
  .filter((x): x is { nine: number[]; check: number } => x.check !== undefined)
  .map(({ nine, check }) => [...nine, check].join(''));
const invalidNhsNumber = fc
  .tuple(nineDigits, fc.integer({ min: 0, max: 9 }))
  .filter(([nine, last]) => checkDigit(nine) !== last)
  .map(([nine, last]) => [...nine, last].join(''));
const format = (digits: string, separator: string) =>
  `${digits.slice(0, 3)}${separator}${digits.slice(3, 6)}${separator}${digits.slice(6)}`;
const separator = fc.constantFrom('', ' ', '-');
const words = fc.array(fc.constantFrom('the', 'team', 'met', 'on', 'ward', 'and', 'said', 'a'), {
  maxLength: 6,
});

const found = (text: string) => findPersonalData(text).map(({ kind, text }) => [kind, text]);

describe('isValidNhsNumber', () => {
  it('accepts a number whose check digit is right and refuses one digit off', () => {
    expect(isValidNhsNumber('9434765919')).toBe(true);
    expect(isValidNhsNumber('9434765918')).toBe(false);
  });
  it('refuses anything but ten digits', () => {
    for (const value of ['943476591', '94347659190', '943 476 5919', 'abcdefghij', '']) {
      expect(isValidNhsNumber(value)).toBe(false);
    }
  });
  it('agrees with the mod-11 rule for every nine-digit prefix', () => {
    fc.assert(fc.property(validNhsNumber, (digits) => isValidNhsNumber(digits)));
    fc.assert(fc.property(invalidNhsNumber, (digits) => !isValidNhsNumber(digits)));
  });
});

describe('findPersonalData', () => {
  it.each(['943 476 5919', '9434765919', '943-476-5919'])('finds the NHS number %s', (nhs) => {
    const text = `Patient NHS no. ${nhs}, seen today.`;
    expect(findPersonalData(text)).toEqual([
      { kind: 'nhs_number', start: 16, end: 16 + nhs.length, text: nhs },
    ]);
  });

  it('finds any valid NHS number, spaced, dashed or plain, with its exact span', () => {
    fc.assert(
      fc.property(words, validNhsNumber, separator, words, (before, digits, sep, after) => {
        const prefix = before.length ? `${before.join(' ')} ` : '';
        const nhs = format(digits, sep);
        const text = `${prefix}${nhs}${after.length ? ` ${after.join(' ')}` : ''}`;
        expect(findPersonalData(text)).toEqual([
          { kind: 'nhs_number', start: prefix.length, end: prefix.length + nhs.length, text: nhs },
        ]);
      }),
    );
  });

  it('ignores ten-digit numbers that fail the mod-11 check', () => {
    fc.assert(
      fc.property(invalidNhsNumber, separator, (digits, sep) => {
        expect(findPersonalData(`Ref ${format(digits, sep)} closed`)).toEqual([]);
      }),
    );
  });

  it.each([
    'Call us on 01632 960001 any time',
    'Our helpline is 0300 123 4567',
    'In a crisis ring 111 and choose option 2, or 999 in an emergency',
    'From abroad: +44 1632 960001',
    'Samaritans: 116 123. Text SHOUT to 85258.',
    'Founded in 2016, the team saw 1200 people in 2023',
    'The service launched on 10 October 2016 and moved on March 3, 2020',
    'Open 09:00 to 17:00, Monday to Friday',
    'Mixed separators 943 476-5919 are not one number',
    'Too many digits 94347659190 or embedded 1943 476 5919',
  ])('flags nothing in %j', (text) => {
    expect(findPersonalData(text)).toEqual([]);
  });

  it.each<[string, PersonalDataKind, string]>([
    ['Seen on 03/04/1987 at clinic', 'date_of_birth', '03/04/1987'],
    ['seen 3-4-1987', 'date_of_birth', '3-4-1987'],
    ['seen 3.4.1987', 'date_of_birth', '3.4.1987'],
    ['DOB: 03/04/1987', 'date_of_birth', '03/04/1987'],
    ['d.o.b. 3/4/87', 'date_of_birth', '3/4/87'],
    ['born on 3 April 1987', 'date_of_birth', '3 April 1987'],
    ['date of birth 3rd April 1987', 'date_of_birth', '3rd April 1987'],
    ['Born April 3, 1987 in Ely', 'date_of_birth', 'April 3, 1987'],
    ['Birthday: 12 Mar 1990', 'date_of_birth', '12 Mar 1990'],
    ['text 07700 900123 now', 'uk_mobile', '07700 900123'],
    ['text 07700900123 now', 'uk_mobile', '07700900123'],
    ['text +44 7700 900123 now', 'uk_mobile', '+44 7700 900123'],
    ['text +447700900123 now', 'uk_mobile', '+447700900123'],
    ['text (07700) 900123 now', 'uk_mobile', '(07700) 900123'],
    ['email jo.bloggs@example.org.', 'email', 'jo.bloggs@example.org'],
    ['mail <team+crisis@nhs.example.org>', 'email', 'team+crisis@nhs.example.org'],
  ])('finds in %j a %s: %j', (text, kind, expected) => {
    const start = text.indexOf(expected);
    expect(findPersonalData(text)).toEqual([
      { kind, start, end: start + expected.length, text: expected },
    ]);
  });

  it('returns every finding in a longer write-up, in order', () => {
    const text =
      'Jo (DOB 03/04/1987, NHS 943 476 5919) texted 07700 900123 and wrote to jo@example.org; ' +
      'our line is 01632 960001.';
    expect(found(text)).toEqual([
      ['date_of_birth', '03/04/1987'],
      ['nhs_number', '943 476 5919'],
      ['uk_mobile', '07700 900123'],
      ['email', 'jo@example.org'],
    ]);
  });

  it('returns exact, ordered, non-overlapping spans for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => {
        let end = 0;
        for (const span of findPersonalData(text)) {
          expect(text.slice(span.start, span.end)).toBe(span.text);
          expect(span.start).toBeGreaterThanOrEqual(end);
          end = span.end;
        }
      }),
    );
  });
});
