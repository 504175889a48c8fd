import type { Vector } from '../scripts/vectors/types.js';
import * as sourceVerify from '../src/verify/index.js';

/** The verify API under test: the sources, or the browser bundle loaded as a module. */
export type VerifyApi = typeof sourceVerify;

export type Outcome =
  | { valid: true; result: Record<string, unknown> }
  | { valid: false; error: string };

async function run(vector: Vector, api: VerifyApi): Promise<Record<string, unknown>> {
  const {
    verifyDescriptor,
    verifyFeedPage,
    verifyHead,
    verifyMembership,
    verifyPing,
    verifyRecord,
    revisionBook,
    verifyAggregatePage,
    verifyRelayedItems,
  } = api;
  const now = new Date(vector.input.now * 1000);
  switch (vector.kind) {
    case 'record': {
      const { jws, keys, iss, partnerId, networkKids } = vector.input;
      const record = await verifyRecord(jws, {
        keys,
        iss,
        partnerId,
        now,
        ...(networkKids ? { networkKids: new Map(Object.entries(networkKids)) } : {}),
      });
      const { seq, type, id } = record.payload;
      return { seq, hash: record.hash, type, id, quarantined: record.quarantined };
    }
    case 'page': {
      const { revisions, limit } = vector.input;
      const { state, records } = await verifyFeedPage(vector.input.state, vector.input.page, {
        now,
        ...(limit === undefined ? {} : { limit }),
        ...(revisions ? { revisions: revisionBook(revisions) } : {}),
      });
      return { state, seqs: records.map((record) => record.payload.seq) };
    }
    case 'head': {
      const { seq, hash } = await verifyHead(vector.input.jws, { ...vector.input, now });
      return { seq, hash };
    }
    case 'descriptor': {
      const { jws, url, keys } = vector.input;
      const { keys: pinned, rotated } = await verifyDescriptor(jws, {
        url,
        now,
        ...(keys ? { keys } : {}),
      });
      return { keys: pinned, rotated };
    }
    case 'membership': {
      const { sub, partnerId } = await verifyMembership(vector.input.jws, { ...vector.input, now });
      return { sub, partnerId };
    }
    case 'ping': {
      const { jws, aud, keysByIss, seenJtis } = vector.input;
      const byIss = new Map(Object.entries(keysByIss));
      const { seq, jti } = await verifyPing(jws, {
        keys: (iss) => byIss.get(iss),
        aud,
        now,
        replay: new Set(seenJtis),
      });
      return { seq, jti };
    }
    case 'aggregate': {
      const { page: body, hubKeys, hub, after, headIat, limit, memberships } = vector.input;
      const page = await verifyAggregatePage(body, {
        keys: hubKeys,
        iss: hub,
        after,
        headIat,
        limit,
        now,
        ...(vector.input.acceptLegacyDigest === false ? { acceptLegacyDigest: false } : {}),
      });
      const relayed = await verifyRelayedItems(page, {
        hubKeys,
        hub,
        memberships: new Map(Object.entries(memberships)),
        now,
      });
      return {
        digestAlg: page.digestAlg,
        cursor: page.head.seq,
        headIat: page.head.iat,
        records: relayed.records.map(({ hubSeq, node, record }) => ({
          hubSeq,
          node,
          seq: record.payload.seq,
          hash: record.hash,
        })),
        removals: relayed.removals.map((item) => item.hubSeq),
        skipped: relayed.skipped,
      };
    }
  }
}

/** Runs one conformance vector through the SDK, as any implementation's runner would (§13). */
export async function runVector(vector: Vector, api: VerifyApi = sourceVerify): Promise<Outcome> {
  try {
    return { valid: true, result: await run(vector, api) };
  } catch (error) {
    if (api.isProtocolError(error)) return { valid: false, error: error.code };
    throw error;
  }
}
