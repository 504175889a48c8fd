import { Adoption, type AdoptionInput, findPersonalData } from '@promise-global/schema';
import { asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Queryable } from '../db/database.js';
import { adoptions } from '../db/schema.js';
import { conflict, NodeError, notFound } from '../errors.js';
import type { Writer } from '../write.js';
import { checkRevision, type Versioned } from './revision.js';

export type AdoptionFields = z.output<typeof AdoptionInput>;

const pieceKey = (fields: AdoptionFields) => `${fields.piece.partnerId}/${fields.piece.recordId}`;

export async function listAdoptions(db: Queryable): Promise<Versioned<Adoption>[]> {
  return db
    .select({ rev: adoptions.rev, data: adoptions.data })
    .from(adoptions)
    .orderBy(asc(adoptions.createdAt), asc(adoptions.id));
}

export async function getAdoption(db: Queryable, id: string): Promise<Versioned<Adoption>> {
  const [row] = await db
    .select({ rev: adoptions.rev, data: adoptions.data })
    .from(adoptions)
    .where(eq(adoptions.id, id));
  if (!row) throw notFound('adoption', id);
  return row;
}

/**
 * The note is published as soon as it is saved, so text that looks like personal data (a date
 * of birth, an NHS number, a mobile number, an email) is refused outright: an adoption is about
 * a way of working, never about a person.
 */
function refusePersonalData(fields: AdoptionFields): void {
  const findings = (['note', 'contactRole'] as const).flatMap((field) =>
    findPersonalData(fields[field]).map((span) => ({ field, ...span })),
  );
  if (findings.length === 0) return;
  throw new NodeError(
    422,
    'PERSONAL_DATA_SUSPECTED',
    'The adoption contains text that looks like personal data (a date of birth, an NHS number, a mobile number or an email address). Remove it: adoptions are published straight away.',
    { findings },
  );
}

/** Starts an adoption of another partner's piece and publishes it (rev 1). */
export async function createAdoption(
  w: Writer,
  partnerId: string,
  fields: AdoptionFields,
  id: string = crypto.randomUUID(),
): Promise<Versioned<Adoption>> {
  if (fields.piece.partnerId === partnerId) {
    throw new NodeError(422, 'OWN_PIECE', 'A partner cannot adopt its own piece');
  }
  refusePersonalData(fields);
  const [taken] = await w.tx
    .select({ id: adoptions.id })
    .from(adoptions)
    .where(eq(adoptions.pieceKey, pieceKey(fields)));
  if (taken) {
    throw conflict(
      'ADOPTION_EXISTS',
      `This piece already has adoption ${taken.id}: update that one`,
    );
  }
  const [existing] = await w.tx
    .select({ id: adoptions.id })
    .from(adoptions)
    .where(eq(adoptions.id, id));
  if (existing) throw conflict('ID_TAKEN', `An adoption with id ${id} exists`);
  const data = Adoption.parse({ ...fields, id, partnerId, updatedAt: w.now });
  await w.tx.insert(adoptions).values({
    id,
    pieceKey: pieceKey(fields),
    data,
    rev: 1,
    createdAt: w.now,
    updatedAt: w.now,
  });
  await w.publish({ type: 'adoption', id, rev: 1, updatedAt: w.now, data });
  return { rev: 1, data };
}

/** Moves an adoption on (a new stage, date or note): the next revision goes to the feed. */
export async function updateAdoption(
  w: Writer,
  id: string,
  fields: AdoptionFields,
  expectedRev: number | undefined,
): Promise<Versioned<Adoption>> {
  const current = await getAdoption(w.tx, id);
  checkRevision(current.rev, expectedRev);
  if (pieceKey(fields) !== pieceKey(current.data)) {
    throw conflict('PIECE_CHANGED', 'An adoption stays with its piece; start a new one instead');
  }
  refusePersonalData(fields);
  const data = Adoption.parse({
    ...fields,
    id,
    partnerId: current.data.partnerId,
    updatedAt: w.now,
  });
  const rev = current.rev + 1;
  await w.tx.update(adoptions).set({ data, rev, updatedAt: w.now }).where(eq(adoptions.id, id));
  await w.publish({ type: 'adoption', id, rev, updatedAt: w.now, data });
  return { rev, data };
}
