import { ProtocolError } from '../errors.js';
import { decodeBase64url } from '../internal/base64url.js';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
/** 80 bits: enough that no one can make a key to match a given one, short enough to read aloud. */
const FINGERPRINT_BYTES = 10;

/**
 * A key's fingerprint (docs/protocol.md §3.1): the first 80 bits of its RFC 7638 SHA-256
 * thumbprint (its `kid`) in RFC 4648 base32, as four groups of four characters. A node shows it to
 * its operator and a hub shows it at enrolment, so the two can be compared out of band.
 *
 * @example
 * keyFingerprint('NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs'); // 'G43M-XMLY-PS4D-BHDX'
 */
export function keyFingerprint(kid: string): string {
  const digest = decodeBase64url(kid, 'kid');
  if (digest.length !== 32) throw new ProtocolError('KEY_INVALID', 'a kid is a SHA-256 thumbprint');
  let bits = 0;
  let value = 0;
  let text = '';
  for (const byte of digest.subarray(0, FINGERPRINT_BYTES)) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      text += BASE32.charAt((value >> bits) & 31);
    }
    value &= (1 << bits) - 1;
  }
  return text.match(/.{4}/g)?.join('-') ?? text;
}

/** A fingerprint as typed by a person, for comparison: upper case, no spaces or hyphens. */
export function normaliseFingerprint(input: string): string {
  return input.toUpperCase().replace(/[\s-]+/g, '');
}

/** Whether `typed` (as a person enters it: any case, spaces or hyphens) is `kid`'s fingerprint. */
export function matchesFingerprint(kid: string, typed: string): boolean {
  return normaliseFingerprint(keyFingerprint(kid)) === normaliseFingerprint(typed);
}
