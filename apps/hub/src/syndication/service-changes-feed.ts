import type { HubDatabase } from '../db/database.js';
import { type FeedDocument, type FeedEntry, feedUrls, newestUpdate } from './feed-document.js';
import { type PortalLinks, recordUrl } from './portal-links.js';
import {
  crisisServiceChanges,
  type ServiceChange,
  type ServiceChangeKind,
} from './service-changes.js';

const HEADLINES: Readonly<Record<ServiceChangeKind, string>> = {
  added: 'New',
  changed: 'Changed',
  closed: 'Closed',
  overdue: 'Check overdue',
};

/** Where a crisis-service changes feed is served (`/services/crisis/rss.xml`, …). */
export const CRISIS_CHANGES_PREFIX = '/services/crisis';

function entry(change: ServiceChange, hub: string, portal: PortalLinks | undefined): FeedEntry {
  const record = recordUrl(hub, change.partnerId, 'service', change.recordId);
  const page = change.listed
    ? portal?.service(change.partnerId, change.recordId)
    : portal?.partner(change.partnerId);
  return {
    id: `${record}#${change.key}`,
    title: `${HEADLINES[change.kind]}: ${change.name} (${change.partnerName})`,
    summary: change.detail,
    url: page ?? record,
    alternates: change.listed
      ? [{ href: record, type: 'application/json', title: 'The signed record' }]
      : [],
    authors: [change.partnerName],
    categories: [{ term: change.kind, label: HEADLINES[change.kind] }],
    published: change.at,
    updated: change.at,
  };
}

/**
 * Crisis services added, changed, closed or newly overdue for review, for the people who keep
 * local directories in step with the network.
 */
export async function crisisChangesFeed(
  db: HubDatabase,
  hub: string,
  portal: PortalLinks | undefined,
  now: Date = new Date(),
): Promise<FeedDocument> {
  const entries = (await crisisServiceChanges(db, now)).map((change) => entry(change, hub, portal));
  return {
    id: `${hub}${CRISIS_CHANGES_PREFIX}/`,
    title: 'PROMISE Network: changes to crisis services',
    description:
      'Emergency and urgent mental-health services added, changed, closed or overdue for a check.',
    homePage: portal?.services() ?? `${hub}/services`,
    urls: feedUrls(hub, CRISIS_CHANGES_PREFIX),
    updated: newestUpdate(entries),
    entries,
  };
}
