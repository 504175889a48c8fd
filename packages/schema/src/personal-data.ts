/** What `findPersonalData` can flag. */
export type PersonalDataKind = 'nhs_number' | 'date_of_birth' | 'uk_mobile' | 'email';

/** A flagged span of text: `text.slice(start, end)` is what looked personal. */
export interface PersonalDataSpan {
  kind: PersonalDataKind;
  start: number;
  end: number;
  text: string;
}

const NHS_NUMBER = /(?<![\d-])(\d{3})([ -]?)(\d{3})\2(\d{4})(?![\d-])/g;
const UK_MOBILE = /(?<![\d+])(?:\+44 ?\(?0?\)? ?|\(?0)7\d{3}\)?[ -]?\d{3}[ -]?\d{3}(?!\d)/g;
// The lookbehind starts a match only at the start of a run, keeping long runs linear.
const EMAIL =
  /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
const MONTHS =
  'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
/** dd/mm/yyyy, dd-mm-yyyy or dd.mm.yyyy: the way dates of birth appear in records. */
const NUMERIC_DATE =
  /(?<!\d)(0?[1-9]|[12]\d|3[01])([/.-])(0?[1-9]|1[0-2])\2((?:19|20)\d{2})(?!\d)/g;
/** Any date written after a cue such as "DOB", "date of birth" or "born". */
const CUED_DATE = new RegExp(
  String.raw`\b(?:d\.?o\.?b\.?|date of birth|born(?: on)?|birthday)[:\s]*` +
    String.raw`((?:\d{1,2}(?:st|nd|rd|th)? (?:${MONTHS})\.?,? \d{4})|(?:(?:${MONTHS})\.? \d{1,2}(?:st|nd|rd|th)?,? \d{4})|(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}))`,
  'gi',
);

/**
 * True when ten digits carry a valid NHS number check digit (modulus 11: weights 10 down to 2
 * on the first nine digits; 11 minus the remainder, where 11 means 0 and 10 is never valid).
 */
export function isValidNhsNumber(digits: string): boolean {
  if (!/^\d{10}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 10) return false;
  return (check === 11 ? 0 : check) === Number(digits[9]);
}

/**
 * Finds what looks like personal data in a write-up before it leaves the building: NHS numbers
 * (ten digits, spaced or not, with a valid check digit), dates of birth (numeric dates, and any
 * date after a cue such as "DOB" or "born"), UK mobile numbers and email addresses.
 * Service phone numbers (landlines, short codes) are not flagged. Spans are sorted and never overlap.
 *
 * @example findPersonalData('Seen on 03/04/1987, NHS 943 476 5919')
 * // [{ kind: 'date_of_birth', ... }, { kind: 'nhs_number', text: '943 476 5919', ... }]
 */
export function findPersonalData(text: string): PersonalDataSpan[] {
  const spans: PersonalDataSpan[] = [];
  const add = (kind: PersonalDataKind, start: number, matched: string) =>
    spans.push({ kind, start, end: start + matched.length, text: matched });

  for (const match of text.matchAll(NHS_NUMBER)) {
    const digits = `${match[1]}${match[3]}${match[4]}`;
    if (isValidNhsNumber(digits)) add('nhs_number', match.index, match[0]);
  }
  for (const match of text.matchAll(CUED_DATE)) {
    const date = match[1] ?? '';
    add('date_of_birth', match.index + match[0].length - date.length, date);
  }
  for (const match of text.matchAll(NUMERIC_DATE)) add('date_of_birth', match.index, match[0]);
  for (const match of text.matchAll(UK_MOBILE)) add('uk_mobile', match.index, match[0]);
  for (const match of text.matchAll(EMAIL)) add('email', match.index, match[0]);

  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: PersonalDataSpan[] = [];
  for (const span of spans) {
    const last = kept.at(-1);
    if (!last || span.start >= last.end) kept.push(span);
  }
  return kept;
}
