import { SCHEMA_VERSION } from '@promise-global/schema';
import type { FeedState, PinnedKeys, VerifiedRecord } from '@promise-global/sdk/verify';
import type { HubContext } from '../context.js';
import type { RelayedNodeRow } from './relay-statements.js';

/** A node row as the relay sees it, with its link to an upstream when it is relayed. */
export interface NodeView {
  id: number;
  partnerId: string;
  country: string | null;
  state: string;
  chain: FeedState;
  upstreamId: number | null;
  /** The upstream statement its keys came from; '' once the upstream removed the node. */
  membershipJws: string | null;
  /** Whether this hub holds its own membership statement for the node. */
  vouched: boolean;
}

/** A relayed node while one aggregate page is planned. */
export interface Relay extends RelayedNodeRow {
  isNew: boolean;
  vouched: boolean;
  /** Stored and indexed (false once removed here or upstream). */
  active: boolean;
  wasActive: boolean;
  /** Removed by the upstream: it may come back from seq 1 (re-enrolled there, §14.5). */
  reenrolable: boolean;
  membershipJws: string;
  storedMembershipJws: string | null;
  /** Set when this page pinned keys from a new upstream membership statement. */
  membership: { jws: string; keys: PinnedKeys; expiresAt: number } | undefined;
  membershipChecked: boolean;
  pending: VerifiedRecord[];
}

export async function loadViews(ctx: HubContext, urls: string[]): Promise<Map<string, NodeView>> {
  if (urls.length === 0) return new Map();
  const result = await ctx.db.$client.execute({
    sql: `SELECT n.id, n.url, n.partner_id, n.country, n.state, n.chain, r.upstream_id, r.membership_jws,
        m.node_id AS vouched
      FROM nodes n LEFT JOIN relayed_nodes r ON r.node_id = n.id AND r.enrolled_at = n.enrolled_at
        LEFT JOIN memberships m ON m.node_id = n.id
      WHERE n.url IN (${urls.map(() => '?').join(', ')})`,
    args: urls,
  });
  return new Map(
    result.rows.map((row) => [
      String(row.url),
      {
        id: Number(row.id),
        partnerId: String(row.partner_id),
        country: row.country === null ? null : String(row.country),
        state: String(row.state),
        chain: JSON.parse(String(row.chain)) as FeedState,
        upstreamId: row.upstream_id === null ? null : Number(row.upstream_id),
        membershipJws: row.membership_jws === null ? null : String(row.membership_jws),
        vouched: row.vouched !== null,
      },
    ]),
  );
}

/** The relay of a node this upstream already relays. */
export function relayFromView(url: string, view: NodeView, feedUrl: string): Relay {
  const active = view.state !== 'removed';
  return {
    nodeId: view.id,
    url,
    partnerId: view.partnerId,
    country: view.country,
    partner: undefined,
    state: view.chain,
    schemaVersion: SCHEMA_VERSION,
    feedUrl,
    isNew: false,
    vouched: view.vouched,
    active,
    wasActive: active,
    reenrolable: !active && view.membershipJws === '' && view.chain.seq === 0,
    membershipJws: view.membershipJws ?? '',
    storedMembershipJws: view.membershipJws,
    membership: undefined,
    membershipChecked: false,
    pending: [],
  };
}
