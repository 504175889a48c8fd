import { SCHEMA_VERSION } from '@promise-global/schema';
import { publicJwks } from '@promise-global/sdk/keys';
import { signDescriptor } from '@promise-global/sdk/sign';
import type { NodeContext } from '../context.js';
import { NodeError } from '../errors.js';
import { findPartner } from '../resources/partner.js';

/**
 * The node's self-signed descriptor (protocol §2.2), signed when the partner profile changes or
 * half its lifetime has passed or the key rotated, and cached in between. It commits the next key
 * (`nextKid`) and lists the retired keys and revocations (§9).
 */
export function createDescriptorCache(ctx: NodeContext) {
  let cached: { profileRev: number; kid: string; jws: string; refreshAt: number } | undefined;

  return async function currentDescriptor(): Promise<string> {
    const profile = await ctx.database.read((db) => findPartner(db, ctx.config.partnerId));
    if (!profile) {
      throw new NodeError(
        503,
        'PARTNER_PROFILE_MISSING',
        'The node has no partner profile yet: PUT /api/partner or set `partner` in the config',
      );
    }
    const profileRev = profile.rev;
    const { current, nextKid, retired, revocations } = ctx.keyRing;
    if (
      cached &&
      cached.profileRev === profileRev &&
      cached.kid === current.kid &&
      Date.now() < cached.refreshAt
    ) {
      return cached.jws;
    }
    const url = ctx.signer.iss();
    const iat = Math.floor(Date.now() / 1000);
    const ttl = ctx.config.descriptorTtlSeconds;
    const jws = await signDescriptor(current, {
      iss: url,
      sub: url,
      iat,
      exp: iat + ttl,
      name: profile.data.name,
      partner: profile.data,
      jwks: publicJwks([current]),
      ...(retired.length ? { retiredJwks: { keys: retired } } : {}),
      nextKid,
      revocations,
      schemaVersion: SCHEMA_VERSION,
      feedUrl: `${url}/feed`,
    });
    cached = { profileRev, kid: current.kid, jws, refreshAt: (iat + ttl / 2) * 1000 };
    return jws;
  };
}
