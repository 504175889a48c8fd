import { Service, type ServiceInput } from '@promise-global/schema';
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { Queryable } from '../db/database.js';
import { services } from '../db/schema.js';
import { conflict, notFound, validationFailed } from '../errors.js';
import type { Writer } from '../write.js';
import { organisationExists } from './organisations.js';
import { checkRevision, type Versioned } from './revision.js';

export type ServiceFields = z.output<typeof ServiceInput>;

export async function listServices(db: Queryable): Promise<Versioned<Service>[]> {
  return db
    .select({ rev: services.rev, data: services.data })
    .from(services)
    .where(isNull(services.deletedAt))
    .orderBy(asc(services.createdAt), asc(services.id));
}

export async function getService(db: Queryable, id: string): Promise<Versioned<Service>> {
  const [row] = await db
    .select({ rev: services.rev, data: services.data })
    .from(services)
    .where(and(eq(services.id, id), isNull(services.deletedAt)));
  if (!row) throw notFound('service', id);
  return row;
}

/** Options of a create: an import may carry the assurance its source system recorded. */
export interface CreateServiceOptions {
  keepAssurance?: boolean;
}

export async function createService(
  w: Writer,
  fields: ServiceFields,
  id: string = crypto.randomUUID(),
  options: CreateServiceOptions = {},
): Promise<Versioned<Service>> {
  await checkFields(w.tx, fields, options.keepAssurance ?? false);
  const [existing] = await w.tx
    .select({ id: services.id })
    .from(services)
    .where(eq(services.id, id));
  if (existing) throw conflict('ID_TAKEN', `A service with id ${id} exists or existed`);
  const data = Service.parse({ ...fields, id, updatedAt: w.now });
  await w.tx.insert(services).values({
    id,
    organisationId: data.organisationId,
    data,
    rev: 1,
    publishedRev: 1,
    createdAt: w.now,
    updatedAt: w.now,
  });
  await w.publish({ type: 'service', id, rev: 1, updatedAt: w.now, data });
  return { rev: 1, data };
}

export async function updateService(
  w: Writer,
  id: string,
  fields: ServiceFields,
  expectedRev?: number,
): Promise<Versioned<Service>> {
  const row = await liveRow(w.tx, id);
  checkRevision(row.rev, expectedRev);
  await checkFields(w.tx, fields, false);
  // Assurance belongs to the assure action: an edit keeps it, and keeps reviewDue unless given.
  const { assuredAt, reviewDue } = row.data;
  const data = Service.parse({
    ...(reviewDue ? { reviewDue } : {}),
    ...fields,
    id,
    updatedAt: w.now,
    ...(assuredAt ? { assuredAt } : {}),
  });
  return save(w, row, data);
}

/**
 * Records that the owner checked the listing is right now (`assuredAt`), and when it must be
 * checked again (`reviewDue`, by default `intervalDays` from today).
 */
export async function assureService(
  w: Writer,
  id: string,
  options: {
    reviewDue?: string | undefined;
    intervalDays: number;
    expectedRev?: number | undefined;
  },
): Promise<Versioned<Service>> {
  const row = await liveRow(w.tx, id);
  checkRevision(row.rev, options.expectedRev);
  const due = new Date(Date.parse(w.now) + options.intervalDays * 86_400_000);
  const reviewDue = options.reviewDue ?? due.toISOString().slice(0, 10);
  const data = Service.parse({ ...row.data, assuredAt: w.now, reviewDue, updatedAt: w.now });
  return save(w, row, data);
}

export async function deleteService(w: Writer, id: string, expectedRev?: number): Promise<void> {
  const row = await liveRow(w.tx, id);
  checkRevision(row.rev, expectedRev);
  const publishedRev = row.publishedRev + 1;
  await w.tx
    .update(services)
    .set({ rev: row.rev + 1, publishedRev, updatedAt: w.now, deletedAt: w.now })
    .where(eq(services.id, id));
  await w.publish({
    type: 'service',
    id,
    rev: publishedRev,
    updatedAt: w.now,
    tombstone: { reason: 'deleted' },
  });
}

async function save(
  w: Writer,
  row: { rev: number; publishedRev: number },
  data: Service,
): Promise<Versioned<Service>> {
  const rev = row.rev + 1;
  const publishedRev = row.publishedRev + 1;
  await w.tx
    .update(services)
    .set({ data, organisationId: data.organisationId, rev, publishedRev, updatedAt: w.now })
    .where(eq(services.id, data.id));
  await w.publish({ type: 'service', id: data.id, rev: publishedRev, updatedAt: w.now, data });
  return { rev, data };
}

async function checkFields(
  db: Queryable,
  fields: ServiceFields,
  keepAssurance: boolean,
): Promise<void> {
  const issues = [];
  if (fields.assuredAt !== undefined && !keepAssurance) {
    issues.push({ path: 'assuredAt', message: 'Set only by POST /api/services/{id}/assure' });
  }
  if (!(await organisationExists(db, fields.organisationId))) {
    issues.push({ path: 'organisationId', message: 'No organisation with this id' });
  }
  if (issues.length > 0) throw validationFailed(issues);
}

async function liveRow(db: Queryable, id: string) {
  const [row] = await db
    .select({ rev: services.rev, publishedRev: services.publishedRev, data: services.data })
    .from(services)
    .where(and(eq(services.id, id), isNull(services.deletedAt)));
  if (!row) throw notFound('service', id);
  return row;
}
