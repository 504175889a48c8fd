import { ProtocolError } from '../errors.js';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const INVALID = 255;
const VALUE = new Uint8Array(256).fill(INVALID);
for (let index = 0; index < ALPHABET.length; index++) VALUE[ALPHABET.charCodeAt(index)] = index;

/** The 6-bit value of the character at `index`, or 255 when it is not in the URL-safe alphabet. */
function valueAt(text: string, index: number): number {
  return VALUE[text.charCodeAt(index)] ?? INVALID;
}

/** base64url without padding (RFC 7515 §2). Plain `Uint8Array` work: runs in browsers too. */
export function encodeBase64url(input: Uint8Array | string): string {
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  let text = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] ?? 0;
    const b = bytes[i + 1] ?? 0;
    const c = bytes[i + 2] ?? 0;
    text += ALPHABET.charAt(a >> 2) + ALPHABET.charAt(((a & 3) << 4) | (b >> 4));
    if (i + 1 < bytes.length) text += ALPHABET.charAt(((b & 15) << 2) | (c >> 6));
    if (i + 2 < bytes.length) text += ALPHABET.charAt(c & 63);
  }
  return text;
}

/** Strict base64url decoding (§10.1): only the URL-safe alphabet, no padding, canonical bits. */
export function decodeBase64url(text: string, what: string): Uint8Array<ArrayBuffer> {
  const spare = text.length % 4;
  if (spare === 1) throw new ProtocolError('BASE64URL_INVALID', `${what} is not base64url`);
  const bytes = new Uint8Array(Math.floor((text.length * 3) / 4));
  let byte = 0;
  let i = 0;
  for (; i + 4 <= text.length; i += 4) {
    const a = valueAt(text, i);
    const b = valueAt(text, i + 1);
    const c = valueAt(text, i + 2);
    const d = valueAt(text, i + 3);
    if ((a | b | c | d) > 63)
      throw new ProtocolError('BASE64URL_INVALID', `${what} is not base64url`);
    const bits = (a << 18) | (b << 12) | (c << 6) | d;
    bytes[byte++] = bits >> 16;
    bytes[byte++] = (bits >> 8) & 255;
    bytes[byte++] = bits & 255;
  }
  if (spare !== 0) {
    const a = valueAt(text, i);
    const b = valueAt(text, i + 1);
    const c = spare === 3 ? valueAt(text, i + 2) : 0;
    if ((a | b | c) > 63) throw new ProtocolError('BASE64URL_INVALID', `${what} is not base64url`);
    // Canonical: the unused low bits of the last character must be zero (RFC 4648 §3.5).
    if ((spare === 2 ? b & 0x0f : c & 0x03) !== 0) {
      throw new ProtocolError('BASE64URL_INVALID', `${what} is not canonical base64url`);
    }
    bytes[byte++] = (a << 2) | (b >> 4);
    if (spare === 3) bytes[byte++] = ((b & 15) << 4) | (c >> 2);
  }
  return bytes;
}
