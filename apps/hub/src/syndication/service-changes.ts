import type { Service } from '@promise-global/schema';
import { DEFAULT_REVIEW_DAYS, reviewStatus } from '@promise-global/ui/format';
import type { HubDatabase } from '../db/database.js';
import { decodePayload } from '../index/get-record.js';

/** The urgencies the portal lists as crisis services, first on every page. */
const CRISIS_URGENCIES: ReadonlySet<string> = new Set(['emergency', 'urgent']);

export type ServiceChangeKind = 'added' | 'changed' | 'closed' | 'overdue';

/** One thing that happened to a crisis service's listing. */
export interface ServiceChange {
  /** Stable: one per stored version, one per overdue review date. */
  key: string;
  kind: ServiceChangeKind;
  partnerId: string;
  partnerName: string;
  recordId: string;
  name: string;
  at: Date;
  /** What changed, in words ("Phone numbers, opening hours"); why it closed; when it was due. */
  detail: string;
  /** False once the listing has left the network: its page is gone. */
  listed: boolean;
}

/** Fields a directory copies, in the words a directory keeper uses; the rest are bookkeeping. */
const FIELD_WORDS: Readonly<Record<string, string>> = {
  name: 'name',
  description: 'description',
  status: 'status',
  url: 'website',
  email: 'email',
  phones: 'phone numbers',
  schedules: 'opening hours',
  serviceAreas: 'areas served',
  locations: 'locations',
  eligibilityDescription: 'who it is for',
  minAge: 'ages',
  maxAge: 'ages',
  languages: 'languages',
  available24x7: 'open 24/7',
  urgency: 'urgency',
  responseStandard: 'response time',
  referralRoutes: 'who can refer',
  categories: 'kind of help',
  organisationId: 'organisation',
};

/** Versions read to find the changes: the feed shows the newest 50 of what they yield. */
const VERSIONS_READ = 500;
const DEFAULT_REVIEW_MS = DEFAULT_REVIEW_DAYS * 86_400_000;
const day = (date: Date) => date.toISOString().slice(0, 10);
const FEED_LENGTH = 50;

const isCrisis = (service: Service | null) =>
  service !== null && CRISIS_URGENCIES.has(service.urgency);
const isOpen = (service: Service | null) => service !== null && service.status === 'active';

function serviceOf(jws: unknown): Service | null {
  if (typeof jws !== 'string' || jws === '') return null;
  const data = decodePayload(jws).data;
  return data !== null && typeof data === 'object' ? (data as Service) : null;
}

function changedFields(before: Service, after: Service): string[] {
  const words = new Set<string>();
  for (const [field, word] of Object.entries(FIELD_WORDS)) {
    const was = JSON.stringify(before[field as keyof Service] ?? null);
    if (was !== JSON.stringify(after[field as keyof Service] ?? null)) words.add(word);
  }
  return [...words];
}

const sentence = (words: readonly string[]) => {
  const text = words.join(', ');
  return text.charAt(0).toUpperCase() + text.slice(1);
};

/** What one stored version did to a crisis listing, or null when a directory need not care. */
function versionChange(
  before: Service | null,
  after: Service | null,
): Pick<ServiceChange, 'kind' | 'detail'> | null {
  if (!isCrisis(before) && !isCrisis(after)) return null;
  if (after === null)
    return before ? { kind: 'closed', detail: 'Removed from the network.' } : null;
  if (before === null) return { kind: 'added', detail: `Listed as ${after.status}.` };
  if (isOpen(before) && !isOpen(after)) return { kind: 'closed', detail: `Now ${after.status}.` };
  const fields = changedFields(before, after);
  if (fields.length === 0) return null;
  if (!isCrisis(after)) return { kind: 'changed', detail: 'No longer a crisis service.' };
  return { kind: 'changed', detail: `Changed: ${sentence(fields)}.` };
}

