import * as z from 'zod/mini';
import { EmailAddress, HttpUrl, IsoDateTime, text, Uuid } from './primitives.js';
import { IDENTIFIER_SCHEMES, ORGANISATION_TYPES } from './vocabularies.js';

export const OrganisationIdentifier = z.object({
  scheme: z.enum(IDENTIFIER_SCHEMES),
  value: text(64),
});

const organisationFields = {
  name: text(200),
  description: z.optional(text(4000)),
  website: z.optional(HttpUrl),
  email: z.optional(EmailAddress),
  identifiers: z._default(z.array(OrganisationIdentifier).check(z.maxLength(10)), []),
  type: z.enum(ORGANISATION_TYPES),
};

/** What an author writes; the node assigns `id` and `updatedAt`. */
export const OrganisationInput = z
  .object(organisationFields)
  .register(z.globalRegistry, { id: 'OrganisationInput' });

/** An HSDS organization: an NHS trust, council, charity or other body that runs services. */
export const Organisation = z
  .object({ id: Uuid, ...organisationFields, updatedAt: IsoDateTime })
  .register(z.globalRegistry, { id: 'Organisation', title: 'Organisation' });

export type OrganisationInput = z.input<typeof OrganisationInput>;
export type Organisation = z.infer<typeof Organisation>;
