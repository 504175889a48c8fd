import {
  isKnownRecordType,
  JWS_TYP,
  type RecordData,
  RecordPayload,
  type RecordType,
  recordDataSchemas,
  SCHEMA_MAJOR,
  schemaMajorOf,
  type Tombstone,
} from '@promise-global/schema';
import { ProtocolError } from '../errors.js';
import { parseClaimsWith } from '../internal/claims.js';
import { sha256Base64url } from '../internal/sha256.js';
import { LIMITS, numericDate } from '../limits.js';
import { checkHeader, parseClaims, splitCompact } from './compact.js';
import { checkSignature, findPinnedKey, type PinnedKeys } from './pinned-keys.js';
import { checkTimes } from './times.js';

/** Options of {@link verifyRecord}. */
export interface VerifyRecordOptions {
  /** The issuer's pinned keys (§9.1). Keys are never taken from the JWS itself. */
  keys: PinnedKeys;
  /** The node's URL: a record with another `iss` is outside its namespace (§4.4). */
  iss?: string;
  /** The node's partner id: partner and innovation data must belong to it (§4.4). */
  partnerId?: string;
  /** The verifier's clock; defaults to now. */
  now?: Date;
  /** kid → issuer URL of keys pinned for other nodes, to report `KID_FOREIGN` (§10.4). */
  networkKids?: ReadonlyMap<string, string>;
  /**
   * Return a record of an unknown schema major with `quarantined: true` (data unvalidated) instead
   * of throwing `SCHEMA_MAJOR_UNKNOWN`; its signature and envelope are verified (§4.3).
   */
  quarantineUnknownMajor?: boolean;
}

/** The envelope claims every record carries (§4.2). */
export type RecordEnvelope = Omit<RecordPayload, 'type' | 'data' | 'tombstone'>;

/**
 * Verified claims, typed by record type: narrow on `type` and `data` is a `Service`, an
 * `Innovation`, …; a tombstone carries `tombstone` and no `data` (§6).
 */
export type VerifiedPayload = {
  [T in RecordType]:
    | (RecordEnvelope & { type: T; data: RecordData<T>; tombstone?: undefined })
    | (RecordEnvelope & { type: T; tombstone: Tombstone; data?: undefined });
}[RecordType];

interface VerifiedBase {
  /** The compact JWS exactly as received; keep it to pass provenance on. */
  jws: string;
  /** `recordHash(jws)`: what the next record's `prev` must carry (§5.1). */
  hash: string;
  /** The kid of the pinned key that signed it. */
  kid: string;
}

/** Why a verified record was not read: an unknown schema major (§4.3) or record type (§4.6). */
export type QuarantineReason = 'SCHEMA_MAJOR_UNKNOWN' | 'RECORD_TYPE_UNKNOWN';

/**
 * A record whose signature, envelope and data all verified (§4): `payload.data` is the
 * schema-parsed data (unknown fields of a newer minor dropped). With `quarantined: true` the
 * schema major (§4.3) or the record type (§4.6) is unknown and `data` was not validated, so it
 * stays untyped; `reason` says which. Its signature, envelope and chain place were checked.
 *
 * @example
 * const record = await verifyRecord(jws, { keys, iss });
 * if (!record.quarantined && record.payload.type === 'service') record.payload.data?.urgency;
 */
export type VerifiedRecord =
  | (VerifiedBase & { payload: VerifiedPayload; quarantined: false })
  | (VerifiedBase & { payload: RecordPayload; quarantined: true; reason: QuarantineReason });

function checkData(payload: RecordPayload, options: VerifyRecordOptions): VerifiedPayload {
  if (payload.data === undefined) return payload as VerifiedPayload;
  const result = recordDataSchemas[payload.type as RecordType].safeParse(payload.data);
  if (!result.success) {
    const issues = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ProtocolError('SCHEMA_INVALID', `${payload.type} data: ${issues.join('; ')}`, {
      issues,
    });
  }
  const data: Record<string, unknown> = result.data;
  if (data.id !== payload.id) {
    throw new ProtocolError('CLAIMS_INVALID', `record id ${payload.id} differs from its data id`);
  }
  const owner = payload.type === 'partner' ? data.id : data.partnerId;
  if (options.partnerId !== undefined && owner !== undefined && owner !== options.partnerId) {
    throw new ProtocolError(
      'NAMESPACE_VIOLATION',
      `${payload.type} ${payload.id} belongs to ${String(owner)}`,
    );
  }
  return { ...payload, data } as VerifiedPayload;
}

/**
 * Verifies one record JWS (§10): compact serialisation, the header profile, the pinned key by
 * kid, the Ed25519 signature, then the claims, the namespace, revocation, the schema major and
 * finally the data against `recordDataSchemas`. Throws {@link ProtocolError} on any failure. A
 * record of a type this version does not know comes back `quarantined` (§4.6), never thrown.
 *
 * @example
 * const record = await verifyRecord(jws, { keys: pinned, iss: 'https://node.example.org' });
 * record.payload.data; // validated Service / Innovation / …
 */
export async function verifyRecord(
  jws: unknown,
  options: VerifyRecordOptions,
): Promise<VerifiedRecord> {
  const what = 'record';
  const parts = splitCompact(jws, LIMITS.maxRecordBytes, what);
  const kid = checkHeader(parts.header, JWS_TYP.record, what);
  const key = findPinnedKey(options.keys, kid, what, options.networkKids);
  await checkSignature(key, parts.signingInput, parts.signature, what);
  const claims = parseClaims(parts.payloadBytes, what);
  checkTimes(claims, what, { now: numericDate(options.now), maxLifetime: undefined });
  const payload = parseClaimsWith(RecordPayload, claims, what);
  if (options.iss !== undefined && payload.iss !== options.iss) {
    throw new ProtocolError(
      'NAMESPACE_VIOLATION',
      `record iss ${payload.iss} is not ${options.iss}`,
    );
  }
  if (key.revokedFromSeq !== undefined && payload.seq >= key.revokedFromSeq) {
    throw new ProtocolError('KEY_REVOKED', `kid ${kid} is revoked from seq ${key.revokedFromSeq}`, {
      seq: payload.seq,
    });
  }
  const base = { jws: jws as string, hash: sha256Base64url(jws as string), kid };
  if (schemaMajorOf(payload.schemaVersion) !== SCHEMA_MAJOR) {
    if (options.quarantineUnknownMajor === true) {
      return { ...base, payload, quarantined: true, reason: 'SCHEMA_MAJOR_UNKNOWN' };
    }
    throw new ProtocolError(
      'SCHEMA_MAJOR_UNKNOWN',
      `schema ${payload.schemaVersion} is not major ${SCHEMA_MAJOR}`,
      {
        seq: payload.seq,
        jws,
      },
    );
  }
  // A type added by a later minor: kept, verified and skipped, never a failure (§4.6).
  if (!isKnownRecordType(payload.type)) {
    return { ...base, payload, quarantined: true, reason: 'RECORD_TYPE_UNKNOWN' };
  }
  return { ...base, payload: checkData(payload, options), quarantined: false };
}
