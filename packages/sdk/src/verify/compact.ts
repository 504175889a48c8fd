import { ProtocolError } from '../errors.js';
import { decodeBase64url } from '../internal/base64url.js';
import { parseJsonObject } from '../internal/safe-json.js';
import { LIMITS } from '../limits.js';

/** A compact JWS split into its parts; the payload is decoded but not yet parsed (§10.1). */
export interface CompactParts {
  header: Record<string, unknown>;
  payloadBytes: Uint8Array<ArrayBuffer>;
  signature: Uint8Array<ArrayBuffer>;
  signingInput: Uint8Array<ArrayBuffer>;
}

const ascii = new TextEncoder();
const EMBEDDED_KEY_PARAMS = ['jwk', 'jku', 'x5u', 'x5c', 'x5t', 'x5t#S256'];
const ALLOWED_HEADER_PARAMS = new Set(['alg', 'kid', 'typ']);

/** §10.1: compact serialisation only, bounded size, strict base64url. */
export function splitCompact(jws: unknown, maxBytes: number, what: string): CompactParts {
  if (typeof jws !== 'string') throw new ProtocolError('MALFORMED_JWS', `${what} is not a string`);
  if (jws.length > maxBytes) {
    throw new ProtocolError('TOO_LARGE', `${what} is ${jws.length} characters, over ${maxBytes}`);
  }
  if (jws.trimStart().startsWith('{')) {
    throw new ProtocolError(
      'JSON_SERIALIZATION_NOT_ACCEPTED',
      `${what} must use compact serialisation`,
    );
  }
  const parts = jws.split('.');
  if (parts.length === 5)
    throw new ProtocolError('JWE_NOT_ACCEPTED', `${what} is a JWE, not a JWS`);
  const [headerText, payloadText, signatureText] = parts;
  if (
    parts.length !== 3 ||
    headerText === undefined ||
    payloadText === undefined ||
    signatureText === undefined
  ) {
    throw new ProtocolError('MALFORMED_JWS', `${what} must have three dot-separated parts`);
  }
  const headerBytes = decodeBase64url(headerText, `${what} header`);
  const payloadBytes = decodeBase64url(payloadText, `${what} payload`);
  const signature = decodeBase64url(signatureText, `${what} signature`);
  const header = parseJsonObject(headerBytes, LIMITS.maxJsonDepth, `${what} header`);
  return {
    header,
    payloadBytes,
    signature,
    // Both parts passed the base64url alphabet check: ASCII, so UTF-8 encoding is byte for byte.
    signingInput: ascii.encode(`${headerText}.${payloadText}`),
  };
}

/** §10.2: the RFC 8725 header profile. Returns the kid to look up among pinned keys. */
export function checkHeader(header: Record<string, unknown>, typ: string, what: string): string {
  const { alg } = header;
  if (typeof alg !== 'string') throw new ProtocolError('ALG_NOT_ALLOWED', `${what} has no alg`);
  if (alg.toLowerCase() === 'none')
    throw new ProtocolError('ALG_NONE', `${what} is unsigned (alg none)`);
  if (/^HS\d+$/i.test(alg)) {
    throw new ProtocolError(
      'ALG_SYMMETRIC',
      `${what} uses symmetric ${alg}; only EdDSA is allowed`,
    );
  }
  if (alg !== 'EdDSA')
    throw new ProtocolError('ALG_NOT_ALLOWED', `${what} uses ${alg}; only EdDSA is allowed`);
  for (const param of EMBEDDED_KEY_PARAMS) {
    if (param in header) {
      throw new ProtocolError(
        'EMBEDDED_KEY',
        `${what} header carries ${param}; keys come only from pins`,
      );
    }
  }
  if ('crit' in header) throw new ProtocolError('CRIT_UNSUPPORTED', `${what} header has crit`);
  for (const param of Object.keys(header)) {
    if (!ALLOWED_HEADER_PARAMS.has(param)) {
      throw new ProtocolError('HEADER_PARAM_UNSUPPORTED', `${what} header has ${param}`);
    }
  }
  if (header.typ === undefined) throw new ProtocolError('TYP_MISSING', `${what} has no typ`);
  if (header.typ !== typ) {
    throw new ProtocolError(
      'TYP_MISMATCH',
      `${what} has typ ${String(header.typ)}, expected ${typ}`,
    );
  }
  if (typeof header.kid !== 'string' || header.kid === '') {
    throw new ProtocolError('KID_MISSING', `${what} has no kid`);
  }
  return header.kid;
}

/** Parses a verified payload: JSON object, bounded depth, no `__proto__` (§10.3). */
export function parseClaims(payloadBytes: Uint8Array, what: string): Record<string, unknown> {
  return parseJsonObject(payloadBytes, LIMITS.maxJsonDepth, `${what} claims`);
}
