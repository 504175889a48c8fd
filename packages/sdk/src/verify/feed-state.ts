import { GENESIS_HASH } from '@promise-global/schema';
import type { PinnedKeys } from './pinned-keys.js';

/**
 * What a verifier knows about one node's feed (§7.3): its URL and partner id (the namespace), its
 * pinned keys, and the last verified position of its chain. Never mutated: the verifier returns a
 * new state, and returns none after a failure.
 */
export interface FeedState {
  readonly iss: string;
  readonly partnerId?: string;
  readonly keys: PinnedKeys;
  /** Seq of the last verified record, 0 before the first. */
  readonly seq: number;
  /** `recordHash` of the last verified record, `GENESIS_HASH` before the first. */
  readonly hash: string;
  /** `iat` of the last accepted head, 0 before the first; older heads are replays. */
  readonly headIat: number;
}

/**
 * The state of a node nothing has been read from yet: backfill starts at `after=0` (§7.1).
 *
 * @example
 * let state = initialFeedState({ iss: nodeUrl, partnerId: 'cpft', keys: pinned });
 */
export function initialFeedState(node: {
  iss: string;
  keys: PinnedKeys;
  partnerId?: string;
}): FeedState {
  return {
    iss: node.iss,
    ...(node.partnerId === undefined ? {} : { partnerId: node.partnerId }),
    keys: node.keys,
    seq: 0,
    hash: GENESIS_HASH,
    headIat: 0,
  };
}
