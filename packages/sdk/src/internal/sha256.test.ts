import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sha256Base64url } from './sha256.js';

describe('SHA-256 in plain JavaScript', () => {
  it('matches node:crypto on any ASCII text, across block and padding boundaries', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.integer({ min: 0, max: 127 }).map((code) => String.fromCharCode(code)),
          maxLength: 300,
        }),
        (text) => {
          expect(sha256Base64url(text)).toBe(
            createHash('sha256').update(text, 'latin1').digest('base64url'),
          );
        },
      ),
      { numRuns: 500 },
    );
    for (const length of [0, 55, 56, 63, 64, 65, 119, 120, 4096]) {
      const text = 'a'.repeat(length);
      expect(sha256Base64url(text), `${length}`).toBe(
        createHash('sha256').update(text).digest('base64url'),
      );
    }
  });

  it('gives the FIPS 180-4 digest of "abc"', () => {
    expect(Buffer.from(sha256Base64url('abc'), 'base64url').toString('hex')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });
});
