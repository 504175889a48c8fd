import { Organisation, type OrganisationInput } from '@promise-global/schema';
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { Queryable } from '../db/database.js';
import { organisations, services } from '../db/schema.js';
import { conflict, notFound } from '../errors.js';
import type { Writer } from '../write.js';
import { checkRevision, type Versioned } from './revision.js';

export type OrganisationFields = z.output<typeof OrganisationInput>;

export async function listOrganisations(db: Queryable): Promise<Versioned<Organisation>[]> {
  return db
    .select({ rev: organisations.rev, data: organisations.data })
    .from(organisations)
    .where(isNull(organisations.deletedAt))
    .orderBy(asc(organisations.createdAt), asc(organisations.id));
}

export async function getOrganisation(db: Queryable, id: string): Promise<Versioned<Organisation>> {
  const [row] = await db
    .select({ rev: organisations.rev, data: organisations.data })
    .from(organisations)
    .where(and(eq(organisations.id, id), isNull(organisations.deletedAt)));
  if (!row) throw notFound('organisation', id);
  return row;
}

export async function createOrganisation(
  w: Writer,
  fields: OrganisationFields,
  id: string = crypto.randomUUID(),
): Promise<Versioned<Organisation>> {
  const [existing] = await w.tx
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.id, id));
  if (existing) throw conflict('ID_TAKEN', `An organisation with id ${id} exists or existed`);
  const data = Organisation.parse({ ...fields, id, updatedAt: w.now });
  await w.tx.insert(organisations).values({
    id,
    data,
    rev: 1,
    publishedRev: 1,
    createdAt: w.now,
    updatedAt: w.now,
  });
  await w.publish({ type: 'organisation', id, rev: 1, updatedAt: w.now, data });
  return { rev: 1, data };
}

export async function updateOrganisation(
  w: Writer,
  id: string,
  fields: OrganisationFields,
  expectedRev?: number,
): Promise<Versioned<Organisation>> {
  const row = await liveRow(w.tx, id);
  checkRevision(row.rev, expectedRev);
  const data = Organisation.parse({ ...fields, id, updatedAt: w.now });
  const rev = row.rev + 1;
  const publishedRev = row.publishedRev + 1;
  await w.tx
    .update(organisations)
    .set({ data, rev, publishedRev, updatedAt: w.now })
    .where(eq(organisations.id, id));
  await w.publish({ type: 'organisation', id, rev: publishedRev, updatedAt: w.now, data });
  return { rev, data };
}

export async function deleteOrganisation(
  w: Writer,
  id: string,
  expectedRev?: number,
): Promise<void> {
  const row = await liveRow(w.tx, id);
  checkRevision(row.rev, expectedRev);
  const [service] = await w.tx
    .select({ id: services.id })
    .from(services)
    .where(and(eq(services.organisationId, id), isNull(services.deletedAt)))
    .limit(1);
  if (service) {
    throw conflict('ORGANISATION_HAS_SERVICES', 'Delete or move its services first');
  }
  const publishedRev = row.publishedRev + 1;
  await w.tx
    .update(organisations)
    .set({ rev: row.rev + 1, publishedRev, updatedAt: w.now, deletedAt: w.now })
    .where(eq(organisations.id, id));
  await w.publish({
    type: 'organisation',
    id,
    rev: publishedRev,
    updatedAt: w.now,
    tombstone: { reason: 'deleted' },
  });
}

/** True when `id` names an organisation that is not deleted. */
export async function organisationExists(db: Queryable, id: string): Promise<boolean> {
  const [row] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(eq(organisations.id, id), isNull(organisations.deletedAt)));
  return row !== undefined;
}

async function liveRow(db: Queryable, id: string) {
  const [row] = await db
    .select({ rev: organisations.rev, publishedRev: organisations.publishedRev })
    .from(organisations)
    .where(and(eq(organisations.id, id), isNull(organisations.deletedAt)));
  if (!row) throw notFound('organisation', id);
  return row;
}
