import type { InValue } from '@libsql/client';
import type { Schedule } from '@promise-global/schema';
import type {
  GeoPoint,
  SearchPage,
  ServiceHit,
  ServicePhone,
  ServiceSchedule,
  ServiceSearchInput,
} from '@promise-global/sdk/client/hub';
import { formatHours } from '@promise-global/ui/format';
import type { HubDatabase } from '../db/database.js';
import { ftsMatchExpression } from './fts-query.js';
import { encodeCursor, readCursor } from './search-cursor.js';
import { searchPage } from './search-page.js';
import { countingSql } from './search-total.js';
import { nearestKm, openAtClause } from './service-open-near.js';
import { MARK_CLOSE, MARK_OPEN, snippetParts } from './snippet.js';

type Filters = NonNullable<ServiceSearchInput['filters']>;

/** SQL conditions on `services s` for the given filters (values bound, never inlined). */
export function serviceFilterSql(filters: Filters | undefined): { sql: string; args: InValue[] } {
  const clauses: string[] = [];
  const args: InValue[] = [];
  const oneOf = (column: string, values: readonly string[] | undefined) => {
    if (!values?.length) return;
    clauses.push(`${column} IN (${values.map(() => '?').join(', ')})`);
    args.push(...values);
  };
  const anyOf = (column: string, values: readonly string[] | undefined) => {
    if (!values?.length) return;
    clauses.push(
      `EXISTS (SELECT 1 FROM json_each(${column}) j WHERE j.value IN (${values.map(() => '?').join(', ')}))`,
    );
    args.push(...values);
  };
  oneOf('s.urgency', filters?.urgencies);
  oneOf('s.status', filters?.statuses);
  oneOf('s.partner_id', filters?.partners);
  anyOf('s.categories', filters?.categories);
  anyOf('s.referral_routes', filters?.referralRoutes);
  anyOf('s.areas', filters?.areas);
  if (filters?.age !== undefined) {
    clauses.push('(s.min_age IS NULL OR s.min_age <= ?) AND (s.max_age IS NULL OR s.max_age >= ?)');
    args.push(filters.age, filters.age);
  }
  if (filters?.available24x7 !== undefined) {
    clauses.push('s.available_24x7 = ?');
    args.push(filters.available24x7 ? 1 : 0);
  }
  return { sql: clauses.length ? clauses.join(' AND ') : '1', args };
}

/** {@link serviceFilterSql} plus the "open now" filter, which reads hours in time zones. */
export async function serviceFilters(
  db: HubDatabase,
  filters: Filters | undefined,
): Promise<{ sql: string; args: InValue[] }> {
  const base = serviceFilterSql(filters);
  const open = filters ? await openAtClause(db, base, filters) : undefined;
  if (!open) return base;
  return { sql: `${base.sql} AND ${open.sql}`, args: [...base.args, ...open.args] };
}

/** The hit's columns packed as one JSON array: far cheaper to move out of libSQL than 20 columns. */
const hitDetail = `json_array(s.record_id, s.partner_id, n.url, s.name, s.organisation_id, s.status, s.urgency,
  s.available_24x7, s.categories, s.referral_routes, s.areas, s.updated_at, s.phones, s.schedules, s.min_age,
  s.max_age, s.assured_at, s.review_due,
  (SELECT d.name FROM directory d WHERE d.node_id = s.node_id AND d.record_type = 'organisation' AND d.record_id = s.organisation_id),
  s.time_zone, s.places
  ) AS detail`;

type Detail = [
  string,
  string,
  string,
  string,
  string | null,
  string | null,
  string | null,
  number,
  string,
  string,
  string,
  string,
  string,
  string,
  number | null,
  number | null,
  string | null,
  string | null,
  string | null,
  string | null,
  string,
];

function toHit(row: Record<string, unknown>): ServiceHit {
  return hitAt(row, null);
}

/** A hit from its packed row, `distanceKm` from the reader when the search gave a point. */
function hitAt(row: Record<string, unknown>, distanceKm: number | null): ServiceHit {
  const [
    id,
    partnerId,
    nodeUrl,
    name,
    organisationId,
    status,
    urgency,
    allDay,
    categories,
    routes,
    areas,
    updatedAt,
    phones,
    schedules,
    minAge,
    maxAge,
    assuredAt,
    reviewDue,
    organisationName,
    timeZone,
    places,
  ] = JSON.parse(String(row.detail)) as Detail;
  const available24x7 = allDay === 1;
  // Stored from a verified record, so the days are the schema's.
  const opening = JSON.parse(schedules) as Schedule[];
  return {
    partnerId,
    nodeUrl,
    id,
    name,
    organisationId,
    organisationName,
    status,
    urgency,
    available24x7,
    categories: JSON.parse(categories) as string[],
    referralRoutes: JSON.parse(routes) as string[],
    areas: JSON.parse(areas) as string[],
    phones: JSON.parse(phones) as ServicePhone[],
    schedules: opening satisfies ServiceSchedule[],
    timeZone,
    places: (JSON.parse(places) as [number, number][]).map(([latitude, longitude]) => ({
      latitude,
      longitude,
    })),
    distanceKm,
    hours: formatHours({ available24x7, schedules: opening }),
    minAge,
    maxAge,
    assuredAt,
    reviewDue,
    updatedAt,
    highlights: {
      name: snippetParts(String(row.name_mark ?? name)),
      description: snippetParts(String(row.description_mark ?? '')),
      areas: snippetParts(String(row.areas_mark ?? '')),
    },
  };
}

