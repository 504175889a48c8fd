import { ProtocolError } from '../errors.js';

const ALPHABET = /^[A-Za-z0-9_-]*$/;
const BASE64URL_VALUE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** base64url without padding (RFC 7515 §2). */
export function encodeBase64url(bytes: Uint8Array | string): string {
  return Buffer.from(bytes).toString('base64url');
}

/** Strict base64url decoding (§10.1): only the URL-safe alphabet, no padding, canonical bits. */
export function decodeBase64url(text: string, what: string): Buffer {
  if (!ALPHABET.test(text) || text.length % 4 === 1) {
    throw new ProtocolError('BASE64URL_INVALID', `${what} is not base64url`);
  }
  // Canonical: the unused low bits of the last character must be zero (RFC 4648 §3.5).
  const spare = text.length % 4;
  if (spare !== 0) {
    const last = BASE64URL_VALUE.indexOf(text.charAt(text.length - 1));
    if ((last & (spare === 2 ? 0x0f : 0x03)) !== 0) {
      throw new ProtocolError('BASE64URL_INVALID', `${what} is not canonical base64url`);
    }
  }
  return Buffer.from(text, 'base64url');
}
