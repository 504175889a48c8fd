import type * as z from 'zod/mini';
import { Innovation } from './innovation.js';
import { Organisation } from './organisation.js';
import { Partner } from './partner.js';
import { Service } from './service.js';

/** The kinds of record a node publishes in its feed. */
export const RECORD_TYPES = ['partner', 'organisation', 'service', 'innovation'] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

/** The schema each record type's `data` must satisfy once its signature has been checked. */
export const recordDataSchemas = {
  partner: Partner,
  organisation: Organisation,
  service: Service,
  innovation: Innovation,
} as const satisfies Record<RecordType, z.ZodMiniType>;

/** The parsed `data` of a record of type `T`. */
export type RecordData<T extends RecordType> = z.infer<(typeof recordDataSchemas)[T]>;