/**
 * Full-text search over services (name, description, areas) with facet filters; same ordering and
 * cursor rules as innovation search (by name without a query). `total` counts every match.
 */
export async function searchServices(
  db: HubDatabase,
  input: ServiceSearchInput,
): Promise<SearchPage<ServiceHit>> {
  const limit = Math.trunc(Math.min(Math.max(input.limit ?? 20, 1), 100));
  const filter = await serviceFilters(db, input.filters);
  const match = ftsMatchExpression(input.q);
  const client = db.$client;
  if (input.near) return nearestFirst(db, { ...input, near: input.near }, filter, match, limit);
  const counting = countingSql('services', match, filter);
  if (match === undefined) {
    const position = readCursor(input.cursor, 'keyset');
    const after = position?.kind === 'keyset' ? 'AND (s.name, s.rowid) > (?, ?)' : '';
    const result = await client.execute({
      sql: `SELECT s.rowid AS rowid, s.name AS sort_key, ${hitDetail} FROM services s JOIN nodes n ON n.id = s.node_id
        WHERE ${filter.sql} ${after} ORDER BY s.name, s.rowid LIMIT ?`,
      args: [
        ...filter.args,
        ...(position?.kind === 'keyset' ? [position.key, position.rowid] : []),
        limit + 1,
      ],
    });
    return searchPage(db, { rows: result.rows, limit, position }, counting, toHit, (last) =>
      String(last.sort_key),
    );
  }
  // Ranked pages are addressed by offset; see searchInnovations for why.
  const position = readCursor(input.cursor, 'offset');
  const offset = position?.kind === 'offset' ? position.offset : 0;
  const result = await client.execute({
    sql: `SELECT service_fts.rowid AS rowid, ${hitDetail},
        highlight(service_fts, 0, '${MARK_OPEN}', '${MARK_CLOSE}') AS name_mark,
        snippet(service_fts, 1, '${MARK_OPEN}', '${MARK_CLOSE}', '…', 24) AS description_mark,
        highlight(service_fts, 2, '${MARK_OPEN}', '${MARK_CLOSE}') AS areas_mark
      FROM service_fts JOIN services s ON s.rowid = service_fts.rowid JOIN nodes n ON n.id = s.node_id
      WHERE service_fts MATCH ? AND ${filter.sql} ORDER BY rank, s.partner_id, s.record_id LIMIT ${limit + 1} OFFSET ${offset}`,
    args: [match, ...filter.args],
  });
  return searchPage(
    db,
    { rows: result.rows, limit, position },
    counting,
    toHit,
    () => offset + limit,
  );
}

/**
 * Services nearest `near` first (each by its nearest place; those without a place last), then by
 * name and rowid. Distances are not SQL, so the matches' places are read and ordered here; pages
 * are addressed by offset.
 */
async function nearestFirst(
  db: HubDatabase,
  input: ServiceSearchInput & { near: GeoPoint },
  filter: { sql: string; args: InValue[] },
  match: string | undefined,
  limit: number,
): Promise<SearchPage<ServiceHit>> {
  const position = readCursor(input.cursor, 'offset');
  const offset = position?.kind === 'offset' ? position.offset : 0;
  const client = db.$client;
  const candidates = await client.execute(
    match === undefined
      ? {
          sql: `SELECT s.rowid AS rowid, s.name AS name, s.places AS places FROM services s WHERE ${filter.sql}`,
          args: filter.args,
        }
      : {
          sql: `SELECT s.rowid AS rowid, s.name AS name, s.places AS places FROM service_fts
            JOIN services s ON s.rowid = service_fts.rowid WHERE service_fts MATCH ? AND ${filter.sql}`,
          args: [match, ...filter.args],
        },
  );
  const ordered = candidates.rows
    .map((row) => ({
      rowid: Number(row.rowid),
      name: String(row.name),
      km: nearestKm(input.near, String(row.places)),
    }))
    .sort(
      (a, b) =>
        (a.km ?? Number.POSITIVE_INFINITY) - (b.km ?? Number.POSITIVE_INFINITY) ||
        (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) ||
        a.rowid - b.rowid,
    );
  const page = ordered.slice(offset, offset + limit);
  const details = await client.execute({
    sql: `SELECT s.rowid AS rowid, ${hitDetail} FROM services s JOIN nodes n ON n.id = s.node_id
      WHERE s.rowid IN (SELECT value FROM json_each(?))`,
    args: [JSON.stringify(page.map((entry) => entry.rowid))],
  });
  const byRowid = new Map(details.rows.map((row) => [Number(row.rowid), row]));
  const items = page.flatMap((entry) => {
    const row = byRowid.get(entry.rowid);
    return row ? [hitAt(row, entry.km)] : [];
  });
  const last = page.at(-1);
  const nextCursor =
    offset + limit < ordered.length && last
      ? encodeCursor([offset + limit, last.rowid, ordered.length])
      : null;
  return { items, nextCursor, total: ordered.length };
}
