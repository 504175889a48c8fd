import type { HubDatabase } from '../db/database.js';
import { listAdoptions } from '../index/adoptions.js';
import { type FeedDocument, type FeedEntry, feedUrls, newestUpdate } from './feed-document.js';
import { type PortalLinks, recordUrl } from './portal-links.js';

/** Where the adoptions feed is served: `/adoptions/rss.xml`, `atom.xml`, `feed.json`. */
export const ADOPTIONS_PREFIX = '/adoptions';

const FEED_LENGTH = 50;

const STAGE_WORDS = {
  exploring: 'is exploring',
  piloting: 'is piloting',
  adopted: 'has adopted',
  stopped: 'has stopped using',
} as const;

/**
 * The network's newest adoptions (a partner exploring, piloting, adopting or stopping another
 * partner's piece), newest change first, each linking to the piece's portal page and to the
 * adopter's signed record as JSON.
 */
export async function adoptionFeed(
  db: HubDatabase,
  hub: string,
  portal: PortalLinks | undefined,
): Promise<FeedDocument> {
  const adoptions = await listAdoptions(db, {});
  const newest = adoptions
    .toSorted(
      (a, b) =>
        b.updatedAt.localeCompare(a.updatedAt) ||
        a.partnerId.localeCompare(b.partnerId) ||
        a.id.localeCompare(b.id),
    )
    .slice(0, FEED_LENGTH);
  const entries = newest.map((adoption): FeedEntry => {
    const record = recordUrl(hub, adoption.partnerId, 'adoption', adoption.id);
    const piece = adoption.piece.title ?? 'a piece no longer in the network';
    const updated = new Date(adoption.updatedAt);
    return {
      // One entry per stage: a move to another stage is news again.
      id: `${record}#${adoption.stage}`,
      title: `${adoption.partnerName} ${STAGE_WORDS[adoption.stage]} “${piece}”`,
      summary: adoption.note,
      url:
        portal && adoption.piece.title !== null
          ? portal.innovation(adoption.piece.partnerId, adoption.piece.recordId)
          : record,
      alternates: [{ href: record, type: 'application/json', title: 'The signed adoption' }],
      authors: [adoption.partnerName],
      categories: [{ term: adoption.stage, label: adoption.stage }],
      published: new Date(`${adoption.date}T00:00:00Z`),
      updated,
    };
  });
  return {
    id: `${hub}${ADOPTIONS_PREFIX}/`,
    title: 'PROMISE Network: who took up what',
    description: "Partners exploring, piloting and adopting each other's pieces, signed by them.",
    homePage: portal ? `${portal.home}spread` : `${hub}/`,
    urls: feedUrls(hub, ADOPTIONS_PREFIX),
    updated: newestUpdate(entries),
    entries,
  };
}
