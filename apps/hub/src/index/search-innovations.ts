import type { InValue } from '@libsql/client';
import type {
  InnovationHit,
  InnovationSearchInput,
  SearchPage,
} from '@promise-global/sdk/client/hub';
import type { HubDatabase } from '../db/database.js';
import { ftsMatchExpression } from './fts-query.js';
import { readCursor } from './search-cursor.js';
import { searchPage } from './search-page.js';
import { countingSql } from './search-total.js';
import { MARK_CLOSE, MARK_OPEN, snippetParts } from './snippet.js';

type Filters = NonNullable<InnovationSearchInput['filters']>;

/** SQL conditions on `innovations i` for the given filters (values always bound, never inlined). */
export function innovationFilterSql(filters: Filters | undefined): {
  sql: string;
  args: InValue[];
} {
  const clauses: string[] = [];
  const args: InValue[] = [];
  const oneOf = (column: string, values: readonly (string | number)[] | undefined) => {
    if (!values?.length) return;
    clauses.push(`${column} IN (${values.map(() => '?').join(', ')})`);
    args.push(...values);
  };
  oneOf('i.kind', filters?.kinds);
  oneOf('i.partner_id', filters?.partners);
  oneOf('i.country', filters?.countries);
  oneOf('i.year', filters?.years);
  oneOf('i.evidence_level', filters?.evidenceLevels);
  if (filters?.themes?.length) {
    clauses.push(
      `EXISTS (SELECT 1 FROM json_each(i.themes) t WHERE t.value IN (${filters.themes.map(() => '?').join(', ')}))`,
    );
    args.push(...filters.themes);
  }
  if (filters?.takenUp) clauses.push(`${TAKEN_UP} > 0`);
  return { sql: clauses.length ? clauses.join(' AND ') : '1', args };
}

/** How many other partners are exploring, piloting or have adopted the piece `i` (index-backed). */
export const TAKEN_UP = `(SELECT count(*) FROM adoptions a WHERE a.piece_partner_id = i.partner_id
  AND a.piece_record_id = i.record_id AND a.stage != 'stopped')`;

/** The hit's columns packed as one JSON array: far cheaper to move out of libSQL than 15 columns. */
const hitDetail = `json_array(i.rowid, i.record_id, i.partner_id, n.url, i.title, i.kind, i.themes, i.country, i.year,
  i.evidence_level, i.status, i.published_at, i.updated_at, i.summary, i.submitted_at, ${TAKEN_UP}) AS detail`;

type Detail = [
  number,
  string,
  string,
  string,
  string,
  string | null,
  string,
  string | null,
  number | null,
  string | null,
  string | null,
  string | null,
  string,
  string,
  string | null,
  number,
];

function toHit(row: Record<string, unknown>): InnovationHit {
  const [
    ,
    id,
    partnerId,
    nodeUrl,
    title,
    kind,
    themes,
    country,
    year,
    evidenceLevel,
    status,
    publishedAt,
    updatedAt,
    summary,
    submittedAt,
    takenUpBy,
  ] = JSON.parse(String(row.detail)) as Detail;
  return {
    partnerId,
    nodeUrl,
    id,
    title,
    summary,
    kind,
    themes: JSON.parse(themes) as string[],
    country,
    year,
    evidenceLevel,
    status,
    publishedAt,
    submittedAt,
    updatedAt,
    takenUpBy,
    highlights: {
      title: snippetParts(String(row.title_mark ?? title)),
      summary: snippetParts(String(row.summary_mark ?? '')),
      body: snippetParts(String(row.body_mark ?? '')),
    },
  };
}

const marks = `highlight(innovation_fts, 0, '${MARK_OPEN}', '${MARK_CLOSE}') AS title_mark,
  snippet(innovation_fts, 1, '${MARK_OPEN}', '${MARK_CLOSE}', '…', 24) AS summary_mark,
  snippet(innovation_fts, 2, '${MARK_OPEN}', '${MARK_CLOSE}', '…', 24) AS body_mark`;

/**
 * Full-text search over innovations (title, summary, body) with facet filters. `sort`:
 * `relevance` (BM25; the default with a query) or `newest` (most recently updated first, then
 * rowid; the only order without a query). Deterministic, so cursors walk every match exactly once
 * while the index is unchanged. `total` counts every match.
 */
