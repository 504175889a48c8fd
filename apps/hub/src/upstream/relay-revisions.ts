import { type RecordIdentity, RevisionCheck } from '@promise-global/sdk/verify';
import type { HubDatabase } from '../db/database.js';
import { storedRevisions } from '../harvest/stored-revisions.js';
import { decodePayload } from '../index/get-record.js';
import type { AggregateItem } from '../rest/aggregate-feed.js';

/** The identities of a node's records in a page, read unverified: only to look up what is known. */
function identitiesOf(items: readonly AggregateItem[], url: string): RecordIdentity[] {
  const identities = new Map<string, RecordIdentity>();
  for (const item of items) {
    if (item.node !== url || !('jws' in item)) continue;
    try {
      const { type, id } = decodePayload(item.jws);
      if (typeof type === 'string' && typeof id === 'string')
        identities.set(`${type}\u0000${id}`, { type, id });
    } catch {
      // Not a readable record: its verification fails before any version check.
    }
  }
  return [...identities.values()];
}

/**
 * The version rules of relayed records (docs/protocol.md §4.5, §6), per node over one aggregate
 * page: each node's check starts from its stored records, or from none when its log is new or was
 * just forgotten (a node re-enrolled upstream starts again at seq 1).
 */
export function relayRevisions(db: HubDatabase, items: readonly AggregateItem[]) {
  const checks = new Map<number, RevisionCheck>();
  return {
    async next(
      relay: { nodeId: number; url: string; isNew: boolean },
      payload: Parameters<RevisionCheck['next']>[0],
    ): Promise<void> {
      let check = checks.get(relay.nodeId);
      if (check === undefined) {
        const known = relay.isNew
          ? []
          : await storedRevisions(db, relay.nodeId).revisionsOf(identitiesOf(items, relay.url));
        check = new RevisionCheck(known);
        checks.set(relay.nodeId, check);
      }
      check.next(payload);
    },
    forget(nodeId: number): void {
      checks.set(nodeId, new RevisionCheck([]));
    },
  };
}
