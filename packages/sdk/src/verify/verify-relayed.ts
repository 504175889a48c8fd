import type { MembershipStatement } from '@promise-global/schema';
import { ProtocolError } from '../errors.js';
import type { AggregateItem } from './aggregate-digest.js';
import { extendChain } from './extend-chain.js';
import { type FeedState, initialFeedState } from './feed-state.js';
import type { PinnedKeys } from './pinned-keys.js';
import { type KnownRevision, RevisionCheck } from './revisions.js';
import type { VerifiedAggregatePage } from './verify-aggregate-page.js';
import { membershipKeys, verifyMembership } from './verify-membership.js';
import { type VerifiedRecord, verifyRecord } from './verify-record.js';

/** Why a consumer with no other knowledge of a node skips an item (§14.4); not an error. */
export type RelayedSkip = 'MEMBERSHIP_MISSING' | 'NODE_UNKNOWN';

/** What a consumer already knows of a relayed node: its chain state and, if kept, its revisions. */
export interface RelayedNode {
  state: FeedState;
  /** The latest version of each record before `state.seq` (§4.5); absent = unknown. */
  revisions?: readonly KnownRevision[];
}

/** Options of {@link verifyRelayedItems}. */
export interface VerifyRelayedItemsOptions {
  /** The upstream hub's pinned keys and URL: the statements' issuer (§3.2). */
  hubKeys: PinnedKeys;
  hub: string;
  /** The upstream's membership statements (`GET /memberships`), node URL → statement JWS. */
  memberships: ReadonlyMap<string, string>;
  /** What this consumer already verified of relayed nodes, by node URL. */
  nodes?: ReadonlyMap<string, RelayedNode>;
  now?: Date;
  quarantineUnknownMajor?: boolean;
}

/** The outcome of a page's items, in page order. */
export interface VerifiedRelayedItems {
  records: { hubSeq: number; node: string; record: VerifiedRecord }[];
  removals: Extract<AggregateItem, { removed: unknown }>[];
  skipped: { hubSeq: number; node: string; code: RelayedSkip }[];
  /** Every node the page touched, with its new chain state. */
  nodes: Map<string, FeedState>;
}

/**
 * Keys of a node's current membership statement over the keys pinned before (§14.5): the
 * statement's keys are the pins, earlier keys it no longer lists stay as retired, and no
 * revocation is lifted (the lowest `fromSeq` stays).
 */
export function mergeStatementKeys(pinned: PinnedKeys, next: PinnedKeys): PinnedKeys {
  const revokedFrom = (kid: string, seq: number | undefined) => {
    const before = pinned.keys.find((key) => key.kid === kid)?.revokedFromSeq;
    const lowest = Math.min(seq ?? Number.POSITIVE_INFINITY, before ?? Number.POSITIVE_INFINITY);
    return Number.isFinite(lowest) ? { revokedFromSeq: lowest } : {};
  };
  const fresh = next.keys.map(({ revokedFromSeq, ...key }) => ({
    ...key,
    ...revokedFrom(key.kid, revokedFromSeq),
  }));
  const kept = pinned.keys
    .filter((key) => !next.keys.some((candidate) => candidate.kid === key.kid))
    .map((key) => ({ ...key, status: 'retired' as const }));
  return { keys: [...fresh, ...kept] };
}

interface Relayed {
  state: FeedState;
  versions: RevisionCheck;
  statement?: MembershipStatement;
}

/**
 * §14.3 step 5 for a consumer that knows nodes only through this upstream: each record item is
 * verified against its node's membership statement (signed by the upstream, `sub` the node), then
 * against the keys the statement lists with `iss` = the node and the statement's `partnerId`,
 * then must extend that node's chain (§7.3 step 3) and follow its version rules (§4.5). A removal
 * restarts the node's chain at seq 0. Throws the first failure; skips are returned (§14.4).
 *
 * @example
 * const page = await verifyAggregatePage(body, { keys, iss: upstream, after, headIat, limit });
 * const { records, nodes } = await verifyRelayedItems(page, { hubKeys: keys, hub: upstream, memberships });
 */
export async function verifyRelayedItems(
  page: Pick<VerifiedAggregatePage, 'items'>,
  options: VerifyRelayedItemsOptions,
): Promise<VerifiedRelayedItems> {
  const relayed = new Map<string, Relayed>();
  const result: VerifiedRelayedItems = { records: [], removals: [], skipped: [], nodes: new Map() };
  const known = (node: string): Relayed | undefined => {
    const seen = relayed.get(node);
    if (seen) return seen;
    const before = options.nodes?.get(node);
    if (!before) return undefined;
    const complete = before.revisions !== undefined || before.state.seq === 0;
    const entry = {
      state: before.state,
      versions: new RevisionCheck(before.revisions ?? [], complete),
    };
    relayed.set(node, entry);
    return entry;
  };
  for (const item of page.items) {
    if ('removed' in item) {
      const entry = known(item.node);
      if (!entry) {
        result.skipped.push({ hubSeq: item.hubSeq, node: item.node, code: 'NODE_UNKNOWN' });
        continue;
      }
      entry.state = { ...initialFeedState(entry.state), keys: entry.state.keys };
      entry.versions = new RevisionCheck([], true);
      delete entry.statement;
      result.removals.push(item);
      result.nodes.set(item.node, entry.state);
      continue;
    }
    const jws = options.memberships.get(item.node);
    if (jws === undefined) {
      result.skipped.push({ hubSeq: item.hubSeq, node: item.node, code: 'MEMBERSHIP_MISSING' });
      continue;
    }
    let entry = known(item.node);
    if (!entry?.statement) {
      const statement = await verifyMembership(jws, {
        hubKeys: options.hubKeys,
        hub: options.hub,
        sub: item.node,
        ...(options.now ? { now: options.now } : {}),
      });
      const keys = await membershipKeys(statement);
      if (entry?.state.partnerId !== undefined && entry.state.partnerId !== statement.partnerId) {
        throw new ProtocolError(
          'NAMESPACE_VIOLATION',
          `${item.node} is ${entry.state.partnerId} here, ${statement.partnerId} upstream`,
        );
      }
      entry = entry
        ? { ...entry, state: { ...entry.state, keys: mergeStatementKeys(entry.state.keys, keys) } }
        : {
            state: initialFeedState({ iss: item.node, partnerId: statement.partnerId, keys }),
            versions: new RevisionCheck([], true),
          };
      entry.statement = statement;
      relayed.set(item.node, entry);
    }
    const { state } = entry;
    const record = await verifyRecord(item.jws, {
      keys: state.keys,
      iss: item.node,
      partnerId: entry.statement.partnerId,
      ...(options.now ? { now: options.now } : {}),
      ...(options.quarantineUnknownMajor ? { quarantineUnknownMajor: true } : {}),
    });
    entry.state = extendChain(state, record);
    entry.versions.next(record.payload);
    result.records.push({ hubSeq: item.hubSeq, node: item.node, record });
    result.nodes.set(item.node, entry.state);
  }
  return result;
}