export async function searchInnovations(
  db: HubDatabase,
  input: InnovationSearchInput,
): Promise<SearchPage<InnovationHit>> {
  // An integer, inlined as a literal LIMIT below (measured faster than a bound parameter).
  const limit = Math.trunc(Math.min(Math.max(input.limit ?? 20, 1), 100));
  const filter = innovationFilterSql(input.filters);
  const match = ftsMatchExpression(input.q);
  const client = db.$client;
  const counting = countingSql('innovations', match, filter);
  if (input.sort === 'spread') {
    // Most taken up first, then newest; pages by offset (the count is not a stable keyset).
    const position = readCursor(input.cursor, 'offset');
    const offset = position?.kind === 'offset' ? position.offset : 0;
    const from =
      match === undefined
        ? 'innovations i JOIN nodes n ON n.id = i.node_id WHERE'
        : 'innovation_fts JOIN innovations i ON i.rowid = innovation_fts.rowid JOIN nodes n ON n.id = i.node_id WHERE innovation_fts MATCH ? AND';
    const result = await client.execute({
      sql: `SELECT i.rowid AS rowid, ${hitDetail}${match === undefined ? '' : `, ${marks}`}
        FROM ${from} ${filter.sql}
        ORDER BY ${TAKEN_UP} DESC, i.updated_at DESC, i.rowid DESC LIMIT ${limit + 1} OFFSET ${offset}`,
      args: [...(match === undefined ? [] : [match]), ...filter.args],
    });
    return searchPage(
      db,
      { rows: result.rows, limit, position },
      counting,
      toHit,
      () => offset + limit,
    );
  }
  if (match === undefined || input.sort === 'newest') {
    const position = readCursor(input.cursor, 'keyset');
    const after = position?.kind === 'keyset' ? 'AND (i.updated_at, i.rowid) < (?, ?)' : '';
    const keyset = position?.kind === 'keyset' ? [position.key, position.rowid] : [];
    const result = await client.execute(
      match === undefined
        ? {
            sql: `SELECT i.rowid AS rowid, i.updated_at AS sort_key, ${hitDetail} FROM innovations i JOIN nodes n ON n.id = i.node_id
              WHERE ${filter.sql} ${after} ORDER BY i.updated_at DESC, i.rowid DESC LIMIT ?`,
            args: [...filter.args, ...keyset, limit + 1],
          }
        : {
            sql: `SELECT i.rowid AS rowid, i.updated_at AS sort_key, ${hitDetail}, ${marks}
              FROM innovation_fts JOIN innovations i ON i.rowid = innovation_fts.rowid JOIN nodes n ON n.id = i.node_id
              WHERE innovation_fts MATCH ? AND ${filter.sql} ${after} ORDER BY i.updated_at DESC, i.rowid DESC LIMIT ?`,
            args: [match, ...filter.args, ...keyset, limit + 1],
          },
    );
    return searchPage(db, { rows: result.rows, limit, position }, counting, toHit, (last) =>
      String(last.sort_key),
    );
  }
  // Ranked pages are addressed by offset: `ORDER BY rank` with literal LIMIT/OFFSET on the
  // unaliased FTS table as the outer loop lets FTS5 sort internally and build snippets only for
  // the rows returned (selecting `rank` itself would cost a bm25 evaluation per row). Equal
  // scores fall back to partner and record id, so every hub shows the same order (a rebuilt
  // index too), whatever order the rows were written in.
  const position = readCursor(input.cursor, 'offset');
  const offset = position?.kind === 'offset' ? position.offset : 0;
  const result = await client.execute({
    sql: `SELECT innovation_fts.rowid AS rowid, ${hitDetail}, ${marks}
      FROM innovation_fts JOIN innovations i ON i.rowid = innovation_fts.rowid JOIN nodes n ON n.id = i.node_id
      WHERE innovation_fts MATCH ? AND ${filter.sql} ORDER BY rank, i.partner_id, i.record_id LIMIT ${limit + 1} OFFSET ${offset}`,
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
