import type { InStatement, InValue } from '@libsql/client';
import { queueStatements } from '../project52-hub/queue-writes.js';
import { adoptionStatements } from './adoption-writes.js';
import type { AdoptionRow, InnovationRow, ServiceRow, VerifiedEntry } from './index-rows.js';
import { type IndexAction, indexAction } from './index-rows.js';

/** The node a page belongs to, as the writer needs it. */
export interface PageNode {
  id: number;
  partnerId: string;
  country: string | null;
}

/** A record kept in the log but not indexed, with why (unknown schema major, invalid data). */
export interface QuarantinedEntry {
  seq: number;
  schemaVersion: string;
  reasonCode: string;
  reason: string;
}

const placeholders = (columns: number, rows: number) =>
  Array.from(
    { length: rows },
    () => `(${Array.from({ length: columns }, () => '?').join(', ')})`,
  ).join(', ');

const hubSeqOf = '(SELECT hub_seq FROM entries WHERE node_id = ? AND seq = ?)';

/** Statements that append verified records to the hub's log: one multi-row insert. */
export function appendEntries(nodeId: number, entries: readonly VerifiedEntry[]): InStatement[] {
  if (entries.length === 0) return [];
  const args: InValue[] = [];
  for (const { payload, hash, jws } of entries) {
    args.push(nodeId, payload.seq, hash, payload.type, payload.id, payload.rev, jws);
  }
  return [
    {
      sql: `INSERT INTO entries (node_id, seq, hash, record_type, record_id, rev, jws) VALUES ${placeholders(7, entries.length)}`,
      args,
    },
  ];
}

function removeFromSearch(
  table: 'innovations' | 'services',
  nodeId: number,
  ids: string[],
): InStatement[] {
  if (ids.length === 0) return [];
  const marks = ids.map(() => '?').join(', ');
  const fts = table === 'innovations' ? 'innovation_fts' : 'service_fts';
  return [
    {
      sql: `DELETE FROM ${fts} WHERE rowid IN (SELECT rowid FROM ${table} WHERE node_id = ? AND record_id IN (${marks}))`,
      args: [nodeId, ...ids],
    },
    {
      sql: `DELETE FROM ${table} WHERE node_id = ? AND record_id IN (${marks})`,
      args: [nodeId, ...ids],
    },
  ];
}

