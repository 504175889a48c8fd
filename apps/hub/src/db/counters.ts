import { sql } from 'drizzle-orm';
import type { HubDatabase } from './database.js';
import { counters } from './schema/index.js';

/** Adds one to a named counter (pings accepted, invalid, replayed, from unknown nodes). */
export async function countEvent(db: HubDatabase, name: string, by = 1): Promise<void> {
  await db
    .insert(counters)
    .values({ name, value: by })
    .onConflictDoUpdate({ target: counters.name, set: { value: sql`${counters.value} + ${by}` } });
}

export async function readCounters(db: HubDatabase): Promise<Record<string, number>> {
  const rows = await db.select().from(counters);
  return Object.fromEntries(rows.map((row) => [row.name, row.value]));
}
