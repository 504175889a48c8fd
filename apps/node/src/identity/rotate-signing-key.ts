import { MAX_RETIRED_KEYS, PublicEd25519Jwk } from '@promise-global/schema';
import { generateSigningKey, type SigningKey } from '@promise-global/sdk/keys';
import type { NodeContext } from '../context.js';
import { NodeError } from '../errors.js';
import { latestRecord } from '../feed/append-record.js';
import { saveKeyRing } from './key-ring.js';

export interface RotateOptions {
  /**
   * Revoke the outgoing key (protocol §9.4) from this seq: records it signed at or after it become
   * invalid. `'next'` revokes from the next record, keeping the whole published log valid.
   */
  revokeFromSeq?: number | 'next';
  /** The next key brought back from where `key export-next` put it, when it is off the server. */
  nextKey?: SigningKey;
}

export interface Rotation {
  retiredKid: string;
  kid: string;
  nextKid: string;
  revokedFromSeq?: number;
}

/**
 * Rotates the node's signing key (protocol §9.2): the pre-committed next key becomes the current
 * key and a fresh next key is committed. The descriptor, head and pings are signed with the new
 * key from now on; verifiers accept the new descriptor because its signer is the `nextKid` they
 * pinned. Records already in the log keep their signatures (the retired key still verifies them).
 */
export async function rotateSigningKey(
  ctx: NodeContext,
  options: RotateOptions = {},
): Promise<Rotation> {
  const ring = ctx.keyRing;
  const retired = ring.current;
  const incoming = options.nextKey ?? ring.next;
  if (!incoming) {
    throw new NodeError(
      400,
      'NEXT_KEY_OFFLINE',
      `The next key (kid ${ring.nextKid}) was exported off this server: pass its file with --next-key`,
    );
  }
  if (incoming.kid !== ring.nextKid) {
    throw new NodeError(
      400,
      'NEXT_KEY_MISMATCH',
      `That key (kid ${incoming.kid}) is not the committed next key (kid ${ring.nextKid}); nothing was changed`,
    );
  }
  let revokedFromSeq: number | undefined;
  if (options.revokeFromSeq !== undefined) {
    const head = (await ctx.database.read((db) => latestRecord(db)))?.seq ?? 0;
    revokedFromSeq = options.revokeFromSeq === 'next' ? head + 1 : options.revokeFromSeq;
    if (!Number.isSafeInteger(revokedFromSeq) || revokedFromSeq < 1) {
      throw new NodeError(400, 'VALIDATION_FAILED', 'revokeFromSeq must be a seq of 1 or more');
    }
  }
  const next = await generateSigningKey();
  const revocations =
    revokedFromSeq === undefined
      ? ring.revocations
      : [
          ...ring.revocations.filter((entry) => entry.kid !== retired.kid),
          { kid: retired.kid, fromSeq: revokedFromSeq },
        ];
  // The outgoing key keeps verifying the records it signed, for verifiers that pin it later.
  const retiredKeys = [...ring.retired, PublicEd25519Jwk.parse(retired.publicJwk)].slice(
    -MAX_RETIRED_KEYS,
  );
  const rotated = {
    ...ring,
    current: incoming,
    next,
    nextKid: next.kid,
    retired: retiredKeys,
    revocations,
  };
  await saveKeyRing(rotated);
  Object.assign(ring, rotated);
  ctx.log.info({ retiredKid: retired.kid, kid: ring.current.kid }, 'rotated the signing key');
  return {
    retiredKid: retired.kid,
    kid: ring.current.kid,
    nextKid: ring.nextKid,
    ...(revokedFromSeq === undefined ? {} : { revokedFromSeq }),
  };
}
