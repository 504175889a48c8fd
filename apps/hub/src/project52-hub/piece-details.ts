import type { Innovation } from '@promise-global/schema';
import type { HubDatabase } from '../db/database.js';
import { pieceKey } from './queue-writes.js';

export interface PieceDetails {
  title: string | null;
  partnerName: string | null;
  data: Innovation | null;
}

function payloadData(jws: string): Innovation | null {
  const payload = JSON.parse(
    Buffer.from(jws.split('.')[1] ?? '', 'base64url').toString('utf8'),
  ) as { data?: unknown };
  return payload.data !== null && typeof payload.data === 'object'
    ? (payload.data as Innovation)
    : null;
}

/**
 * The latest harvested version of each queued piece (one query): its title and data, from the
 * node's signed record as the hub stored it, and its partner's name.
 */
export async function pieceDetails(db: HubDatabase): Promise<Map<string, PieceDetails>> {
  const result =
    await db.$client.execute(`SELECT p.partner_id, p.record_id, coalesce(json_extract(n.partner, '$.name'), n.name) AS name, e.jws
    FROM p52_pieces p JOIN nodes n ON n.id = p.node_id
    LEFT JOIN entries e ON e.hub_seq = (SELECT max(x.hub_seq) FROM entries x
      WHERE x.node_id = p.node_id AND x.record_type = 'innovation' AND x.record_id = p.record_id
        AND x.seq IS NOT NULL)`);
  const details = new Map<string, PieceDetails>();
  for (const row of result.rows) {
    const data = row.jws === null ? null : payloadData(String(row.jws));
    details.set(pieceKey(String(row.partner_id), String(row.record_id)), {
      title: data?.title ?? null,
      partnerName: String(row.name),
      data,
    });
  }
  return details;
}
