import { z } from 'zod';
import { CountryCode, EmailAddress, HttpUrl, Slug, text } from './primitives.js';

/** A node's identity: the partner organisation that runs it. */
export const Partner = z
  .object({
    id: Slug.describe('Short stable identifier, e.g. cpft'),
    name: text(200),
    country: CountryCode,
    region: text(200).optional(),
    website: HttpUrl,
    contactEmail: EmailAddress,
    baseUrl: HttpUrl.describe("The node's public base URL"),
    description: text(2000),
  })
  .meta({ id: 'Partner', title: 'Partner' });

export type Partner = z.infer<typeof Partner>;
