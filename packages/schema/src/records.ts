import * as z from 'zod/mini';
import { Adoption } from './adoption.js';
import { Innovation } from './innovation.js';
import { Organisation } from './organisation.js';
import { Partner } from './partner.js';
import { Service } from './service.js';

/** The kinds of record a node publishes in its feed (`adoption` since schema 1.1). */
export const RECORD_TYPES = [
  'partner',
  'organisation',
  'service',
  'innovation',
  'adoption',
] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

/** True when this package knows the record type; a reader skips others (docs/protocol.md §4.6). */
export function isKnownRecordType(type: string): type is RecordType {
  return (RECORD_TYPES as readonly string[]).includes(type);
}

/**
 * The `type` claim as an envelope reads it: any lower-case name, so that a reader of an older
 * minor can keep, verify and skip a record type added after it (§4.6).
 */
export const RecordTypeName = z
  .string()
  .check(z.regex(/^[a-z][a-z0-9_]{0,31}$/, 'must be a record type name'));

/** The schema each record type's `data` must satisfy once its signature has been checked. */
export const recordDataSchemas = {
  partner: Partner,
  organisation: Organisation,
  service: Service,
  innovation: Innovation,
  adoption: Adoption,
} as const satisfies Record<RecordType, z.ZodMiniType>;

/** The parsed `data` of a record of type `T`. */
export type RecordData<T extends RecordType> = z.infer<(typeof recordDataSchemas)[T]>;
