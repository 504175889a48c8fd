import { JWS_TYP, PROTOCOL_ID, SCHEMA_VERSION } from '@promise-global/schema';
import type { SigningKey } from '../../src/keys/index.js';
import type { PinnedKeys } from '../../src/verify/index.js';
import type { VectorContext } from './context.js';
import { positionAfter } from './feed.js';
import { HUB, NODE_A, NODE_B, NOW, partnerA } from './fixtures.js';
import { rawJws } from './raw-jws.js';
import { type Expectation, fails, type Vector } from './types.js';

type Claims = Record<string, unknown>;

function tokenOf(typ: string, key: SigningKey, claims: Claims, header: Claims = {}): string {
  return rawJws({ alg: 'EdDSA', kid: key.kid, typ, ...header }, claims, key);
}

/** Head vectors (§7.2, §11.2): times, issuer and key status. */
export function headVectors(ctx: VectorContext): Vector[] {
  const a = ctx.keys.nodeA;
  const position = positionAfter(ctx.records, ctx.records.length);
  const claims = { iss: NODE_A, iat: NOW, exp: NOW + 120, ...position };
  const head = (c: Claims, key = a, typ: string = JWS_TYP.head) => tokenOf(typ, key, c);
  const vector = (
    id: string,
    description: string,
    jws: string,
    expect: Expectation,
    keys = ctx.pinnedA,
  ) =>
    ({
      id: `head/${id}`,
      kind: 'head',
      section: '§7.2',
      description,
      input: { jws, now: NOW, keys, iss: NODE_A },
      expect,
    }) as Vector;
  const retired: PinnedKeys = {
    keys: ctx.pinnedA.keys.map((key) => ({ ...key, status: 'retired' as const })),
  };
  return [
    vector('valid', 'a head issued now, valid two minutes', ctx.head, {
      valid: true,
      result: position,
    }),
    vector(
      'expired',
      'issued ten minutes ago, expired eight minutes ago',
      head({ ...claims, iat: NOW - 600, exp: NOW - 480 }),
      fails('EXPIRED'),
    ),
    vector(
      'not-yet-valid',
      'issued ten minutes in the future',
      head({ ...claims, iat: NOW + 600, exp: NOW + 720 }),
      fails('NOT_YET_VALID'),
    ),
    vector(
      'far-future',
      'valid for a year',
      head({ ...claims, exp: NOW + 365 * 86_400 }),
      fails('EXP_TOO_FAR'),
    ),
    vector('exp-missing', 'no exp', head({ ...claims, exp: undefined }), fails('EXP_MISSING')),
    vector(
      'wrong-iss',
      "node B's URL as iss, signed by node A",
      head({ ...claims, iss: NODE_B }),
      fails('ISS_MISMATCH'),
    ),
    vector(
      'record-typ',
      'a head typed as a record',
      head(claims, a, JWS_TYP.record),
      fails('TYP_MISMATCH'),
    ),
    vector('retired-key', 'signed with a retired key', ctx.head, fails('KEY_RETIRED'), retired),
  ];
}

