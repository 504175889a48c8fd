import { FeedHead, JWS_TYP } from '@promise-global/schema';
import { ProtocolError } from '../errors.js';
import { parseClaimsWith } from '../internal/claims.js';
import { LIMITS } from '../limits.js';
import type { PinnedKeys } from './pinned-keys.js';
import { type VerifyTimeOptions, verifyToken } from './verify-token.js';

/** Options of {@link verifyHead}. */
export interface VerifyHeadOptions extends VerifyTimeOptions {
  /** The node's pinned keys. */
  keys: PinnedKeys;
  /** The node's URL, which must be the head's `iss`. */
  iss: string;
}

/**
 * Verifies a signed feed head (§7.2) on its own: header profile, pinned active key, signature,
 * required `iat`/`exp` within the head lifetime, and `iss`. Chain position is checked by
 * {@link verifyFeedPage}.
 *
 * @example
 * const head = await verifyHead(page.head, { keys: pinned, iss: nodeUrl });
 * if (head.seq > state.seq) { ... more to fetch ... }
 */
export async function verifyHead(jws: unknown, options: VerifyHeadOptions): Promise<FeedHead> {
  const { claims } = await verifyToken(jws, options.keys, {
    typ: JWS_TYP.head,
    what: 'head',
    maxLifetime: LIMITS.maxLifetimeSeconds.head,
    now: options.now,
  });
  const head = parseClaimsWith(FeedHead, claims, 'head');
  if (head.iss !== options.iss)
    throw new ProtocolError('ISS_MISMATCH', `head iss ${head.iss} is not ${options.iss}`);
  return head;
}
