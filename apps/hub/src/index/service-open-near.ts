import type { InValue } from '@libsql/client';
import type { GeoPoint, ServiceFilters } from '@promise-global/sdk/client/hub';
import { distanceKm, isOpenNow } from '@promise-global/ui/format';
import type { HubDatabase } from '../db/database.js';

/**
 * The "open now" filter as SQL: the services matching `base` whose hours, read in their own time
 * zone (else `fallbackTimeZone`, else UTC), are open at `openAt`. Time zones are not SQL, so the
 * candidates' hours are read here and the open ones' rowids bound as one JSON array.
 */
export async function openAtClause(
  db: HubDatabase,
  base: { sql: string; args: InValue[] },
  filters: Pick<ServiceFilters, 'openAt' | 'fallbackTimeZone'>,
): Promise<{ sql: string; args: InValue[] } | undefined> {
  if (filters.openAt === undefined) return undefined;
  const at = new Date(filters.openAt);
  const fallback = filters.fallbackTimeZone ?? 'UTC';
  const result = await db.$client.execute({
    sql: `SELECT s.rowid AS rowid, s.available_24x7 AS all_day, s.schedules AS schedules, s.time_zone AS zone
      FROM services s WHERE ${base.sql}`,
    args: base.args,
  });
  const open = result.rows
    .filter((row) =>
      isOpenNow(
        {
          available24x7: Number(row.all_day) === 1,
          schedules: JSON.parse(String(row.schedules)),
        },
        at,
        row.zone === null ? fallback : String(row.zone),
      ),
    )
    .map((row) => Number(row.rowid));
  return {
    sql: 's.rowid IN (SELECT value FROM json_each(?))',
    args: [JSON.stringify(open)],
  };
}

/** Kilometres from `from` to the nearest of `places` (JSON [[lat, lon], …]), or null when none. */
export function nearestKm(from: GeoPoint, places: string): number | null {
  const points = JSON.parse(places) as [number, number][];
  let best: number | null = null;
  for (const [latitude, longitude] of points) {
    const km = distanceKm(from, { latitude, longitude });
    if (best === null || km < best) best = km;
  }
  return best;
}
