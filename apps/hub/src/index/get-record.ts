import type { HubRecordType, RecordDetail } from '@promise-global/sdk/client/hub';
import type { HubDatabase } from '../db/database.js';

/** The payload of a compact JWS the hub stored after verifying it. */
export function decodePayload(jws: string): Record<string, unknown> {
  const payload = jws.split('.')[1] ?? '';
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
}

function decodeKid(jws: string): string {
  const header = JSON.parse(Buffer.from(jws.split('.')[0] ?? '', 'base64url').toString('utf8')) as {
    kid?: unknown;
  };
  return String(header.kid ?? '');
}

/**
 * The latest stored version of a record with its signed JWS, unchanged, and what a reader needs
 * to verify it themselves: the kid, the chain link, the hub's membership statement for the node.
 */
export async function getRecord(
  db: HubDatabase,
  ref: { partnerId: string; type: HubRecordType; id: string },
  hubUrl: string,
): Promise<RecordDetail | null> {
  const result = await db.$client.execute({
    sql: `SELECT e.hub_seq, e.seq, e.hash, e.rev, e.jws, n.url, n.partner_id, m.jws AS membership
      FROM nodes n JOIN entries e ON e.node_id = n.id AND e.record_type = ? AND e.record_id = ?
      LEFT JOIN memberships m ON m.node_id = n.id
      WHERE n.partner_id = ? AND n.state != 'removed' AND e.seq IS NOT NULL
      ORDER BY e.seq DESC LIMIT 1`,
    args: [ref.type, ref.id, ref.partnerId],
  });
  const row = result.rows[0];
  if (!row) return null;
  const jws = String(row.jws);
  const payload = decodePayload(jws);
  const data = payload.data;
  // Stored records were verified against their type's schema when harvested.
  return {
    partnerId: String(row.partner_id),
    nodeUrl: String(row.url),
    type: ref.type,
    id: ref.id,
    rev: Number(row.rev),
    seq: Number(row.seq),
    jws,
    hash: String(row.hash),
    data: data !== null && typeof data === 'object' ? data : null,
    verification: {
      kid: decodeKid(jws),
      algorithm: 'EdDSA',
      prev: String(payload.prev ?? ''),
      membership: row.membership === null ? null : String(row.membership),
      hubJwksUrl: `${hubUrl}/.well-known/jwks.json`,
      hubSeq: Number(row.hub_seq),
    },
  } as RecordDetail;
}
