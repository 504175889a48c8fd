import * as z from 'zod/mini';
import { EntityUrl, NumericDate, Sha256Base64url } from './common.js';

/**
 * The claims of a signed feed head (§7.2): the node's latest seq and the hash of that record's JWS,
 * issued at `iat`, valid briefly until `exp`. A hub's aggregate head (§14.2) has the same claims
 * plus `digestAlg`.
 */
export const FeedHead = z.object({
  iss: EntityUrl,
  iat: NumericDate,
  exp: NumericDate,
  seq: z.int().check(z.minimum(0), z.maximum(Number.MAX_SAFE_INTEGER)),
  hash: Sha256Base64url,
  /**
   * Only in a hub's aggregate head (§14.2, protocol 1.1): how `hash` digests the page's items.
   * Absent in node heads and in the aggregate heads of protocol 1.0 hubs.
   */
  digestAlg: z.optional(z.string().check(z.regex(/^[a-z0-9-]{1,32}$/))),
});
export type FeedHead = z.infer<typeof FeedHead>;

/** What a node passes to `signHead`; the signer fills `iat` and `exp` when absent (§7.2). */
export type FeedHeadInput = Omit<FeedHead, 'iat' | 'exp'> & { iat?: number; exp?: number };
