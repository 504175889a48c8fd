import { z } from 'zod';
import { EmailAddress, HttpUrl, IsoDateTime, text, Uuid } from './primitives.js';
import { IDENTIFIER_SCHEMES, ORGANISATION_TYPES } from './vocabularies.js';

export const OrganisationIdentifier = z.object({
  scheme: z.enum(IDENTIFIER_SCHEMES),
  value: text(64),
});

const organisationFields = {
  name: text(200),
  description: text(4000).optional(),
  website: HttpUrl.optional(),
  email: EmailAddress.optional(),
  identifiers: z.array(OrganisationIdentifier).max(10).default([]),
  type: z.enum(ORGANISATION_TYPES),
};

/** What an author writes; the node assigns `id` and `updatedAt`. */
export const OrganisationInput = z.object(organisationFields).meta({ id: 'OrganisationInput' });

/** An HSDS organization: an NHS trust, council, charity or other body that runs services. */
export const Organisation = z
  .object({ id: Uuid, ...organisationFields, updatedAt: IsoDateTime })
  .meta({ id: 'Organisation', title: 'Organisation' });

export type OrganisationInput = z.input<typeof OrganisationInput>;
export type Organisation = z.infer<typeof Organisation>;
