import type { Hub } from '@promise-global/hub';
import { recordHash } from '@promise-global/sdk/sign';
import type { SoakNode } from './soak-node.js';

/** Every record of a node's feed as `seq hash`, read from its public feed. */
export async function nodeLog(node: SoakNode): Promise<string[]> {
  const log: string[] = [];
  let after = 0;
  for (;;) {
    const page = (await (await fetch(`${node.url}/feed?after=${after}&limit=1000`)).json()) as {
      records: string[];
    };
    for (const jws of page.records) log.push(`${++after} ${recordHash(jws)}`);
    if (page.records.length === 0) return log;
  }
}

/** The hub's stored log entries of one node as `seq hash`, in seq order. */
export async function hubLog(hub: Hub, partnerId: string): Promise<string[]> {
  const result = await hub.db.$client.execute({
    sql: `SELECT e.seq, e.hash FROM entries e JOIN nodes n ON n.id = e.node_id
          WHERE n.partner_id = ? AND e.seq IS NOT NULL ORDER BY e.seq, e.hub_seq`,
    args: [partnerId],
  });
  return result.rows.map((row) => `${row.seq} ${row.hash}`);
}

/** Every item of one of the node's paged lists, following `nextCursor` to the end. */
async function allItems<T>(node: SoakNode, path: string): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const query = `?limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const page = (await (await node.api('GET', `${path}${query}`)).json()) as {
      items: T[];
      nextCursor: string | null;
    };
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

/** What the node shows as live: services, and write-ups submitted (not drafts or withdrawn). */
export async function nodeLiveState(node: SoakNode): Promise<string[]> {
  const services = await allItems<{ data: { id: string; name: string } }>(node, '/api/services');
  const innovations = await allItems<{ data: { id: string; title: string; status: string } }>(
    node,
    '/api/innovations',
  );
  return [
    ...services.map(({ data }) => `service ${data.id} ${data.name}`),
    ...innovations
      .filter(({ data }) => data.status === 'submitted')
      .map(({ data }) => `innovation ${data.id} ${data.title}`),
  ].sort();
}

/** What the hub's search index holds for one partner, in the same shape. */
export async function hubIndexState(hub: Hub, partnerId: string): Promise<string[]> {
  const db = hub.db.$client;
  const services = await db.execute({
    sql: 'SELECT record_id, name FROM services WHERE partner_id = ?',
    args: [partnerId],
  });
  const innovations = await db.execute({
    sql: 'SELECT record_id, title FROM innovations WHERE partner_id = ?',
    args: [partnerId],
  });
  return [
    ...services.rows.map((row) => `service ${row.record_id} ${row.name}`),
    ...innovations.rows.map((row) => `innovation ${row.record_id} ${row.title}`),
  ].sort();
}

/** The node rows the status page is built from: cursor, head, last error. */
export async function hubNodeRows(hub: Hub) {
  const result = await hub.db.$client.execute(
    'SELECT partner_id, cursor_seq, head_seq, health, last_error_code, chain FROM nodes',
  );
  return result.rows.map((row) => ({
    partnerId: String(row.partner_id),
    cursorSeq: Number(row.cursor_seq),
    headSeq: Number(row.head_seq),
    health: String(row.health),
    lastErrorCode: row.last_error_code === null ? null : String(row.last_error_code),
    activeKids: (
      JSON.parse(String(row.chain)) as { keys: { keys: { kid: string; status: string }[] } }
    ).keys.keys
      .filter((key) => key.status === 'active')
      .map((key) => key.kid),
  }));
}
