import * as z from 'zod/mini';
import { CountryCode, EmailAddress, HttpUrl, Slug, text } from './primitives.js';

/** A node's identity: the partner organisation that runs it. */
export const Partner = z
  .object({
    id: Slug.check(z.describe('Short stable identifier, e.g. cpft')),
    name: text(200),
    country: CountryCode,
    region: z.optional(text(200)),
    website: HttpUrl,
    contactEmail: EmailAddress,
    baseUrl: HttpUrl.check(z.describe("The node's public base URL")),
    description: text(2000),
  })
  .register(z.globalRegistry, { id: 'Partner', title: 'Partner' });

export type Partner = z.infer<typeof Partner>;
