import { JWS_TYP, PROTOCOL_ID, SCHEMA_VERSION } from '@promise-global/schema';
import type { SigningKey } from '../../src/keys/index.js';
import { recordHash } from '../../src/sign/index.js';
import type { VectorContext } from './context.js';
import { positionAfter, stateAt } from './feed.js';
import { HUB, NODE_A, NODE_B, NOW, partnerA } from './fixtures.js';
import { claimsOf, type RawSigner, rawJws } from './raw-jws.js';
import { type Expectation, fails, type Vector } from './types.js';

type Claims = Record<string, unknown>;

/** A signature of the right length (64 octets) that verifies under no key. */
const BAD_SIGNATURE: RawSigner = { signature: 'A'.repeat(86) };

/**
 * Protocol 1.1 clarifications (§1.2, §2.2, §7.1) and the check order of §10.7: where two checks
 * fail at once, the vector pins the code of the one that comes first.
 */
export function orderVectors(ctx: VectorContext): Vector[] {
  const { nodeA: a, hub } = ctx.keys;
  const sign = (typ: string, key: SigningKey, claims: Claims | string, signer: RawSigner = key) =>
    rawJws({ alg: 'EdDSA', kid: key.kid, typ }, claims, signer);
  const service = claimsOf(ctx.records[2] ?? '');
  const serviceData = service.data as Claims;
  const record = (
    id: string,
    section: string,
    description: string,
    jws: string,
    expect: Expectation,
    keys = ctx.pinnedA,
  ) =>
    ({
      id: `record/${id}`,
      kind: 'record',
      section,
      description,
      input: { jws, now: NOW, keys, iss: NODE_A, partnerId: partnerA.id },
      expect,
    }) as Vector;
  const lowerCase = sign(JWS_TYP.record, a, {
    ...service,
    updatedAt: '2026-11-01t11:00:00z',
    data: { ...serviceData, updatedAt: '2026-11-01t11:00:00z' },
  });
  const descriptorClaims = {
    iss: NODE_A,
    sub: NODE_A,
    iat: NOW,
    exp: NOW + 7 * 86_400,
    protocol: PROTOCOL_ID,
    name: partnerA.name,
    partner: partnerA,
    jwks: { keys: [a.publicJwk] },
    schemaVersion: SCHEMA_VERSION,
    feedUrl: `${NODE_A}/feed`,
  };
  const descriptor = (
    id: string,
    section: string,
    description: string,
    jws: string,
    expect: Expectation,
  ) =>
    ({
      id: `descriptor/${id}`,
      kind: 'descriptor',
      section,
      description,
      input: { jws, now: NOW, url: NODE_A },
      expect,
    }) as Vector;
  const duplicated = (claims: Claims) =>
    `${JSON.stringify(claims).slice(0, -1)},"iss":"${NODE_B}"}`;
  const position = positionAfter(ctx.records, ctx.records.length);
  const at = (count: number) => positionAfter(ctx.records, count);
  const page = (id: string, description: string, input: Claims, expect: Expectation) =>
    ({
      id: `page/${id}`,
      kind: 'page',
      section: '§7.1',
      description,
      input: { now: NOW, ...input },
      expect,
    }) as Vector;

  return [
    record(
      'date-time-lower-case',
      '§1.2',
      'updatedAt with a lower-case t and z (RFC 3339 §5.6) verifies',
      lowerCase,
      {
        valid: true,
        result: {
          seq: 3,
          hash: recordHash(lowerCase),
          type: 'service',
          id: service.id,
          quarantined: false,
        },
      },
    ),
    record(
      'first-failure-signature-before-claims',
      '§10.7',
      'claims with a duplicate member and a signature that does not verify: the signature is checked first',
      sign(JWS_TYP.record, a, duplicated(service), BAD_SIGNATURE),
      fails('SIGNATURE_INVALID'),
    ),
    record(
      'first-failure-claims-before-iss',
      '§10.7',
      'rev 0 (claims table) and iss of another node: the claims table is checked first',
      sign(JWS_TYP.record, a, { ...service, rev: 0, iss: NODE_B }),
      fails('CLAIMS_INVALID'),
    ),
    record(
      'first-failure-iss-before-data',
      '§10.7',
      'iss of another node and data that fails its schema: iss is checked first',
      sign(JWS_TYP.record, a, {
        ...service,
        iss: NODE_B,
        data: { ...serviceData, urgency: 'whenever' },
      }),
      fails('NAMESPACE_VIOLATION'),
    ),
    record(
      'first-failure-revoked-before-data',
      '§10.7',
      'a key revoked from seq 3 and data that fails its schema: the revocation is checked first',
      sign(JWS_TYP.record, a, { ...service, data: { ...serviceData, urgency: 'whenever' } }),
      fails('KEY_REVOKED'),
      { keys: ctx.pinnedA.keys.map((key) => ({ ...key, revokedFromSeq: 3 })) },
    ),
    descriptor(
      'partner-invalid',
      '§2.2',
      'a partner profile that fails the Partner schema (contact e-mail)',
      sign(JWS_TYP.descriptor, a, {
        ...descriptorClaims,
        partner: { ...partnerA, contactEmail: 'nobody' },
      }),
      fails('SCHEMA_INVALID'),
    ),
    descriptor(
      'partner-not-an-object',
      '§2.2',
      'a partner claim that is not an object is a claims error',
      sign(JWS_TYP.descriptor, a, { ...descriptorClaims, partner: partnerA.id }),
      fails('CLAIMS_INVALID'),
    ),
    descriptor(
      'first-failure-claims-json-before-signature',
      '§10.7',
      'first contact: claims with a duplicate member and a bad signature; the claims are parsed to find the key',
      sign(JWS_TYP.descriptor, a, duplicated(descriptorClaims), BAD_SIGNATURE),
      fails('JSON_DUPLICATE_MEMBER'),
    ),
    descriptor(
      'first-failure-sub-before-iss',
      '§10.7',
      'sub differs from iss and iss is not the URL fetched: sub is checked first',
      sign(JWS_TYP.descriptor, a, { ...descriptorClaims, iss: NODE_B }),
      fails('SUB_MISMATCH'),
    ),
    {
      id: 'head/first-failure-expired-before-iss',
      kind: 'head',
      section: '§10.7',
      description: 'an expired head of another node: times are checked before iss',
      input: {
        jws: sign(JWS_TYP.head, a, { iss: NODE_B, iat: NOW - 600, exp: NOW - 480, ...position }),
        now: NOW,
        keys: ctx.pinnedA,
        iss: NODE_A,
      },
      expect: fails('EXPIRED'),
    } as Vector,
    {
      id: 'membership/first-failure-iss-before-sub',
      kind: 'membership',
      section: '§10.7',
      description: 'issued in the name of another hub about another node: iss is checked first',
      input: {
        jws: sign(JWS_TYP.membership, hub, {
          iss: NODE_B,
          sub: NODE_B,
          iat: NOW,
          exp: NOW + 86_400,
          partnerId: partnerA.id,
          jwks: { keys: [a.publicJwk] },
        }),
        now: NOW,
        hubKeys: ctx.pinnedHub,
        hub: HUB,
        sub: NODE_A,
      },
      expect: fails('ISS_MISMATCH'),
    } as Vector,
    {
      id: 'ping/first-failure-aud-before-claims',
      kind: 'ping',
      section: '§10.7',
      description: 'no aud and a negative seq: aud is checked before the claims table',
      input: {
        jws: sign(JWS_TYP.ping, a, {
          iss: NODE_A,
          iat: NOW,
          exp: NOW + 60,
          jti: 'cGluZy10d28tZmFpbHVyZXM',
          seq: -1,
        }),
        now: NOW,
        aud: HUB,
        keysByIss: { [NODE_A]: ctx.pinnedA },
        seenJtis: [],
      },
      expect: fails('AUD_MISSING'),
    } as Vector,
    page(
      'more-than-asked',
      'three records where limit=2 was asked',
      {
        state: stateAt(ctx.pinnedA, at(0)),
        page: { records: ctx.records.slice(0, 3), head: ctx.head },
        limit: 2,
      },
      fails('PAGE_TOO_LARGE'),
    ),
    page(
      'as-many-as-asked',
      'two records where limit=2 was asked',
      {
        state: stateAt(ctx.pinnedA, at(0)),
        page: { records: ctx.records.slice(0, 2), head: ctx.head },
        limit: 2,
      },
      { valid: true, result: { state: stateAt(ctx.pinnedA, at(2), NOW), seqs: [1, 2] } },
    ),
    page(
      'first-failure-head-before-records',
      'a replayed head and a page whose second record is missing: the head is checked first',
      {
        state: stateAt(ctx.pinnedA, at(0), NOW + 30),
        page: { records: [ctx.records[0], ctx.records[2]], head: ctx.head },
      },
      fails('HEAD_REPLAYED'),
    ),
  ];
}
