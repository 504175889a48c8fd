import { GENESIS_HASH } from '@promise-global/schema';
import { sha256Base64url } from '../internal/sha256.js';

/** One entry of a hub's aggregate feed (§14.2): a record JWS exactly as its node served it, or a removal. */
export type AggregateItem =
  | { hubSeq: number; node: string; jws: string }
  | { hubSeq: number; node: string; removed: { type: string; id: string; rev: number } };

/**
 * How an aggregate head's `hash` is computed (§14.2). `item-lines` (protocol 1.1, the head's
 * `digestAlg` claim) hashes one text line per item built from values, never from JSON text;
 * `json-items` (protocol 1.0, no `digestAlg` claim) hashed ECMAScript's `JSON.stringify(items)`.
 */
export type AggregateDigestAlg = 'item-lines' | 'json-items';

/** The digest algorithm a protocol 1.1 hub signs and asks for (`GET /hub/feed?digest=item-lines`). */
export const AGGREGATE_DIGEST_ALG = 'item-lines' satisfies AggregateDigestAlg;

/**
 * The line of one item in the `item-lines` digest (§14.2): `hubSeq node recordHash(jws)` for a
 * record, `hubSeq node removed type id rev` for a removal; integers in decimal, fields separated
 * by one space, each line ended by a line feed. The record's hash (§5.1) is over the JWS as
 * served, so nothing is re-serialised.
 */
export function aggregateItemLine(item: AggregateItem): string {
  return 'jws' in item
    ? `${item.hubSeq} ${item.node} ${sha256Base64url(item.jws)}\n`
    : `${item.hubSeq} ${item.node} removed ${item.removed.type} ${item.removed.id} ${item.removed.rev}\n`;
}

/**
 * The digest an aggregate head signs (§14.2): `GENESIS_HASH` for no items, otherwise
 * base64url(SHA-256) of the items' lines (`item-lines`) or, for a protocol 1.0 upstream, of
 * `JSON.stringify(items)` (`json-items`, kept for the transition only).
 *
 * @example
 * const hash = aggregateDigest(items); // what a 1.1 hub signs in its head, with digestAlg
 */
export function aggregateDigest(
  items: readonly AggregateItem[],
  alg: AggregateDigestAlg = AGGREGATE_DIGEST_ALG,
): string {
  if (items.length === 0) return GENESIS_HASH;
  if (alg === 'json-items') return sha256Base64url(lowBytes(JSON.stringify(items)));
  return sha256Base64url(items.map(aggregateItemLine).join(''));
}

/**
 * Protocol 1.0 hashed each UTF-16 unit's low byte (Node's `latin1`); its items are ASCII (JWS,
 * serialised URLs, ids), where that equals the text's bytes.
 */
function lowBytes(text: string): string {
  let bytes = '';
  for (let index = 0; index < text.length; index++)
    bytes += String.fromCharCode(text.charCodeAt(index) & 0xff);
  return bytes;
}
