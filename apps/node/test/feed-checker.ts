import { PublicJwkSet } from '@promise-global/schema';
import {
  type FeedState,
  initialFeedState,
  pinKeys,
  type VerifiedRecord,
  verifyFeedPage,
} from '@promise-global/sdk/verify';

type Fetcher = (path: string) => Promise<Response>;

/**
 * Follows a node's feed the way a hub does: pins the node's keys, then verifies every page
 * against the state so far with the SDK. `next()` returns only records new since the last call.
 */
export async function followFeed(fetcher: Fetcher, iss: string, partnerId: string) {
  const jwks = PublicJwkSet.parse(await (await fetcher('/.well-known/jwks.json')).json());
  let state: FeedState = initialFeedState({ iss, partnerId, keys: await pinKeys(jwks) });
  return {
    get state() {
      return state;
    },
    async next(limit = 100): Promise<VerifiedRecord[]> {
      const records: VerifiedRecord[] = [];
      for (;;) {
        const response = await fetcher(`/feed?after=${state.seq}&limit=${limit}`);
        const verified = await verifyFeedPage(state, await response.json());
        state = verified.state;
        records.push(...verified.records);
        if (verified.records.length === 0 || state.seq >= verified.head.seq) return records;
      }
    },
  };
}