/**
 * Changes to crisis services (emergency or urgent), newest first, derived from the hub's log
 * (each signed version against the one before it) and, at read time, from the index: an open
 * crisis listing whose review date has passed shows up once, dated when it fell due.
 */
export async function crisisServiceChanges(
  db: HubDatabase,
  now: Date = new Date(),
): Promise<ServiceChange[]> {
  const [versions, overdue] = await Promise.all([
    db.$client.execute({
      sql: `SELECT e.hub_seq, e.seq, e.record_id, e.jws, n.partner_id, n.name AS partner_name,
          n.state, n.removed_at, s.rowid IS NOT NULL AS listed,
          (SELECT p.jws FROM entries p WHERE p.node_id = e.node_id AND p.record_type = 'service'
            AND p.record_id = e.record_id AND p.hub_seq < e.hub_seq AND p.seq IS NOT NULL
            ORDER BY p.hub_seq DESC LIMIT 1) AS previous
        FROM entries e JOIN nodes n ON n.id = e.node_id
          LEFT JOIN services s ON s.node_id = e.node_id AND s.record_id = e.record_id
        WHERE e.record_type = 'service' ORDER BY e.hub_seq DESC LIMIT ${VERSIONS_READ}`,
      args: [],
    }),
    db.$client.execute({
      sql: `SELECT s.partner_id, s.record_id, s.name, s.assured_at, s.review_due, s.updated_at, n.name AS partner_name
        FROM services s JOIN nodes n ON n.id = s.node_id
        WHERE s.status = 'active' AND s.urgency IN ('emergency', 'urgent')`,
      args: [],
    }),
  ]);
  const changes: ServiceChange[] = [];
  for (const row of versions.rows) {
    const removedByHub = row.seq === null;
    if (!removedByHub && row.state === 'removed') continue;
    const before = serviceOf(row.previous);
    const after = removedByHub ? null : serviceOf(row.jws);
    const change = versionChange(before, after);
    const named = after ?? before;
    if (change === null || named === null) continue;
    // The listing's own time when it has one (what the portal shows), else the record's.
    const at = removedByHub
      ? new Date(Number(row.removed_at ?? 0))
      : new Date(after?.updatedAt ?? String(decodePayload(String(row.jws)).updatedAt));
    changes.push({
      ...change,
      // The log position, not the rev: a node re-enrolled after removal signs its revs again.
      key: `entry-${row.hub_seq}`,
      partnerId: String(row.partner_id),
      partnerName: String(row.partner_name),
      recordId: String(row.record_id),
      name: named.name,
      at,
      listed: Boolean(row.listed),
    });
  }
  for (const row of overdue.rows) {
    const listing = {
      assuredAt: row.assured_at === null ? null : String(row.assured_at),
      reviewDue: row.review_due === null ? null : String(row.review_due),
    };
    const due = dueDate(listing, String(row.updated_at));
    if (!reviewStatus(listing, now).overdue || due > now) continue;
    changes.push({
      kind: 'overdue',
      key: listing.assuredAt || listing.reviewDue ? `overdue-${day(due)}` : 'overdue-unchecked',
      partnerId: String(row.partner_id),
      partnerName: String(row.partner_name),
      recordId: String(row.record_id),
      name: String(row.name),
      at: due,
      detail: listing.assuredAt
        ? `Its owner last checked it on ${day(new Date(listing.assuredAt))}; a check was due by ${day(due)}.`
        : 'Its owner has never confirmed this listing is right.',
      listed: true,
    });
  }
  return changes.sort((a, b) => b.at.getTime() - a.at.getTime()).slice(0, FEED_LENGTH);
}

/** When a listing's review fell due: its review date's end, else six months after its check. */
function dueDate(
  listing: { assuredAt: string | null; reviewDue: string | null },
  listedAt: string,
): Date {
  if (listing.reviewDue) return new Date(`${listing.reviewDue}T23:59:59Z`);
  if (listing.assuredAt) return new Date(Date.parse(listing.assuredAt) + DEFAULT_REVIEW_MS);
  return new Date(listedAt);
}
