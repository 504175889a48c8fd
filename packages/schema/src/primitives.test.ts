import { describe, expect, it } from 'vitest';
import {
  CountryCode,
  EmailAddress,
  HttpUrl,
  IsoDate,
  IsoDateTime,
  IsoDuration,
  LanguageTag,
  PhoneNumber,
  Slug,
  text,
} from './primitives.js';

const accepts = (schema: { safeParse(v: unknown): { success: boolean } }, value: unknown) =>
  schema.safeParse(value).success;

describe('PhoneNumber', () => {
  it.each([
    '+44 1632 960001',
    '+441632960001',
    '+1 202 555 0100',
    '01632 960001',
    '01632960001',
    '0300 123 4567',
    '0800 1111',
    '999',
    '111',
    '112',
    '101',
    '119',
    '116 123',
    '116123',
    '85258',
  ])('accepts %s', (number) => {
    expect(accepts(PhoneNumber, number)).toBe(true);
  });

  it.each([
    ['letters', '01632 96000a'],
    ['a letter O for a zero', 'O1632 960001'],
    ['words', 'call us'],
    ['too short a national number', '0163 29600'],
    ['too long a national number', '01632 960001 23'],
    ['too short an international number', '+44 1632'],
    ['too long an international number', '+44 1632 960001 0000 000'],
    ['an international number starting with 0', '+0 1632 960001'],
    ['an unknown short code', '1234'],
    ['double spaces', '01632  960001'],
    ['brackets', '(01632) 960001'],
    ['an empty string', ''],
  ])('refuses %s', (_, number) => {
    expect(accepts(PhoneNumber, number)).toBe(false);
  });

  it('trims surrounding spaces', () => {
    expect(PhoneNumber.parse('  0300 123 4567 ')).toBe('0300 123 4567');
  });
});

describe('HttpUrl', () => {
  it.each([
    'https://example.org',
    'http://example.org/path?query=1#part',
    'https://www.example.org/first-response',
    'HTTPS://EXAMPLE.ORG',
  ])('accepts %s', (url) => {
    expect(accepts(HttpUrl, url)).toBe(true);
  });

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'ftp://example.org/file',
    'mailto:team@example.org',
    'file:///etc/passwd',
    '//example.org',
    'https://',
    'https:example.org',
    'example.org',
    `https://example.org/${'a'.repeat(2048)}`,
  ])('refuses %s', (url) => {
    expect(accepts(HttpUrl, url)).toBe(false);
  });
});

describe('CountryCode', () => {
  it.each(['GB', 'IE', 'US', 'AU'])('accepts %s', (code) => {
    expect(accepts(CountryCode, code)).toBe(true);
  });
  it.each(['gb', 'UK', 'GBR', 'XX', 'EU', ''])('refuses %s', (code) => {
    expect(accepts(CountryCode, code)).toBe(false);
  });
});

describe('IsoDuration', () => {
  it.each(['PT4H', 'P1D', 'P1W', 'PT30M', 'P1Y2M3DT4H5M6S', 'PT1.5S'])('accepts %s', (value) => {
    expect(accepts(IsoDuration, value)).toBe(true);
  });
  it.each(['4h', 'pt4h', 'P', 'PT', 'P1DT', '-PT1H', '4 hours', ''])('refuses %s', (value) => {
    expect(accepts(IsoDuration, value)).toBe(false);
  });
});

describe('dates and times', () => {
  it('accepts date-times with Z or an offset and refuses local ones', () => {
    expect(accepts(IsoDateTime, '2026-01-05T09:30:00Z')).toBe(true);
    expect(accepts(IsoDateTime, '2026-01-05T09:30:00.123+01:00')).toBe(true);
    expect(accepts(IsoDateTime, '2026-01-05T09:30:00')).toBe(false);
    expect(accepts(IsoDateTime, '5 January 2026')).toBe(false);
    // RFC 3339 §5.6: "T" and "Z" may be lower case; the date must exist.
    expect(accepts(IsoDateTime, '2026-01-05t09:30:00z')).toBe(true);
    expect(accepts(IsoDateTime, '2026-01-05t09:30:00+01:00')).toBe(true);
    expect(accepts(IsoDateTime, '2026-01-05 09:30:00Z')).toBe(false);
    expect(accepts(IsoDateTime, '2026-02-29T09:30:00Z')).toBe(false);
    expect(accepts(IsoDateTime, '2028-02-29T09:30:00Z')).toBe(true);
    expect(accepts(IsoDateTime, '2026-01-05T09:30Z')).toBe(false);
  });
  it('accepts calendar dates and refuses impossible ones', () => {
    expect(accepts(IsoDate, '2028-02-29')).toBe(true);
    expect(accepts(IsoDate, '2026-02-29')).toBe(false);
    expect(accepts(IsoDate, '2026-13-01')).toBe(false);
  });
});

describe('text', () => {
  const name = text(10);
  it('trims before checking and returns the trimmed value', () => {
    expect(name.parse('  Safe Haven ')).toBe('Safe Haven');
    expect(accepts(name, ` ${'a'.repeat(10)} `)).toBe(true);
  });
  it('refuses empty and whitespace-only text', () => {
    expect(accepts(name, '')).toBe(false);
    expect(accepts(name, ' \n\t ')).toBe(false);
  });
  it('refuses text longer than its bound', () => {
    expect(accepts(name, 'a'.repeat(11))).toBe(false);
  });
});

describe('identifiers', () => {
  it.each(['cpft', 'nhs-lothian', 'a', 'trust-2'])('accepts the slug %s', (slug) => {
    expect(accepts(Slug, slug)).toBe(true);
  });
  it.each(['CPFT', '-cpft', 'cpft-', 'c p', 'cpft_x', '', 'a'.repeat(41)])(
    'refuses the slug %s',
    (slug) => {
      expect(accepts(Slug, slug)).toBe(false);
    },
  );
  it.each(['en', 'cy', 'en-GB', 'sgn-GB', 'zh-Hant-TW'])('accepts the language %s', (tag) => {
    expect(accepts(LanguageTag, tag)).toBe(true);
  });
  it.each(['english', 'e', 'en_GB', ''])('refuses the language %s', (tag) => {
    expect(accepts(LanguageTag, tag)).toBe(false);
  });
  it('accepts email addresses and refuses ones without a domain', () => {
    expect(accepts(EmailAddress, 'team@example.org')).toBe(true);
    expect(accepts(EmailAddress, 'team@example')).toBe(false);
    expect(accepts(EmailAddress, 'team example.org')).toBe(false);
  });
});
