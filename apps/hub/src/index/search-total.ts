import type { InValue } from '@libsql/client';
import type { HubDatabase } from '../db/database.js';

/** The total: from the cursor, else from the page's first row, else counted (an empty later page). */
export async function totalOf(
  db: HubDatabase,
  rows: readonly Record<string, unknown>[],
  known: number | undefined,
  counting: { sql: string; args: InValue[] },
  paged: boolean,
): Promise<number> {
  if (known !== undefined) return known;
  const first = rows[0];
  if (first) return Number(first.total);
  if (!paged) return 0;
  const result = await db.$client.execute(counting);
  return Number(result.rows[0]?.[0] ?? 0);
}