/** Descriptor vectors (§2.2, §9): first contact, rotation, pre-committed next key, revocation. */
export function descriptorVectors(ctx: VectorContext): Vector[] {
  const { nodeA: a, nodeANext: next, nodeAThird: third, attacker } = ctx.keys;
  const base = {
    iss: NODE_A,
    sub: NODE_A,
    iat: NOW,
    exp: NOW + 7 * 86_400,
    protocol: PROTOCOL_ID,
    name: partnerA.name,
    partner: partnerA,
    jwks: { keys: [a.publicJwk] },
    nextKid: next.kid,
    revocations: [] as unknown[],
    schemaVersion: SCHEMA_VERSION,
    feedUrl: `${NODE_A}/feed`,
  };
  const descriptor = (key: SigningKey, c: Claims = {}, header: Claims = {}) =>
    tokenOf(JWS_TYP.descriptor, key, { ...base, ...c }, header);
  const vector = (
    id: string,
    description: string,
    jws: string,
    expect: Expectation,
    keys?: PinnedKeys,
  ) =>
    ({
      id: `descriptor/${id}`,
      kind: 'descriptor',
      section: '§9',
      description,
      input: { jws, now: NOW, url: NODE_A, ...(keys ? { keys } : {}) },
      expect,
    }) as Vector;
  const pinned = (
    key: SigningKey,
    status: 'active' | 'retired' = 'active',
    revokedFromSeq?: number,
  ) => ({
    kid: key.kid,
    publicJwk: key.publicJwk,
    status,
    ...(revokedFromSeq === undefined ? {} : { revokedFromSeq }),
  });
  return [
    vector('first-contact', 'enrolment: self-signed by the key it lists', descriptor(a), {
      valid: true,
      result: {
        keys: { keys: [pinned(a)], nextKid: next.kid, descriptorIat: NOW },
        rotated: false,
      },
    }),
    vector(
      'rotate-by-current-key',
      'key A announces key A3 and retires itself',
      descriptor(a, { jwks: { keys: [third.publicJwk] } }),
      {
        valid: true,
        result: {
          keys: {
            keys: [pinned(third), pinned(a, 'retired')],
            nextKid: next.kid,
            descriptorIat: NOW,
          },
          rotated: true,
        },
      },
      ctx.pinnedA,
    ),
    vector(
      'rotate-by-next-key',
      'the pre-committed next key takes over and revokes key A from seq 5',
      descriptor(next, {
        jwks: { keys: [next.publicJwk] },
        nextKid: third.kid,
        revocations: [{ kid: a.kid, fromSeq: 5 }],
      }),
      {
        valid: true,
        result: {
          keys: {
            keys: [pinned(next), pinned(a, 'retired', 5)],
            nextKid: third.kid,
            descriptorIat: NOW,
          },
          rotated: true,
        },
      },
      ctx.pinnedA,
    ),
    vector(
      'self-signed-new-key',
      'a key neither pinned nor pre-committed announces itself',
      descriptor(third, { jwks: { keys: [third.publicJwk] } }),
      fails('KEY_ROTATION_UNAUTHORISED'),
      ctx.pinnedA,
    ),
    vector(
      'sub-differs',
      'iss and sub differ',
      descriptor(a, { sub: NODE_B }),
      fails('SUB_MISMATCH'),
    ),
    vector(
      'other-url',
      "node B's descriptor served for node A's URL",
      descriptor(a, { iss: NODE_B, sub: NODE_B }),
      fails('ISS_MISMATCH'),
    ),
    vector(
      'replayed',
      'older than the descriptor already applied',
      descriptor(a, { iat: NOW - 3600 }),
      fails('DESCRIPTOR_REPLAYED'),
      { ...ctx.pinnedA, descriptorIat: NOW },
    ),
    vector(
      'kid-not-thumbprint',
      "a key listed under someone else's kid",
      descriptor(
        a,
        { jwks: { keys: [{ ...a.publicJwk, kid: attacker.kid }] } },
        { kid: attacker.kid },
      ),
      fails('KEY_INVALID'),
    ),
    vector(
      'revoked-signer',
      'signed by a key revoked earlier',
      descriptor(a),
      fails('KEY_REVOKED'),
      { keys: [pinned(a, 'active', 1)] },
    ),
  ];
}

