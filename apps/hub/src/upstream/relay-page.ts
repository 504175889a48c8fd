import type { InStatement } from '@libsql/client';
import { GENESIS_HASH, type Partner, SCHEMA_VERSION } from '@promise-global/schema';
import { ProtocolError } from '@promise-global/sdk';
import {
  type AggregateItem,
  extendChain,
  initialFeedState,
  type PinnedKeys,
  type VerifiedAggregatePage,
  verifyRecord,
} from '@promise-global/sdk/verify';
import type { HubContext } from '../context.js';
import { recordStatements } from '../harvest/store-page.js';
import { loadViews, type Relay, relayFromView } from './relay-node.js';
import { relayRevisions } from './relay-revisions.js';
import {
  forgetRelayedLog,
  insertRelayedNode,
  linkRelayedNode,
  markRelayedNodeRemoved,
  mergeKeys,
  reactivateRelayedNode,
  removeRelayedRecord,
  updateRelayedMembership,
  updateRelayedNode,
} from './relay-statements.js';
import type { UpstreamMemberships } from './upstream-memberships.js';

/** Why an upstream item was not taken; counted on the upstream (docs/protocol.md §14.4). */
export type SkipReason =
  | 'DIRECTLY_ENROLLED'
  | 'RELAYED_BY_ANOTHER_UPSTREAM'
  | 'NODE_REMOVED'
  | 'MEMBERSHIP_MISSING'
  | 'PARTNER_ID_TAKEN'
  | 'NODE_UNKNOWN';

/** What one verified aggregate page does to this hub, ready to commit in one batch. */
export interface RelayPlan {
  statements: InStatement[];
  stored: number;
  skipped: Record<string, number>;
  /** Relayed nodes whose membership this hub (re-)issues once the batch committed. */
  memberships: {
    node: { id: number; url: string; partnerId: string };
    keys: PinnedKeys;
    /** The upstream statement's `exp`: this hub's statement ends no later. */
    notAfter: number;
  }[];
}

/**
 * Plans the effect of one verified aggregate page (docs/protocol.md §14): each record JWS is
 * verified against its node's keys from the upstream's membership statement and must extend that
 * node's chain and follow its version rules (§4.5); records and removals of nodes this upstream relays become index writes through the
 * same statements as node pages; items of nodes known otherwise are skipped and counted. Throws on
 * the first record that fails, so nothing of a bad page is stored.
 */
