import { describe, expect, test } from 'vitest';
import { isProtocolError } from '../errors.js';
import { generateSigningKey, keyFingerprint, matchesFingerprint } from './index.js';

/** A kid whose digest starts with the given bytes (the rest zero). */
function kidStartingWith(text: string): string {
  const digest = Buffer.alloc(32);
  digest.write(text, 'latin1');
  return digest.toString('base64url');
}

describe('key fingerprints (§3.1)', () => {
  test('are the first 80 bits of the thumbprint in RFC 4648 base32, four groups of four', () => {
    // RFC 4648 §10: BASE32("fooba") = "MZXW6YTB".
    expect(keyFingerprint(kidStartingWith('foobafooba'))).toBe('MZXW-6YTB-MZXW-6YTB');
    expect(keyFingerprint(kidStartingWith('foobafoob\u00ff'))).toBe('MZXW-6YTB-MZXW-6YX7');
  });

  test('differ between keys and are stable for one key', async () => {
    const [a, b] = await Promise.all([generateSigningKey(), generateSigningKey()]);
    expect(keyFingerprint(a.kid)).toMatch(/^[A-Z2-7]{4}(-[A-Z2-7]{4}){3}$/);
    expect(keyFingerprint(a.kid)).toBe(keyFingerprint(a.kid));
    expect(keyFingerprint(a.kid)).not.toBe(keyFingerprint(b.kid));
  });

  test('match as a person types them: any case, spaces or hyphens, but not another key', async () => {
    const [a, b] = await Promise.all([generateSigningKey(), generateSigningKey()]);
    const shown = keyFingerprint(a.kid);
    expect(matchesFingerprint(a.kid, shown)).toBe(true);
    expect(matchesFingerprint(a.kid, ` ${shown.toLowerCase().replaceAll('-', ' ')} `)).toBe(true);
    expect(matchesFingerprint(a.kid, keyFingerprint(b.kid))).toBe(false);
    expect(matchesFingerprint(a.kid, shown.slice(0, -1))).toBe(false);
    expect(matchesFingerprint(a.kid, '')).toBe(false);
  });

  test('refuse something that is not a SHA-256 thumbprint', () => {
    expect(() => keyFingerprint('abc')).toThrow(expect.objectContaining({ code: 'KEY_INVALID' }));
    try {
      keyFingerprint('!!!!');
    } catch (error) {
      expect(isProtocolError(error)).toBe(true);
    }
  });
});
