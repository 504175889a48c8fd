import type { FeedHead } from '@promise-global/schema';
import { LIMITS, ProtocolError } from '@promise-global/sdk';
import { type PinnedKeys, verifyHead } from '@promise-global/sdk/verify';
import { z } from 'zod';
import { type AggregateItem, aggregateDigest } from '../rest/aggregate-feed.js';

const HubSeq = z.number().int().min(1);
const NodeUrl = z.string().min(1).max(2048);
const Item = z.union([
  z.object({ hubSeq: HubSeq, node: NodeUrl, jws: z.string().min(1) }).strict(),
  z
    .object({
      hubSeq: HubSeq,
      node: NodeUrl,
      removed: z
        .object({ type: z.string().min(1), id: z.string().min(1), rev: z.number().int().min(1) })
        .strict(),
    })
    .strict(),
]);
const Page = z.object({ items: z.array(z.unknown()), head: z.string() });

/** An aggregate feed page whose head, digest and hub seqs verified (records not yet). */
export interface VerifiedAggregatePage {
  items: AggregateItem[];
  head: FeedHead;
}

/**
 * Verifies a page of another hub's aggregate feed (`GET /hub/feed?after=`, docs/protocol.md §14):
 * shape and size, the head signed by the upstream's pinned key with `iss` = its URL, not older than
 * the last accepted head, `hash` = `aggregateDigest` of the items exactly as received, `seq` = the
 * last item's hub seq (an empty page's: the end of the log, `after`; below it is `ROLLBACK`), hub
 * seqs strictly increasing after `after`.
 */
export async function verifyAggregatePage(
  body: unknown,
  expected: { keys: PinnedKeys; iss: string; after: number; headIat: number; limit: number },
): Promise<VerifiedAggregatePage> {
  const page = Page.safeParse(body);
  if (!page.success)
    throw new ProtocolError('PAGE_INVALID', 'an aggregate page is { items: [], head: string }');
  const raw = page.data.items;
  if (raw.length > Math.min(expected.limit, LIMITS.maxPageRecords))
    throw new ProtocolError('PAGE_TOO_LARGE', `${raw.length} items, over ${expected.limit}`);
  const head = await verifyHead(page.data.head, { keys: expected.keys, iss: expected.iss });
  if (head.iat < expected.headIat)
    throw new ProtocolError('HEAD_REPLAYED', 'aggregate head is older than one already accepted');
  if (head.hash !== aggregateDigest(raw as AggregateItem[]))
    throw new ProtocolError('HEAD_MISMATCH', 'aggregate head hash is not the digest of the items');
  const items: AggregateItem[] = [];
  let last = expected.after;
  let bytes = 0;
  for (const candidate of raw) {
    const item = Item.safeParse(candidate);
    if (!item.success) throw new ProtocolError('PAGE_INVALID', 'an aggregate item is malformed');
    if (item.data.hubSeq <= last)
      throw new ProtocolError('PAGE_INVALID', `hub seq ${item.data.hubSeq} after ${last}`);
    last = item.data.hubSeq;
    if ('jws' in item.data) bytes += item.data.jws.length;
    items.push(item.data);
  }
  if (bytes > LIMITS.maxPageBytes)
    throw new ProtocolError('PAGE_TOO_LARGE', `${bytes} characters of records`);
  if (items.length === 0 && head.seq < expected.after)
    throw new ProtocolError(
      'ROLLBACK',
      `the upstream's log ends at hub seq ${head.seq}, before this hub's cursor ${expected.after}: it was reset`,
    );
  if (head.seq !== last)
    throw new ProtocolError('HEAD_MISMATCH', `aggregate head seq ${head.seq} is not ${last}`);
  return { items, head };
}
