import * as z from 'zod/mini';
import { IsoDateTime } from '../primitives.js';
import { RECORD_TYPES } from '../records.js';
import { EntityUrl, NumericDate, SemVer, Seq, Sha256Base64url } from './common.js';

/** Why a record no longer exists: tombstones are kept for ever (§6). */
export const Tombstone = z.object({
  reason: z.enum(['deleted', 'withdrawn']),
});
export type Tombstone = z.infer<typeof Tombstone>;

/**
 * Record data before its type's schema runs: a plain JSON object (§4.2). A custom check rather
 * than `z.record` keeps envelope parsing cheap; the meta keeps its JSON Schema `type: object`.
 */
const RecordData = z
  .custom<Record<string, unknown>>(
    (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
    'must be an object',
  )
  .check(
    z.meta({ type: 'object', description: 'validated against recordDataSchemas[type] (§4.2)' }),
  );

const recordEnvelope = {
  iss: EntityUrl,
  iat: NumericDate,
  type: z.enum(RECORD_TYPES),
  id: z.string().check(z.regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/, 'must be a record id')),
  rev: z.int().check(z.minimum(1), z.maximum(Number.MAX_SAFE_INTEGER)),
  seq: Seq,
  prev: Sha256Base64url,
  updatedAt: IsoDateTime,
  schemaVersion: SemVer,
};

/**
 * The claims of a record JWS (§4.2): one published version of one record, carrying either `data`
 * (validated against `recordDataSchemas[type]` after the signature check) or a `tombstone`.
 *
 * @example
 * RecordPayload.parse({ iss: 'https://node.example.org', iat: 1767225600, type: 'service',
 *   id: '5b0c…', rev: 1, seq: 1, prev: GENESIS_HASH, updatedAt: '2026-01-01T00:00:00Z',
 *   schemaVersion: '1.0.0', data: { … } });
 */
export const RecordPayload = z.union([
  z.object({
    ...recordEnvelope,
    data: RecordData,
    tombstone: z.optional(z.undefined()),
  }),
  z.object({ ...recordEnvelope, tombstone: Tombstone, data: z.optional(z.undefined()) }),
]);
export type RecordPayload = z.infer<typeof RecordPayload>;

/** What a node passes to `signRecord`: the claims without `iat`, which the signer fills (§4.2). */
export type RecordPayloadInput = Omit<RecordPayload, 'iat'> & { iat?: number };
