import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBase64url, encodeBase64url } from './base64url.js';

describe('base64url without Buffer', () => {
  it('encodes and decodes any bytes exactly as Node does', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const text = encodeBase64url(bytes);
        expect(text).toBe(Buffer.from(bytes).toString('base64url'));
        expect(Buffer.from(decodeBase64url(text, 'x')).equals(Buffer.from(bytes))).toBe(true);
      }),
    );
  });

  it.each([
    ['padding', 'YQ=='],
    ['the standard alphabet', 'a+b/'],
    ['a lone trailing character', 'YWJjZ'],
    ['non-zero spare bits', 'YR'],
    ['a non-ASCII character', 'YWJj\u00e9'],
  ])('refuses %s', (_, text) => {
    expect(() => decodeBase64url(text, 'x')).toThrow(
      expect.objectContaining({ code: 'BASE64URL_INVALID' }),
    );
  });
});