/** Membership vectors (§3.2). */
export function membershipVectors(ctx: VectorContext): Vector[] {
  const { hub, nodeA } = ctx.keys;
  const claims = {
    iss: HUB,
    sub: NODE_A,
    iat: NOW,
    exp: NOW + 365 * 86_400,
    partnerId: partnerA.id,
    jwks: { keys: [nodeA.publicJwk] },
  };
  const statement = (c: Claims = {}, key = hub) =>
    tokenOf(JWS_TYP.membership, key, { ...claims, ...c });
  const vector = (id: string, description: string, jws: string, expect: Expectation) =>
    ({
      id: `membership/${id}`,
      kind: 'membership',
      section: '§3.2',
      description,
      input: { jws, now: NOW, hubKeys: ctx.pinnedHub, hub: HUB, sub: NODE_A },
      expect,
    }) as Vector;
  return [
    vector('valid', 'the hub vouches for node A', statement(), {
      valid: true,
      result: { sub: NODE_A, partnerId: partnerA.id },
    }),
    vector(
      'signed-by-node',
      'node A vouching for itself',
      statement({}, nodeA),
      fails('UNKNOWN_KID'),
    ),
    vector(
      'other-node',
      'a statement about node B',
      statement({ sub: NODE_B }),
      fails('SUB_MISMATCH'),
    ),
    vector(
      'other-hub',
      'issued in the name of another hub',
      statement({ iss: NODE_B }),
      fails('ISS_MISMATCH'),
    ),
    vector(
      'expired',
      'expired yesterday',
      statement({ iat: NOW - 366 * 86_400, exp: NOW - 86_400 }),
      fails('EXPIRED'),
    ),
    vector(
      'with-retired-and-revoked',
      'a statement carrying a retired key and a revocation (§14.5) verifies',
      statement({
        retiredJwks: { keys: [ctx.keys.nodeANext.publicJwk] },
        revocations: [{ kid: ctx.keys.nodeANext.kid, fromSeq: 4 }],
      }),
      { valid: true, result: { sub: NODE_A, partnerId: partnerA.id } },
    ),
    vector(
      'lifetime-too-long',
      'valid for 401 days, over the 400-day maximum',
      statement({ exp: NOW + 401 * 86_400 }),
      fails('EXP_TOO_FAR'),
    ),
    vector(
      'partner-id-not-a-slug',
      'a partnerId that is not a slug (§1.2)',
      statement({ partnerId: 'Example A' }),
      fails('CLAIMS_INVALID'),
    ),
    vector(
      'typ-of-a-head',
      'a statement typed as a feed head',
      tokenOf(JWS_TYP.head, hub, claims),
      fails('TYP_MISMATCH'),
    ),
  ];
}

/** Ping vectors (§8). */
export function pingVectors(ctx: VectorContext): Vector[] {
  const { nodeA, nodeB } = ctx.keys;
  const jti = 'cGluZy1vbmUtZml4ZWQtanRp';
  const claims = { iss: NODE_A, aud: HUB, iat: NOW, exp: NOW + 60, jti, seq: 6 };
  const ping = (c: Claims = {}, key = nodeA) => tokenOf(JWS_TYP.ping, key, { ...claims, ...c });
  const vector = (
    id: string,
    description: string,
    jws: string,
    expect: Expectation,
    seenJtis: string[] = [],
  ) =>
    ({
      id: `ping/${id}`,
      kind: 'ping',
      section: '§8',
      description,
      input: { jws, now: NOW, aud: HUB, keysByIss: { [NODE_A]: ctx.pinnedA }, seenJtis },
      expect,
    }) as Vector;
  return [
    vector('valid', 'node A pings the hub', ping(), { valid: true, result: { seq: 6, jti } }),
    vector('aud-missing', 'no aud', ping({ aud: undefined }), fails('AUD_MISSING')),
    vector('aud-other', 'addressed to another hub', ping({ aud: NODE_B }), fails('AUD_MISMATCH')),
    vector('replayed', 'a jti the hub has seen', ping(), fails('PING_REPLAYED'), [jti]),
    vector(
      'not-a-member',
      'a ping from a node the hub never enrolled',
      ping({ iss: NODE_B }, nodeB),
      fails('ISSUER_UNKNOWN'),
    ),
    vector('long-lived', 'valid for an hour', ping({ exp: NOW + 3600 }), fails('EXP_TOO_FAR')),
  ];
}