export async function planRelay(
  ctx: HubContext,
  upstream: { id: number; url: string },
  page: VerifiedAggregatePage,
  memberships: UpstreamMemberships,
  skippedSoFar: Readonly<Record<string, number>>,
  now = Date.now(),
): Promise<RelayPlan> {
  const views = await loadViews(ctx, [...new Set(page.items.map((item) => item.node))]);
  const feedUrl = `${upstream.url}/hub/feed`;
  const relays = new Map<string, Relay>();
  const skips = new Map<string, SkipReason>();
  const skipped = { ...skippedSoFar };
  const skip = (reason: SkipReason) => {
    skipped[reason] = (skipped[reason] ?? 0) + 1;
  };
  const statements: InStatement[] = [];
  const versions = relayRevisions(ctx.db, page.items);
  const claimedPartnerIds = new Set<string>();
  let nextId: number | undefined;
  let stored = 0;

  const allocateId = async () => {
    if (nextId === undefined) {
      // Explicit ids let the new row and its records share one batch; an enrolment racing this
      // page makes the insert fail, and the page is retried on the next sync.
      const top = await ctx.db.$client.execute(
        `SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'nodes'), 0),
          coalesce((SELECT max(id) FROM nodes), 0)) AS top`,
      );
      nextId = Number(top.rows[0]?.top ?? 0) + 1;
    }
    return nextId++;
  };

  const newRelay = async (item: AggregateItem): Promise<Relay | SkipReason> => {
    if (!('jws' in item)) return 'NODE_UNKNOWN';
    const membership = await memberships.get(item.node);
    if (!membership) return 'MEMBERSHIP_MISSING';
    const taken = await ctx.db.$client.execute({
      sql: 'SELECT 1 FROM nodes WHERE partner_id = ?',
      args: [membership.partnerId],
    });
    if (taken.rows.length > 0 || claimedPartnerIds.has(membership.partnerId)) {
      skips.set(item.node, 'PARTNER_ID_TAKEN');
      return 'PARTNER_ID_TAKEN';
    }
    claimedPartnerIds.add(membership.partnerId);
    const { partnerId, keys, jws, expiresAt } = membership;
    return {
      nodeId: await allocateId(),
      url: item.node,
      partnerId,
      country: null,
      partner: undefined,
      state: initialFeedState({ iss: item.node, partnerId, keys }),
      schemaVersion: SCHEMA_VERSION,
      feedUrl,
      isNew: true,
      vouched: false,
      active: true,
      wasActive: true,
      reenrolable: false,
      membershipJws: jws,
      storedMembershipJws: null,
      membership: { jws, keys, expiresAt },
      membershipChecked: true,
      pending: [],
    };
  };

  const resolve = async (item: AggregateItem): Promise<Relay | SkipReason> => {
    const known = relays.get(item.node) ?? skips.get(item.node);
    if (known !== undefined) return known;
    const view = views.get(item.node);
    if (!view) {
      const relay = await newRelay(item);
      if (typeof relay !== 'string') relays.set(item.node, relay);
      return relay;
    }
    const reason: SkipReason | undefined =
      view.upstreamId === upstream.id
        ? undefined
        : view.upstreamId !== null
          ? 'RELAYED_BY_ANOTHER_UPSTREAM'
          : view.state === 'removed'
            ? 'NODE_REMOVED'
            : 'DIRECTLY_ENROLLED';
    if (reason) {
      skips.set(item.node, reason);
      return reason;
    }
    const relay = relayFromView(item.node, view, feedUrl);
    relays.set(item.node, relay);
    return relay;
  };

  /** The upstream's current statement for a relayed node: new keys are pinned, retired kept. */
  const checkMembership = async (relay: Relay): Promise<boolean> => {
    if (relay.membershipChecked) return true;
    const membership = await memberships.get(relay.url);
    if (!membership) return false;
    relay.membershipChecked = true;
    if (membership.partnerId !== relay.partnerId) {
      throw new ProtocolError(
        'NAMESPACE_VIOLATION',
        `${relay.url} is ${relay.partnerId} here, ${membership.partnerId} upstream`,
      );
    }
    // A statement of this hub missing (a crash right after the page's commit) is issued again.
    if (membership.jws !== relay.membershipJws || !relay.vouched) {
      relay.state = { ...relay.state, keys: mergeKeys(relay.state.keys, membership.keys) };
      relay.membership = {
        jws: membership.jws,
        keys: membership.keys,
        expiresAt: membership.expiresAt,
      };
      relay.membershipJws = membership.jws;
    }
    return true;
  };

  const flush = (relay: Relay) => {
    if (relay.pending.length === 0) return;
    statements.push(
      ...recordStatements(
        { id: relay.nodeId, partnerId: relay.partnerId, country: relay.country },
        relay.pending,
        ctx.config.knownSchemaMajors,
        now,
      ),
    );
    stored += relay.pending.length;
    relay.pending = [];
  };

  const verify = (relay: Relay, jws: string) =>
    verifyRecord(jws, {
      keys: relay.state.keys,
      iss: relay.url,
      partnerId: relay.partnerId,
      quarantineUnknownMajor: true,
    });

  for (const item of page.items) {
    const relay = await resolve(item);
    if (typeof relay === 'string') {
      skip(relay);
      continue;
    }
    if ('removed' in item) {
      // The upstream removed the node: its records leave, and it may return only from seq 1.
      flush(relay);
      statements.push(...removeRelayedRecord(relay.nodeId, item.removed));
      relay.active = false;
      relay.reenrolable = true;
      relay.state = { ...relay.state, seq: 0, hash: GENESIS_HASH, headIat: 0 };
      relay.membershipJws = '';
      relay.membership = undefined;
      relay.membershipChecked = false;
      continue;
    }
    if (!relay.active && !relay.reenrolable) {
      // A node removed here keeps its chain position: a replay of its log is refused.
      const record = await verify(relay, item.jws);
      if (record.payload.seq <= relay.state.seq) extendChain(relay.state, record);
      skip('NODE_REMOVED');
      continue;
    }
    if (!(await checkMembership(relay))) {
      skip('MEMBERSHIP_MISSING');
      continue;
    }
    const record = await verify(relay, item.jws);
    relay.state = extendChain(relay.state, record);
    if (!relay.active) {
      // Re-enrolled upstream: its earlier log here gives way to the new one (removals stay).
      statements.push(forgetRelayedLog(relay.nodeId));
      versions.forget(relay.nodeId);
      relay.active = true;
      relay.reenrolable = false;
    }
    await versions.next(relay, record.payload);
    if (relay.isNew && relay.state.seq === record.payload.seq && relay.pending.length === 0)
      relay.schemaVersion = record.payload.schemaVersion;
    if (record.payload.type === 'partner' && record.payload.data && !record.quarantined) {
      const partner = record.payload.data as Partner;
      relay.partner = partner;
      relay.country = partner.country;
    }
    relay.pending.push(record);
  }

  const created: InStatement[] = [];
  const finals: InStatement[] = [];
  const issue: RelayPlan['memberships'] = [];
  for (const relay of relays.values()) {
    flush(relay);
    if (relay.isNew) {
      created.push(insertRelayedNode(relay, now));
      created.push(linkRelayedNode(relay.nodeId, upstream.id, now, relay.membershipJws));
    } else if (relay.membershipJws !== relay.storedMembershipJws) {
      finals.push(updateRelayedMembership(relay.nodeId, relay.membershipJws));
    }
    finals.push(...updateRelayedNode(relay, now));
    if (relay.wasActive && !relay.active) finals.push(...markRelayedNodeRemoved(relay.nodeId, now));
    if (!relay.wasActive && relay.active) finals.push(reactivateRelayedNode(relay.nodeId));
    if (relay.active && relay.membership) {
      issue.push({
        node: { id: relay.nodeId, url: relay.url, partnerId: relay.partnerId },
        keys: relay.membership.keys,
        notAfter: relay.membership.expiresAt,
      });
    }
  }
  return {
    statements: [...created, ...statements, ...finals],
    stored,
    skipped,
    memberships: issue,
  };
}
