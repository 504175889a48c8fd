import type { InStatement } from '@libsql/client';
import type { Partner } from '@promise-global/schema';
import { type FeedState, mergeStatementKeys } from '@promise-global/sdk/verify';

/** A relayed node's row as a page leaves it. */
export interface RelayedNodeRow {
  nodeId: number;
  url: string;
  partnerId: string;
  country: string | null;
  partner: Partner | undefined;
  state: FeedState;
  schemaVersion: string;
  feedUrl: string;
}

/** Inserts the `nodes` row of a node first seen through an upstream (id allocated by the caller). */
export function insertRelayedNode(node: RelayedNodeRow, enrolledAt: number): InStatement {
  return {
    sql: `INSERT INTO nodes (id, url, partner_id, name, country, partner, feed_url, schema_version, state, health,
        descriptor_jws, chain, cursor_seq, head_seq, enrolled_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'active', 'healthy', '', ?, 0, 0, ?)`,
    args: [
      node.nodeId,
      node.url,
      node.partnerId,
      node.partner?.name ?? node.partnerId,
      node.country,
      JSON.stringify(node.partner ?? { id: node.partnerId }),
      node.feedUrl,
      node.schemaVersion,
      JSON.stringify(node.state),
      enrolledAt,
    ],
  };
}

/** Stores a relayed node's new chain position (and its partner profile when a page carried it). */
export function updateRelayedNode(node: RelayedNodeRow, now: number): InStatement[] {
  const statements: InStatement[] = [
    {
      sql: `UPDATE nodes SET chain = ?, cursor_seq = ?, head_seq = ?, health = 'healthy', last_success_at = ?
        WHERE id = ?`,
      args: [JSON.stringify(node.state), node.state.seq, node.state.seq, now, node.nodeId],
    },
  ];
  if (node.partner) {
    statements.push({
      sql: 'UPDATE nodes SET name = ?, country = ?, partner = ? WHERE id = ?',
      args: [node.partner.name, node.country, JSON.stringify(node.partner), node.nodeId],
    });
  }
  return statements;
}

/**
 * An upstream's removal of one record (its node was removed there): the record leaves the index
 * and this hub appends its own removal tombstone, so hubs further downstream clear it too.
 */
export function removeRelayedRecord(
  nodeId: number,
  removed: { type: string; id: string; rev: number },
): InStatement[] {
  const table =
    removed.type === 'innovation' ? 'innovation' : removed.type === 'service' ? 'service' : null;
  const search: InStatement[] = table
    ? [
        {
          sql: `DELETE FROM ${table}_fts WHERE rowid IN (SELECT rowid FROM ${table}s WHERE node_id = ? AND record_id = ?)`,
          args: [nodeId, removed.id],
        },
        {
          sql: `DELETE FROM ${table}s WHERE node_id = ? AND record_id = ?`,
          args: [nodeId, removed.id],
        },
      ]
    : removed.type === 'adoption'
      ? [
          {
            sql: 'DELETE FROM adoptions WHERE node_id = ? AND record_id = ?',
            args: [nodeId, removed.id],
          },
        ]
      : [
          {
            sql: 'DELETE FROM directory WHERE node_id = ? AND record_type = ? AND record_id = ?',
            args: [nodeId, removed.type, removed.id],
          },
        ];
  return [
    ...search,
    {
      sql: `INSERT INTO entries (node_id, seq, hash, record_type, record_id, rev, jws) VALUES (?, NULL, '', ?, ?, ?, '')`,
      args: [nodeId, removed.type, removed.id, removed.rev],
    },
  ];
}

/** Marks a relayed node removed (the upstream removed it). */
export function markRelayedNodeRemoved(nodeId: number, now: number): InStatement[] {
  return [
    { sql: `UPDATE nodes SET state = 'removed', removed_at = ? WHERE id = ?`, args: [now, nodeId] },
    { sql: 'DELETE FROM quarantine WHERE node_id = ?', args: [nodeId] },
  ];
}

/** Brings back a relayed node the upstream re-enrolled after removing it. */
export function reactivateRelayedNode(nodeId: number): InStatement {
  return {
    sql: `UPDATE nodes SET state = 'active', removed_at = NULL WHERE id = ?`,
    args: [nodeId],
  };
}

/** Drops a relayed node's earlier log (not its removal tombstones) before it starts again at seq 1. */
export function forgetRelayedLog(nodeId: number): InStatement {
  return { sql: 'DELETE FROM entries WHERE node_id = ? AND seq IS NOT NULL', args: [nodeId] };
}

/** Records which upstream relays a new node and the membership statement its keys came from. */
export function linkRelayedNode(
  nodeId: number,
  upstreamId: number,
  enrolledAt: number,
  membershipJws: string,
): InStatement {
  return {
    sql: `INSERT OR REPLACE INTO relayed_nodes (node_id, upstream_id, enrolled_at, membership_jws)
      VALUES (?, ?, ?, ?)`,
    args: [nodeId, upstreamId, enrolledAt, membershipJws],
  };
}

/** Records the newer upstream membership statement a relayed node's keys now come from. */
export function updateRelayedMembership(nodeId: number, membershipJws: string): InStatement {
  return {
    sql: 'UPDATE relayed_nodes SET membership_jws = ? WHERE node_id = ?',
    args: [membershipJws, nodeId],
  };
}

/** Keys of a node's current upstream statement over the keys pinned before (§14.5). */
export const mergeKeys = mergeStatementKeys;
