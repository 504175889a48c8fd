import { and, asc, isNull, sql } from 'drizzle-orm';
import type { Queryable } from '../db/database.js';
import { services } from '../db/schema.js';
import { REVIEW_DAYS_WITHOUT_DUE_DATE } from './service-list.js';

/** How far ahead the dashboard and the weekly digest look for listings coming due. */
export const DUE_SOON_DAYS = 14;
/** The most listings each part of the agenda lists (the services list pages through all). */
export const AGENDA_LIMIT = 100;

/** One listing on the review agenda. */
export interface AgendaItem {
  id: string;
  name: string;
  /** When it is (or was) due; null when never checked. */
  dueOn: string | null;
  assuredAt: string | null;
}

export interface ReviewAgenda {
  overdue: AgendaItem[];
  dueSoon: AgendaItem[];
  days: number;
}

const assuredAt = sql<string | null>`json_extract(${services.data}, '$.assuredAt')`;
/** The date a check is due: `reviewDue`, else `REVIEW_DAYS_WITHOUT_DUE_DATE` after the last check. */
const dueOn = sql<string | null>`coalesce(json_extract(${services.data}, '$.reviewDue'),
  date(${assuredAt}, '+${sql.raw(String(REVIEW_DAYS_WITHOUT_DUE_DATE))} days'))`;

/**
 * The live listings past their review date (or never checked), and those due within `days`, each
 * soonest first (then by name, then id) — the same rule the portal uses to flag a listing.
 */
export async function reviewAgenda(
  db: Queryable,
  now: Date = new Date(),
  days = DUE_SOON_DAYS,
): Promise<ReviewAgenda> {
  const today = now.toISOString().slice(0, 10);
  const horizon = new Date(now.getTime() + days * 86_400_000).toISOString().slice(0, 10);
  const columns = {
    id: services.id,
    name: sql<string>`json_extract(${services.data}, '$.name')`,
    dueOn,
    assuredAt,
  };
  const order = [
    asc(sql`coalesce(${dueOn}, '')`),
    asc(sql`lower(json_extract(${services.data}, '$.name'))`),
    asc(services.id),
  ];
  const [overdue, dueSoon] = await Promise.all([
    db
      .select(columns)
      .from(services)
      .where(and(isNull(services.deletedAt), sql`(${dueOn} is null or ${dueOn} < ${today})`))
      .orderBy(...order)
      .limit(AGENDA_LIMIT),
    db
      .select(columns)
      .from(services)
      .where(and(isNull(services.deletedAt), sql`${dueOn} >= ${today} and ${dueOn} <= ${horizon}`))
      .orderBy(...order)
      .limit(AGENDA_LIMIT),
  ]);
  return { overdue, dueSoon, days };
}
