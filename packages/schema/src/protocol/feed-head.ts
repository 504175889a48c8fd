import * as z from 'zod/mini';
import { EntityUrl, NumericDate, Sha256Base64url } from './common.js';

/**
 * The claims of a signed feed head (§7.2): the node's latest seq and the hash of that record's JWS,
 * issued at `iat`, valid briefly until `exp`.
 */
export const FeedHead = z.object({
  iss: EntityUrl,
  iat: NumericDate,
  exp: NumericDate,
  seq: z.int().check(z.minimum(0), z.maximum(Number.MAX_SAFE_INTEGER)),
  hash: Sha256Base64url,
});
export type FeedHead = z.infer<typeof FeedHead>;

/** What a node passes to `signHead`; the signer fills `iat` and `exp` when absent (§7.2). */
export type FeedHeadInput = Omit<FeedHead, 'iat' | 'exp'> & { iat?: number; exp?: number };
