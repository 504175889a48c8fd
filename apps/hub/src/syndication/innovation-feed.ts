import { INNOVATION_THEMES, LABELS } from '@promise-global/schema';
import { labelFor } from '@promise-global/ui/format';
import type { HubDatabase } from '../db/database.js';
import { innovationFilterSql } from '../index/search-innovations.js';
import { type FeedDocument, type FeedEntry, feedUrls, newestUpdate } from './feed-document.js';
import { type PortalLinks, recordUrl } from './portal-links.js';

/** What one innovations feed follows: the whole network, one theme or one partner. */
export type InnovationScope =
  | { kind: 'network' }
  | { kind: 'theme'; theme: string }
  | { kind: 'partner'; partnerId: string; name: string };

/** Items per feed: readers poll, so the newest 50 reach anyone who looks in now and then. */
const FEED_LENGTH = 50;

export function isTheme(value: string): boolean {
  return (INNOVATION_THEMES as readonly string[]).includes(value);
}

export function themeLabel(theme: string): string {
  return labelFor(theme, LABELS);
}

/** The enrolled (or relayed) partner with this id, for its feed's title; null when there is none. */
export async function feedPartner(
  db: HubDatabase,
  partnerId: string,
): Promise<Extract<InnovationScope, { kind: 'partner' }> | null> {
  const result = await db.$client.execute({
    sql: `SELECT partner_id, name FROM nodes WHERE partner_id = ? AND state != 'removed'`,
    args: [partnerId],
  });
  const row = result.rows[0];
  return row
    ? { kind: 'partner', partnerId: String(row.partner_id), name: String(row.name) }
    : null;
}

function describe(scope: InnovationScope) {
  if (scope.kind === 'theme') {
    const label = themeLabel(scope.theme);
    return {
      title: `PROMISE Network: ${label}`,
      description: `New pieces on ${label.toLowerCase()} shared across the PROMISE Network.`,
      prefix: `/themes/${encodeURIComponent(scope.theme)}`,
    };
  }
  if (scope.kind === 'partner')
    return {
      title: `PROMISE Network: ${scope.name}`,
      description: `What ${scope.name} shares with the PROMISE Network.`,
      prefix: `/partners/${encodeURIComponent(scope.partnerId)}`,
    };
  return {
    title: 'PROMISE Network: new pieces',
    description: 'Innovations in mental-health care shared across the PROMISE Network.',
    prefix: '',
  };
}

function homePage(scope: InnovationScope, hub: string, portal: PortalLinks | undefined): string {
  if (!portal) return `${hub}/`;
  if (scope.kind === 'theme') return portal.innovations({ theme: scope.theme });
  if (scope.kind === 'partner') return portal.partner(scope.partnerId);
  return portal.innovations();
}

/**
 * The pieces the portal lists for the scope (every indexed status: submitted, scheduled and
 * published), newest first in the portal's order, each linking to its portal page and to the
 * signed record as JSON. Without a portal, the record is the only link.
 */
export async function innovationFeed(
  db: HubDatabase,
  scope: InnovationScope,
  hub: string,
  portal: PortalLinks | undefined,
): Promise<FeedDocument> {
  const filter = innovationFilterSql(
    scope.kind === 'theme'
      ? { themes: [scope.theme] }
      : scope.kind === 'partner'
        ? { partners: [scope.partnerId] }
        : undefined,
  );
  const result = await db.$client.execute({
    sql: `SELECT i.partner_id, i.record_id, i.title, i.summary, i.themes, i.published_at, i.submitted_at,
        i.updated_at, n.name AS partner_name
      FROM innovations i JOIN nodes n ON n.id = i.node_id
      WHERE ${filter.sql} ORDER BY i.updated_at DESC, i.rowid DESC LIMIT ${FEED_LENGTH}`,
    args: filter.args,
  });
  const entries = result.rows.map((row): FeedEntry => {
    const partnerId = String(row.partner_id);
    const recordId = String(row.record_id);
    const record = recordUrl(hub, partnerId, 'innovation', recordId);
    const updated = new Date(String(row.updated_at));
    return {
      id: record,
      title: String(row.title),
      summary: String(row.summary),
      url: portal?.innovation(partnerId, recordId) ?? record,
      alternates: [{ href: record, type: 'application/json', title: 'The signed record' }],
      authors: [String(row.partner_name)],
      categories: (JSON.parse(String(row.themes)) as string[]).map((theme) => ({
        term: theme,
        label: themeLabel(theme),
      })),
      published: new Date(String(row.published_at ?? row.submitted_at ?? row.updated_at)),
      updated,
    };
  });
  const { title, description, prefix } = describe(scope);
  return {
    id: `${hub}${prefix}/`,
    title,
    description,
    homePage: homePage(scope, hub, portal),
    urls: feedUrls(hub, prefix),
    categoryScheme: portal ? `${portal.innovations()}?theme=` : undefined,
    updated: newestUpdate(entries),
    entries,
  };
}
