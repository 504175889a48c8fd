import type { FeedHead } from '@promise-global/schema';
import { ProtocolError } from '../errors.js';
import { LIMITS } from '../limits.js';
import {
  AGGREGATE_DIGEST_ALG,
  type AggregateDigestAlg,
  type AggregateItem,
  aggregateDigest,
} from './aggregate-digest.js';
import type { PinnedKeys } from './pinned-keys.js';
import { verifyHead } from './verify-head.js';

/** Options of {@link verifyAggregatePage}. */
export interface VerifyAggregatePageOptions {
  /** The upstream hub's pinned keys (§14.1). */
  keys: PinnedKeys;
  /** The upstream hub's URL: the head's `iss`. */
  iss: string;
  /** The cursor the page was fetched with (`after=`). */
  after: number;
  /** `iat` of the last aggregate head accepted from this upstream, 0 before the first. */
  headIat: number;
  /** The `limit=` the page was fetched with (at most 1000). */
  limit: number;
  now?: Date;
  /**
   * Accept a protocol 1.0 head (no `digestAlg`, digest over `JSON.stringify(items)`) during the
   * transition (§15). Default true; false refuses it with `DIGEST_UNSUPPORTED`.
   */
  acceptLegacyDigest?: boolean;
}

/** An aggregate page whose shape, head, digest and hub seqs verified (its records not yet). */
export interface VerifiedAggregatePage {
  items: AggregateItem[];
  head: FeedHead;
  /** The digest the head used: `item-lines` (1.1) or `json-items` (a 1.0 upstream). */
  digestAlg: AggregateDigestAlg;
}

const TOKEN = /^[\x21-\x7e]{1,2048}$/;
const RECORD_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
const isHubSeq = (value: unknown): value is number =>
  Number.isSafeInteger(value) && (value as number) >= 1;
const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const hasExactly = (value: Record<string, unknown>, keys: readonly string[]) =>
  Object.keys(value).length === keys.length && keys.every((key) => Object.hasOwn(value, key));

/** §14.3 step 2: one item's shape — exactly one of the two forms, no other members. */
function parseItem(value: unknown): AggregateItem | undefined {
  if (!isObject(value) || !isHubSeq(value.hubSeq)) return undefined;
  if (typeof value.node !== 'string' || !TOKEN.test(value.node)) return undefined;
  const { hubSeq, node } = value;
  if (hasExactly(value, ['hubSeq', 'node', 'jws'])) {
    return typeof value.jws === 'string' && value.jws.length > 0
      ? { hubSeq, node, jws: value.jws }
      : undefined;
  }
  if (!hasExactly(value, ['hubSeq', 'node', 'removed']) || !isObject(value.removed))
    return undefined;
  const { removed } = value;
  if (!hasExactly(removed, ['type', 'id', 'rev'])) return undefined;
  if (typeof removed.type !== 'string' || !/^[\x21-\x7e]{1,64}$/.test(removed.type))
    return undefined;
  if (typeof removed.id !== 'string' || !RECORD_ID.test(removed.id) || !isHubSeq(removed.rev))
    return undefined;
  return { hubSeq, node, removed: { type: removed.type, id: removed.id, rev: removed.rev } };
}

/** §14.3 steps 1–2: the body and its items, in the order and with the codes the spec numbers. */
function parsePage(body: unknown, options: VerifyAggregatePageOptions) {
  if (!isObject(body) || !Array.isArray(body.items) || typeof body.head !== 'string')
    throw new ProtocolError('PAGE_INVALID', 'an aggregate page is { items: [], head: string }');
  const limit = Math.min(options.limit, LIMITS.maxPageRecords);
  if (body.items.length > limit)
    throw new ProtocolError('PAGE_TOO_LARGE', `${body.items.length} items, over ${limit}`);
  const items: AggregateItem[] = [];
  let last = options.after;
  let characters = 0;
  for (const candidate of body.items) {
    const item = parseItem(candidate);
    if (!item) throw new ProtocolError('PAGE_INVALID', 'an aggregate item is malformed');
    if (item.hubSeq <= last)
      throw new ProtocolError('PAGE_INVALID', `hub seq ${item.hubSeq} after ${last}`);
    last = item.hubSeq;
    if ('jws' in item) characters += item.jws.length;
    items.push(item);
  }
  if (characters > LIMITS.maxPageBytes)
    throw new ProtocolError('PAGE_TOO_LARGE', `${characters} characters of records`);
  return { items, head: body.head, last };
}

function digestAlgOf(head: FeedHead, options: VerifyAggregatePageOptions): AggregateDigestAlg {
  if (head.digestAlg === AGGREGATE_DIGEST_ALG) return AGGREGATE_DIGEST_ALG;
  if (head.digestAlg === undefined && options.acceptLegacyDigest !== false) return 'json-items';
  throw new ProtocolError(
    'DIGEST_UNSUPPORTED',
    `aggregate head digestAlg ${head.digestAlg ?? '(none: protocol 1.0)'} is not accepted`,
  );
}

/**
 * Verifies a page of a hub's aggregate feed (`GET /hub/feed?after=&limit=&digest=item-lines`,
 * docs/protocol.md §14.3 steps 1–4): shape and bounds, the head signed by the upstream's pinned
 * active key with `iss` = its URL, not older than the last accepted head, its `hash` = the digest
 * of the items as received (`digestAlg`), and `seq` = the last item's hub seq (an empty page's:
 * the cursor; below it is `ROLLBACK`). The records themselves are checked next, against the
 * membership statements (see {@link verifyRelayedItems}).
 *
 * @example
 * const page = await verifyAggregatePage(body, { keys, iss: upstreamUrl, after, headIat, limit: 500 });
 */
export async function verifyAggregatePage(
  body: unknown,
  options: VerifyAggregatePageOptions,
): Promise<VerifiedAggregatePage> {
  const { items, head: headJws, last } = parsePage(body, options);
  const head = await verifyHead(headJws, {
    keys: options.keys,
    iss: options.iss,
    now: options.now,
  });
  if (head.iat < options.headIat)
    throw new ProtocolError('HEAD_REPLAYED', 'aggregate head is older than one already accepted');
  const digestAlg = digestAlgOf(head, options);
  if (head.hash !== aggregateDigest(items, digestAlg))
    throw new ProtocolError('HEAD_MISMATCH', 'aggregate head hash is not the digest of the items');
  if (items.length === 0 && head.seq < options.after) {
    throw new ProtocolError(
      'ROLLBACK',
      `the upstream's log ends at hub seq ${head.seq}, before the cursor ${options.after}: it was reset`,
    );
  }
  if (head.seq !== last)
    throw new ProtocolError('HEAD_MISMATCH', `aggregate head seq ${head.seq} is not ${last}`);
  return { items, head, digestAlg };
}
