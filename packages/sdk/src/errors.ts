/**
 * Stable error codes of PROMISE Feed v1 (docs/protocol.md §12). A verifier that rejects input
 * throws a {@link ProtocolError} carrying exactly one of these.
 */
export const PROTOCOL_ERROR_CODES = [
  'MALFORMED_JWS',
  'JWE_NOT_ACCEPTED',
  'JSON_SERIALIZATION_NOT_ACCEPTED',
  'BASE64URL_INVALID',
  'MALFORMED_JSON',
  'JSON_TOO_DEEP',
  'JSON_FORBIDDEN_KEY',
  'JSON_DUPLICATE_MEMBER',
  'TOO_LARGE',
  'PAGE_TOO_LARGE',
  'PAGE_INVALID',
  'ALG_NONE',
  'ALG_SYMMETRIC',
  'ALG_NOT_ALLOWED',
  'EMBEDDED_KEY',
  'CRIT_UNSUPPORTED',
  'HEADER_PARAM_UNSUPPORTED',
  'TYP_MISSING',
  'TYP_MISMATCH',
  'KID_MISSING',
  'UNKNOWN_KID',
  'ISSUER_UNKNOWN',
  'KID_FOREIGN',
  'KEY_REVOKED',
  'KEY_RETIRED',
  'SIGNATURE_INVALID',
  'CLAIMS_INVALID',
  'ISS_MISMATCH',
  'SUB_MISMATCH',
  'AUD_MISSING',
  'AUD_MISMATCH',
  'IAT_MISSING',
  'EXP_MISSING',
  'EXPIRED',
  'NOT_YET_VALID',
  'EXP_TOO_FAR',
  'HEAD_REPLAYED',
  'DESCRIPTOR_REPLAYED',
  'HEAD_MISMATCH',
  'PING_REPLAYED',
  'CHAIN_GAP',
  'CHAIN_FORK',
  'CHAIN_BROKEN',
  'ROLLBACK',
  'DUPLICATE_RECORD',
  'REV_INVALID',
  'TOMBSTONE_UNKNOWN',
  'RECORD_AFTER_TOMBSTONE',
  'NAMESPACE_VIOLATION',
  'SCHEMA_MAJOR_UNKNOWN',
  'SCHEMA_INVALID',
  'KEY_ROTATION_UNAUTHORISED',
  'KEY_INVALID',
  'DIGEST_UNSUPPORTED',
] as const;

/** One of {@link PROTOCOL_ERROR_CODES}. */
export type ProtocolErrorCode = (typeof PROTOCOL_ERROR_CODES)[number];

/**
 * The only error the SDK's verifiers throw for bad input. `code` is stable and machine-readable;
 * `message` is for humans and may change.
 *
 * @example
 * try { await verifyRecord(jws, { keys }); }
 * catch (error) { if (error instanceof ProtocolError && error.code === 'UNKNOWN_KID') … }
 */
export class ProtocolError extends Error {
  override readonly name = 'ProtocolError';
  readonly code: ProtocolErrorCode;
  /** Extra machine-readable context, e.g. the offending seq, or a record to quarantine. */
  readonly details: Readonly<Record<string, unknown>> | undefined;

  constructor(code: ProtocolErrorCode, message: string, details?: Record<string, unknown>) {
    super(`${code}: ${message}`);
    this.code = code;
    this.details = details;
  }
}

const KNOWN_CODES: ReadonlySet<string> = new Set(PROTOCOL_ERROR_CODES);

/**
 * True when `error` is a {@link ProtocolError}, optionally with the given code. Also recognises a
 * ProtocolError from another copy of the SDK (e.g. a bundled one), by name and code.
 *
 * @example
 * if (isProtocolError(error, 'CHAIN_FORK')) quarantineNode(node);
 */
export function isProtocolError(error: unknown, code?: ProtocolErrorCode): error is ProtocolError {
  const isOne =
    error instanceof ProtocolError ||
    (error instanceof Error &&
      error.name === 'ProtocolError' &&
      KNOWN_CODES.has(String((error as { code?: unknown }).code)));
  return isOne && (code === undefined || (error as ProtocolError).code === code);
}
