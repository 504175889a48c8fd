import { Innovation, type InnovationInput } from '@promise-global/schema';
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { Queryable } from '../db/database.js';
import { innovations, personalDataConfirmations } from '../db/schema.js';
import { conflict, notFound } from '../errors.js';
import type { Writer } from '../write.js';
import { findPersonalDataIn, personalDataRefused } from './personal-data-check.js';
import { checkRevision, type Versioned } from './revision.js';

export type InnovationFields = z.output<typeof InnovationInput>;

/** Who acts, and whether they confirmed that flagged text is not personal data. */
export interface AuthorIntent {
  tokenId: string;
  confirmPersonalData?: boolean | undefined;
  expectedRev?: number | undefined;
  /** An import of an earlier submission keeps its original time (never one in the future). */
  submittedAt?: string | undefined;
}

export async function listInnovations(db: Queryable): Promise<Versioned<Innovation>[]> {
  return db
    .select({ rev: innovations.rev, data: innovations.data })
    .from(innovations)
    .where(isNull(innovations.deletedAt))
    .orderBy(asc(innovations.createdAt), asc(innovations.id));
}

export async function getInnovation(db: Queryable, id: string): Promise<Versioned<Innovation>> {
  const row = await liveRow(db, id);
  return { rev: row.rev, data: row.data };
}

/** Creates a draft: drafts stay on the node and never reach the feed. */
export async function createInnovation(
  w: Writer,
  partnerId: string,
  fields: InnovationFields,
  id: string = crypto.randomUUID(),
): Promise<Versioned<Innovation>> {
  const [existing] = await w.tx
    .select({ id: innovations.id })
    .from(innovations)
    .where(eq(innovations.id, id));
  if (existing) throw conflict('ID_TAKEN', `A write-up with id ${id} exists or existed`);
  const data = Innovation.parse({ ...fields, id, partnerId, status: 'draft', updatedAt: w.now });
  await w.tx.insert(innovations).values({
    id,
    status: 'draft',
    data,
    rev: 1,
    publishedRev: 0,
    createdAt: w.now,
    updatedAt: w.now,
  });
  return { rev: 1, data };
}

/**
 * Replaces a write-up's fields. A draft just changes; a submitted write-up publishes a new
 * revision (checked for personal data again); a withdrawn one is closed.
 */
export async function updateInnovation(
  w: Writer,
  id: string,
  fields: InnovationFields,
  intent: AuthorIntent,
): Promise<Versioned<Innovation>> {
  const row = await liveRow(w.tx, id);
  checkRevision(row.rev, intent.expectedRev);
  if (row.status === 'withdrawn') {
    throw conflict('INNOVATION_WITHDRAWN', 'A withdrawn write-up cannot change; write a new one');
  }
  const { partnerId, status, submittedAt } = row.data;
  const data = Innovation.parse({
    ...fields,
    id,
    partnerId,
    status,
    ...(submittedAt ? { submittedAt } : {}),
    updatedAt: w.now,
  });
  return save(w, row, data, row.status === 'submitted' ? intent : undefined);
}

/** draft → submitted: the write-up reaches the feed (refused on suspected personal data). */
export async function submitInnovation(
  w: Writer,
  id: string,
  intent: AuthorIntent,
): Promise<Versioned<Innovation>> {
  const row = await liveRow(w.tx, id);
  checkRevision(row.rev, intent.expectedRev);
  if (row.status !== 'draft') {
    throw conflict('NOT_A_DRAFT', `Only a draft can be submitted; this one is ${row.status}`);
  }
  const data = Innovation.parse({
    ...row.data,
    status: 'submitted',
    submittedAt: intent.submittedAt && intent.submittedAt < w.now ? intent.submittedAt : w.now,
    updatedAt: w.now,
  });
  return save(w, row, data, intent);
}

/** submitted → withdrawn: the feed gets a tombstone, kept for ever. */
export async function withdrawInnovation(
  w: Writer,
  id: string,
  expectedRev?: number,
): Promise<Versioned<Innovation>> {
  const row = await liveRow(w.tx, id);
  checkRevision(row.rev, expectedRev);
  if (row.status !== 'submitted') {
    throw conflict(
      'NOT_SUBMITTED',
      `Only a submitted write-up can be withdrawn; this one is ${row.status}`,
    );
  }
  const data = Innovation.parse({ ...row.data, status: 'withdrawn', updatedAt: w.now });
  const rev = row.rev + 1;
  const publishedRev = row.publishedRev + 1;
  await w.tx
    .update(innovations)
    .set({ data, status: 'withdrawn', rev, publishedRev, updatedAt: w.now })
    .where(eq(innovations.id, id));
  await w.publish({
    type: 'innovation',
    id,
    rev: publishedRev,
    updatedAt: w.now,
    tombstone: { reason: 'withdrawn' },
  });
  return { rev, data };
}

/** Deletes a write-up; one that is in the feed gets a tombstone. */
export async function deleteInnovation(w: Writer, id: string, expectedRev?: number): Promise<void> {
  const row = await liveRow(w.tx, id);
  checkRevision(row.rev, expectedRev);
  const publish = row.status === 'submitted';
  const publishedRev = row.publishedRev + (publish ? 1 : 0);
  await w.tx
    .update(innovations)
    .set({ rev: row.rev + 1, publishedRev, updatedAt: w.now, deletedAt: w.now })
    .where(eq(innovations.id, id));
  if (publish) {
    await w.publish({
      type: 'innovation',
      id,
      rev: publishedRev,
      updatedAt: w.now,
      tombstone: { reason: 'deleted' },
    });
  }
}

type Row = Awaited<ReturnType<typeof liveRow>>;

async function save(
  w: Writer,
  row: Row,
  data: Innovation,
  publishAs: AuthorIntent | undefined,
): Promise<Versioned<Innovation>> {
  const rev = row.rev + 1;
  const publishedRev = row.publishedRev + (publishAs ? 1 : 0);
  if (publishAs) await checkPersonalData(w, data, publishedRev, publishAs);
  await w.tx
    .update(innovations)
    .set({
      data,
      status: data.status === 'submitted' ? 'submitted' : 'draft',
      rev,
      publishedRev,
      updatedAt: w.now,
    })
    .where(eq(innovations.id, data.id));
  if (publishAs) {
    await w.publish({ type: 'innovation', id: data.id, rev: publishedRev, updatedAt: w.now, data });
  }
  return { rev, data };
}

async function checkPersonalData(w: Writer, data: Innovation, rev: number, intent: AuthorIntent) {
  const findings = findPersonalDataIn(data);
  if (findings.length === 0) return;
  if (!intent.confirmPersonalData) throw personalDataRefused(findings);
  await w.tx.insert(personalDataConfirmations).values({
    innovationId: data.id,
    rev,
    tokenId: intent.tokenId,
    findings,
    confirmedAt: w.now,
  });
}

async function liveRow(db: Queryable, id: string) {
  const [row] = await db
    .select({
      rev: innovations.rev,
      publishedRev: innovations.publishedRev,
      status: innovations.status,
      data: innovations.data,
    })
    .from(innovations)
    .where(and(eq(innovations.id, id), isNull(innovations.deletedAt)));
  if (!row) throw notFound('write-up', id);
  return row;
}
