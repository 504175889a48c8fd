import type { InValue } from '@libsql/client';
import type {
  FacetCount,
  InnovationFacets,
  InnovationSearchInput,
  ServiceFacets,
  ServiceSearchInput,
} from '@promise-global/sdk/client/hub';
import type { HubDatabase } from '../db/database.js';
import { ftsMatchExpression } from './fts-query.js';
import { innovationFilterSql } from './search-innovations.js';
import { serviceFilters } from './search-services.js';

async function countFacets(
  db: HubDatabase,
  matched: { sql: string; args: InValue[] },
  table: string,
  facets: Record<string, string>,
): Promise<Record<string, FacetCount[]>> {
  const parts = Object.entries(facets).map(([name, expression]) =>
    expression.startsWith('json:')
      ? `SELECT '${name}' AS facet, j.value AS value, count(*) AS n FROM ${table} x, json_each(x.${expression.slice(5)}) j
           WHERE x.rowid IN (SELECT rowid FROM matched) GROUP BY j.value`
      : `SELECT '${name}' AS facet, x.${expression} AS value, count(*) AS n FROM ${table} x
           WHERE x.rowid IN (SELECT rowid FROM matched) AND x.${expression} IS NOT NULL GROUP BY x.${expression}`,
  );
  const result = await db.$client.execute({
    sql: `WITH matched AS MATERIALIZED (${matched.sql}) ${parts.join(' UNION ALL ')}`,
    args: matched.args,
  });
  const counts: Record<string, FacetCount[]> = Object.fromEntries(
    Object.keys(facets).map((name) => [name, []]),
  );
  for (const row of result.rows) {
    counts[String(row.facet)]?.push({ value: String(row.value), count: Number(row.n) });
  }
  for (const list of Object.values(counts)) {
    list.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  }
  return counts;
}

function matchedRows(
  table: string,
  fts: string,
  alias: string,
  filter: { sql: string; args: InValue[] },
  q: string | undefined,
) {
  const match = ftsMatchExpression(q);
  if (match === undefined) {
    return {
      sql: `SELECT ${alias}.rowid AS rowid FROM ${table} ${alias} WHERE ${filter.sql}`,
      args: filter.args,
    };
  }
  return {
    sql: `SELECT ${alias}.rowid AS rowid FROM ${fts} JOIN ${table} ${alias} ON ${alias}.rowid = ${fts}.rowid
      WHERE ${fts} MATCH ? AND ${filter.sql}`,
    args: [match, ...filter.args],
  };
}

/** Facet counts of the innovations matching a search (theme, kind, partner, country, year, evidence). */
export async function innovationFacets(
  db: HubDatabase,
  input: InnovationSearchInput,
): Promise<InnovationFacets> {
  const matched = matchedRows(
    'innovations',
    'innovation_fts',
    'i',
    innovationFilterSql(input.filters),
    input.q,
  );
  const counts = await countFacets(db, matched, 'innovations', {
    theme: 'json:themes',
    kind: 'kind',
    partner: 'partner_id',
    country: 'country',
    year: 'year',
    evidenceLevel: 'evidence_level',
  });
  const pick = (name: string) => counts[name] ?? [];
  return {
    theme: pick('theme'),
    kind: pick('kind'),
    partner: pick('partner'),
    country: pick('country'),
    year: pick('year'),
    evidenceLevel: pick('evidenceLevel'),
  };
}

/** Facet counts of the services matching a search (category, urgency, route, area, 24/7, status). */
export async function serviceFacets(
  db: HubDatabase,
  input: ServiceSearchInput,
): Promise<ServiceFacets> {
  const matched = matchedRows(
    'services',
    'service_fts',
    's',
    await serviceFilters(db, input.filters),
    input.q,
  );
  const places = await db.$client.execute({
    sql: `WITH matched AS MATERIALIZED (${matched.sql})
      SELECT j.value AS area, min(n.country) AS country, min(json_extract(n.partner, '$.region')) AS region
      FROM services x JOIN nodes n ON n.id = x.node_id, json_each(x.areas) j
      WHERE x.rowid IN (SELECT rowid FROM matched) GROUP BY j.value ORDER BY j.value`,
    args: matched.args,
  });
  const areaPlaces = places.rows.map((row) => ({
    area: String(row.area),
    country: row.country === null ? null : String(row.country).toUpperCase(),
    region: row.region === null ? null : String(row.region),
  }));
  const counts = await countFacets(db, matched, 'services', {
    category: 'json:categories',
    urgency: 'urgency',
    referralRoute: 'json:referral_routes',
    area: 'json:areas',
    available24x7: 'available_24x7',
    status: 'status',
  });
  const pick = (name: string) => counts[name] ?? [];
  return {
    areaPlaces,
    category: pick('category'),
    urgency: pick('urgency'),
    referralRoute: pick('referralRoute'),
    area: pick('area'),
    available24x7: pick('available24x7'),
    status: pick('status'),
  };
}
