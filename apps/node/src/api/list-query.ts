import {
  INNOVATION_KINDS,
  ORGANISATION_TYPES,
  SERVICE_STATUSES,
  Uuid,
} from '@promise-global/schema';
import type { Context } from 'hono';
import { z } from 'zod';
import { validationFailed } from '../errors.js';
import { DEFAULT_PAGE_LIMIT, MAX_PAGE_LIMIT } from '../resources/paging.js';
import { fieldIssues } from './validation.js';

/** The statuses a write-up has at its node (scheduled and published are the hub's). */
const NODE_STATUSES = ['draft', 'submitted', 'withdrawn'] as const;

const paging = {
  limit: z.coerce
    .number()
    .int('limit must be a whole number')
    .min(1, 'limit must be at least 1')
    .max(MAX_PAGE_LIMIT, `limit is at most ${MAX_PAGE_LIMIT}: follow nextCursor for more`)
    .default(DEFAULT_PAGE_LIMIT)
    .describe(`Items per page (default ${DEFAULT_PAGE_LIMIT}, at most ${MAX_PAGE_LIMIT})`),
  cursor: z.string().max(2000).optional().describe('The nextCursor of the previous page (opaque)'),
  q: z
    .string()
    .trim()
    .max(200)
    .optional()
    .describe('Words to search for; every word must appear (ASCII letters in any case)'),
};

/** `GET /api/services`: paging, search over name and description, and filters. */
export const ServiceListQuery = z.object({
  ...paging,
  review: z
    .enum(['due', 'checked', 'not_checked'])
    .optional()
    .describe(
      'due: past its review date or never checked; checked: checked by its owner and not due; not_checked: never checked and not yet due',
    ),
  status: z.enum(SERVICE_STATUSES).optional(),
  organisationId: z.optional(Uuid),
});
export type ServiceListQuery = z.output<typeof ServiceListQuery>;

/** `GET /api/innovations`: paging, search over title and summary, and filters. */
export const InnovationListQuery = z.object({
  ...paging,
  status: z.enum(NODE_STATUSES).optional().describe('draft, submitted or withdrawn'),
  kind: z.enum(INNOVATION_KINDS).optional(),
});
export type InnovationListQuery = z.output<typeof InnovationListQuery>;

/** `GET /api/organisations`: paging, search over name, and the type filter. */
export const OrganisationListQuery = z.object({
  ...paging,
  type: z.enum(ORGANISATION_TYPES).optional(),
});
export type OrganisationListQuery = z.output<typeof OrganisationListQuery>;

/**
 * A list's query string, parsed: empty values (an unset field of a GET form) count as absent;
 * other parameters (a cache-buster, a log marker) are ignored; a bad value is refused with 400
 * naming it.
 */
export function listQuery<S extends z.core.$ZodType>(c: Context, schema: S): z.output<S> {
  const given = Object.fromEntries(
    Object.entries(c.req.query()).filter(([, value]) => value !== ''),
  );
  const result = z.safeParse(schema, given);
  if (!result.success) throw validationFailed(fieldIssues(result.error));
  return result.data;
}
