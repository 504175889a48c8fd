import { Partner } from '@promise-global/schema';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Queryable } from '../db/database.js';
import { partnerProfile } from '../db/schema.js';
import { notFound } from '../errors.js';
import type { Writer } from '../write.js';
import { checkRevision, type Versioned } from './revision.js';

/** What an author writes about the partner; the node fills `id` and `baseUrl` from its config. */
export const PartnerInput = z.object(Partner.shape).omit({ id: true, baseUrl: true });
export type PartnerFields = z.output<typeof PartnerInput>;

export async function findPartner(
  db: Queryable,
  partnerId: string,
): Promise<Versioned<Partner> | undefined> {
  const [row] = await db
    .select({ rev: partnerProfile.rev, data: partnerProfile.data })
    .from(partnerProfile)
    .where(eq(partnerProfile.id, partnerId));
  return row;
}

export async function getPartner(db: Queryable, partnerId: string): Promise<Versioned<Partner>> {
  const row = await findPartner(db, partnerId);
  if (!row) throw notFound('partner profile', partnerId);
  return row;
}

/** Creates or replaces the partner profile and publishes it as the `partner` record. */
export async function putPartner(
  w: Writer,
  identity: { partnerId: string; baseUrl: string },
  fields: PartnerFields,
  expectedRev?: number,
): Promise<Versioned<Partner>> {
  const [row] = await w.tx
    .select({ rev: partnerProfile.rev, publishedRev: partnerProfile.publishedRev })
    .from(partnerProfile)
    .where(eq(partnerProfile.id, identity.partnerId));
  checkRevision(row?.rev ?? 0, expectedRev);
  const data = Partner.parse({ ...fields, id: identity.partnerId, baseUrl: identity.baseUrl });
  const rev = (row?.rev ?? 0) + 1;
  const publishedRev = (row?.publishedRev ?? 0) + 1;
  await w.tx
    .insert(partnerProfile)
    .values({ id: identity.partnerId, data, rev, publishedRev, updatedAt: w.now })
    .onConflictDoUpdate({
      target: partnerProfile.id,
      set: { data, rev, publishedRev, updatedAt: w.now },
    });
  await w.publish({
    type: 'partner',
    id: identity.partnerId,
    rev: publishedRev,
    updatedAt: w.now,
    data,
  });
  return { rev, data };
}