function upsertInnovations(
  nodeId: number,
  rows: { row: InnovationRow; seq: number }[],
): InStatement[] {
  if (rows.length === 0) return [];
  const args: InValue[] = [];
  const ftsArgs: InValue[] = [];
  const values = rows
    .map(({ row, seq }) => {
      args.push(
        nodeId,
        row.recordId,
        nodeId,
        seq,
        row.partnerId,
        row.title,
        row.summary,
        row.kind,
        row.country,
        row.year,
      );
      args.push(
        row.evidenceLevel,
        row.status,
        row.themes,
        row.publishedAt,
        row.submittedAt,
        row.updatedAt,
      );
      ftsArgs.push(row.recordId, row.title, row.summary, row.body);
      return `(?, ?, ${hubSeqOf}, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;
    })
    .join(', ');
  return [
    {
      sql: `INSERT INTO innovations (node_id, record_id, hub_seq, partner_id, title, summary, kind, country, year, evidence_level, status, themes, published_at, submitted_at, updated_at)
        VALUES ${values}
        ON CONFLICT (node_id, record_id) DO UPDATE SET hub_seq = excluded.hub_seq, partner_id = excluded.partner_id,
          title = excluded.title, summary = excluded.summary, kind = excluded.kind, country = excluded.country, year = excluded.year,
          evidence_level = excluded.evidence_level, status = excluded.status, themes = excluded.themes,
          published_at = excluded.published_at, submitted_at = excluded.submitted_at, updated_at = excluded.updated_at`,
      args,
    },
    {
      sql: `INSERT INTO innovation_fts (rowid, title, summary, body)
        SELECT i.rowid, v.column2, v.column3, v.column4 FROM (VALUES ${placeholders(4, rows.length)}) AS v
        JOIN innovations i ON i.node_id = ? AND i.record_id = v.column1`,
      args: [...ftsArgs, nodeId],
    },
  ];
}

function upsertServices(nodeId: number, rows: { row: ServiceRow; seq: number }[]): InStatement[] {
  if (rows.length === 0) return [];
  const args: InValue[] = [];
  const ftsArgs: InValue[] = [];
  const values = rows
    .map(({ row, seq }) => {
      args.push(
        nodeId,
        row.recordId,
        nodeId,
        seq,
        row.partnerId,
        row.organisationId,
        row.name,
        row.status,
      );
      args.push(
        row.urgency,
        row.available24x7,
        row.categories,
        row.referralRoutes,
        row.areas,
        row.phones,
        row.schedules,
        row.timeZone,
        row.places,
        row.minAge,
        row.maxAge,
        row.assuredAt,
        row.reviewDue,
        row.updatedAt,
      );
      ftsArgs.push(row.recordId, row.name, row.description, row.areasText);
      return `(?, ?, ${hubSeqOf}, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;
    })
    .join(', ');
  return [
    {
      sql: `INSERT INTO services (node_id, record_id, hub_seq, partner_id, organisation_id, name, status, urgency, available_24x7, categories, referral_routes, areas,
          phones, schedules, time_zone, places, min_age, max_age, assured_at, review_due, updated_at)
        VALUES ${values}
        ON CONFLICT (node_id, record_id) DO UPDATE SET hub_seq = excluded.hub_seq, partner_id = excluded.partner_id,
          organisation_id = excluded.organisation_id, name = excluded.name, status = excluded.status,
          urgency = excluded.urgency, available_24x7 = excluded.available_24x7, categories = excluded.categories,
          referral_routes = excluded.referral_routes, areas = excluded.areas, phones = excluded.phones,
          schedules = excluded.schedules, time_zone = excluded.time_zone, places = excluded.places, min_age = excluded.min_age, max_age = excluded.max_age,
          assured_at = excluded.assured_at, review_due = excluded.review_due, updated_at = excluded.updated_at`,
      args,
    },
    {
      sql: `INSERT INTO service_fts (rowid, name, description, areas)
        SELECT s.rowid, v.column2, v.column3, v.column4 FROM (VALUES ${placeholders(4, rows.length)}) AS v
        JOIN services s ON s.node_id = ? AND s.record_id = v.column1`,
      args: [...ftsArgs, nodeId],
    },
  ];
}

function upsertDirectory(
  nodeId: number,
  rows: { recordType: string; recordId: string; name: string; seq: number }[],
): InStatement[] {
  if (rows.length === 0) return [];
  const args: InValue[] = [];
  for (const row of rows)
    args.push(nodeId, row.recordType, row.recordId, nodeId, row.seq, row.name);
  return [
    {
      sql: `INSERT INTO directory (node_id, record_type, record_id, hub_seq, name)
        VALUES ${rows.map(() => `(?, ?, ?, ${hubSeqOf}, ?)`).join(', ')}
        ON CONFLICT (node_id, record_type, record_id) DO UPDATE SET hub_seq = excluded.hub_seq, name = excluded.name`,
      args,
    },
  ];
}

/**
 * Statements that bring the index up to date with verified records (already appended to the log),
 * keeping only the latest version of each record in the batch: multi-row upserts into the search
 * tables and their FTS5 indexes, removals for tombstones and withdrawn write-ups.
 */
export function indexEntries(node: PageNode, entries: readonly VerifiedEntry[]): InStatement[] {
  const latest = new Map<string, { entry: VerifiedEntry; action: IndexAction }>();
  const firstDates = new Map<string, string>();
  for (const entry of entries) {
    const action = indexAction(entry, node);
    if (action.kind === 'adoption') {
      const seen = firstDates.get(action.row.recordId);
      if (seen === undefined || action.row.date < seen) {
        firstDates.set(action.row.recordId, action.row.date);
      }
      action.row.firstDate = firstDates.get(action.row.recordId) ?? action.row.date;
    }
    latest.set(`${entry.payload.type}\u0000${entry.payload.id}`, { entry, action });
  }
  const innovations: { row: InnovationRow; seq: number }[] = [];
  const services: { row: ServiceRow; seq: number }[] = [];
  const directory: { recordType: string; recordId: string; name: string; seq: number }[] = [];
  const adoptions: { row: AdoptionRow; seq: number }[] = [];
  const removed = {
    innovation: [] as string[],
    service: [] as string[],
    adoption: [] as string[],
    directory: [] as [string, string][],
  };
  for (const { entry, action } of latest.values()) {
    const seq = entry.payload.seq;
    const { type, id } = entry.payload;
    if (type === 'innovation') removed.innovation.push(id);
    else if (type === 'service') removed.service.push(id);
    else if (type === 'adoption') {
      if (action.kind !== 'adoption') removed.adoption.push(id);
    } else removed.directory.push([type, id]);
    if (action.kind === 'adoption') adoptions.push({ row: action.row, seq });
    if (action.kind === 'innovation') innovations.push({ row: action.row, seq });
    if (action.kind === 'service') services.push({ row: action.row, seq });
    if (action.kind === 'directory') directory.push({ ...action, seq });
  }
  const directoryRemovals: InStatement[] = removed.directory
    .filter(
      ([type, id]) => !directory.some((row) => row.recordType === type && row.recordId === id),
    )
    .map(([type, id]) => ({
      sql: 'DELETE FROM directory WHERE node_id = ? AND record_type = ? AND record_id = ?',
      args: [node.id, type, id],
    }));
  // FTS5 rows are replaced by delete + insert; deleting first also covers tombstones.
  const staleInnovations = removed.innovation;
  const staleServices = removed.service;
  const keptInnovations = new Set(innovations.map(({ row }) => row.recordId));
  const keptServices = new Set(services.map(({ row }) => row.recordId));
  return [
    ...removeFtsOnly(
      'innovation',
      node.id,
      staleInnovations.filter((id) => keptInnovations.has(id)),
    ),
    ...removeFromSearch(
      'innovations',
      node.id,
      staleInnovations.filter((id) => !keptInnovations.has(id)),
    ),
    ...removeFtsOnly(
      'service',
      node.id,
      staleServices.filter((id) => keptServices.has(id)),
    ),
    ...removeFromSearch(
      'services',
      node.id,
      staleServices.filter((id) => !keptServices.has(id)),
    ),
    ...upsertInnovations(node.id, innovations),
    ...upsertServices(node.id, services),
    ...upsertDirectory(node.id, directory),
    ...directoryRemovals,
    ...adoptionStatements(node.id, adoptions, removed.adoption),
    ...queueStatements(
      node,
      [...latest.values()].map(({ action }) => action),
    ),
  ];
}

function removeFtsOnly(
  kind: 'innovation' | 'service',
  nodeId: number,
  ids: string[],
): InStatement[] {
  if (ids.length === 0) return [];
  const table = kind === 'innovation' ? 'innovations' : 'services';
  return [
    {
      sql: `DELETE FROM ${kind}_fts WHERE rowid IN (SELECT rowid FROM ${table} WHERE node_id = ? AND record_id IN (${ids.map(() => '?').join(', ')}))`,
      args: [nodeId, ...ids],
    },
  ];
}
