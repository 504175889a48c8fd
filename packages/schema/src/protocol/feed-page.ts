import * as z from 'zod/mini';

/**
 * The body of `GET /feed?after=SEQ&limit=N` (§7.1): record JWSs in seq order and the signed head.
 * Sizes are bounded by the verifier (§11), not here.
 */
export const FeedPage = z.object({
  records: z.array(z.string()),
  head: z.string(),
});
export type FeedPage = z.infer<typeof FeedPage>;
