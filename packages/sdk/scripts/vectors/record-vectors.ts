import { JWS_TYP } from '@promise-global/schema';
import { recordHash } from '../../src/sign/index.js';
import type { VectorContext } from './context.js';
import { NODE_A, NODE_B, NOW, partnerA, partnerB } from './fixtures.js';
import { claimsOf, type RawSigner, rawJws } from './raw-jws.js';
import { type Expectation, fails, type Vector } from './types.js';

function deepObject(depth: number): Record<string, unknown> {
  let value: Record<string, unknown> = { leaf: true };
  for (let level = 1; level < depth; level += 1) value = { nested: value };
  return value;
}

/** Record vectors (§4, §10): the header profile, keys, claims, namespace and data checks. */
export function recordVectors(ctx: VectorContext): Vector[] {
  const { keys } = ctx;
  const a = keys.nodeA;
  const header = { alg: 'EdDSA', kid: a.kid, typ: JWS_TYP.record };
  const service = ctx.records[2] ?? '';
  const claims = claimsOf(service);
  const data = claims.data as Record<string, unknown>;
  const input = (
    jws: string,
    extra: Partial<Extract<Vector, { kind: 'record' }>['input']> = {},
  ) => ({
    jws,
    now: NOW,
    keys: ctx.pinnedA,
    iss: NODE_A,
    partnerId: partnerA.id,
    ...extra,
  });
  const vector = (
    id: string,
    section: string,
    description: string,
    jws: string,
    expect: Expectation,
    extra = {},
  ) =>
    ({
      id: `record/${id}`,
      kind: 'record',
      section,
      description,
      input: input(jws, extra),
      expect,
    }) as Vector;
  const signed = (
    h: Record<string, unknown> | string,
    payload: string | object,
    signer: RawSigner = a,
  ) => rawJws(h, payload, signer);
  const parts = service.split('.');
  const siblings = signed(header, {
    ...claims,
    data: { ...data, extra: [{ note: 'a' }, { note: 'b' }] },
  });
  const valid = (index: number): Expectation => {
    const jws = ctx.records[index] ?? '';
    const c = claimsOf(jws);
    return {
      valid: true,
      result: { seq: c.seq, hash: recordHash(jws), type: c.type, id: c.id, quarantined: false },
    };
  };

  return [
    ...ctx.records.map((jws, index) =>
      vector(
        `valid-seq-${index + 1}`,
        '§4.2',
        `node A's record at seq ${index + 1} verifies`,
        jws,
        valid(index),
      ),
    ),
    (() => {
      const unknownType = signed(header, {
        ...claims,
        type: 'event_listing',
        schemaVersion: '1.7.0',
        data: { ...data, when: 'Tuesdays' },
      });
      return vector(
        'unknown-type-kept',
        '§4.6',
        'a record type a later minor added: verified, returned quarantined, never a failure',
        unknownType,
        {
          valid: true,
          result: {
            seq: claims.seq,
            hash: recordHash(unknownType),
            type: 'event_listing',
            id: claims.id,
            quarantined: true,
          },
        },
      );
    })(),
    vector(
      'type-not-a-name',
      '§4.6',
      'a type claim that is not a record type name',
      signed(header, { ...claims, type: 'Event Listing' }),
      fails('CLAIMS_INVALID'),
    ),
    vector(
      'alg-none',
      '§10.2',
      'alg none, no signature',
      signed({ ...header, alg: 'none' }, claims, 'none'),
      fails('ALG_NONE'),
    ),
    vector(
      'alg-hs256-public-key-secret',
      '§10.2',
      'HS256 with the public key bytes as the HMAC secret (key confusion)',
      signed({ ...header, alg: 'HS256' }, claims, {
        hmac: Buffer.from(a.publicJwk.x, 'base64url'),
      }),
      fails('ALG_SYMMETRIC'),
    ),
    vector(
      'alg-es256',
      '§10.2',
      'an algorithm other than EdDSA (ES256)',
      signed({ ...header, alg: 'ES256' }, claims),
      fails('ALG_NOT_ALLOWED'),
    ),
    vector(
      'embedded-jwk',
      '§10.2',
      'the attacker embeds its own key as jwk and signs with it',
      signed(
        { ...header, kid: keys.attacker.kid, jwk: keys.attacker.publicJwk },
        claims,
        keys.attacker,
      ),
      fails('EMBEDDED_KEY'),
    ),
    vector(
      'embedded-jku',
      '§10.2',
      'header points to a key set URL (jku)',
      signed({ ...header, jku: `${NODE_B}/jwks.json` }, claims),
      fails('EMBEDDED_KEY'),
    ),
    vector(
      'embedded-x5u',
      '§10.2',
      'header points to a certificate URL (x5u)',
      signed({ ...header, x5u: `${NODE_B}/cert.pem` }, claims),
      fails('EMBEDDED_KEY'),
    ),
    vector(
      'crit',
      '§10.2',
      'crit names an extension',
      signed({ ...header, crit: ['promise-ext'], 'promise-ext': true }, claims),
      fails('CRIT_UNSUPPORTED'),
    ),
    vector(
      'header-zip',
      '§10.2',
      'an unsupported header parameter (zip)',
      signed({ ...header, zip: 'DEF' }, claims),
      fails('HEADER_PARAM_UNSUPPORTED'),
    ),
    vector(
      'typ-missing',
      '§10.2',
      'no typ',
      signed({ alg: 'EdDSA', kid: a.kid }, claims),
      fails('TYP_MISSING'),
    ),
    vector(
      'typ-head',
      '§10.2',
      'a record typed as a head',
      signed({ ...header, typ: JWS_TYP.head }, claims),
      fails('TYP_MISMATCH'),
    ),
    vector(
      'kid-missing',
      '§10.2',
      'no kid',
      signed({ alg: 'EdDSA', typ: JWS_TYP.record }, claims),
      fails('KID_MISSING'),
    ),
    vector(
      'unknown-kid',
      '§10.4',
      'signed by a key nobody pinned',
      signed({ ...header, kid: keys.attacker.kid }, claims, keys.attacker),
      fails('UNKNOWN_KID'),
    ),
    vector(
      'foreign-kid',
      '§10.4',
      "signed with node B's key, claiming to be node A's record",
      signed({ ...header, kid: keys.nodeB.kid }, claims, keys.nodeB),
      fails('KID_FOREIGN'),
      { networkKids: { [keys.nodeB.kid]: NODE_B } },
    ),
    vector(
      'kid-of-a-signed-by-b',
      '§10.5',
      "node A's kid, node B's signature",
      signed(header, claims, keys.nodeB),
      fails('SIGNATURE_INVALID'),
    ),
    vector(
      'tampered-payload',
      '§10.5',
      'payload changed after signing',
      `${parts[0]}.${Buffer.from(JSON.stringify({ ...claims, rev: 9 })).toString('base64url')}.${parts[2]}`,
      fails('SIGNATURE_INVALID'),
    ),
    vector(
      'iss-node-b',
      '§4.4',
      "a record in node A's feed claiming node B as issuer",
      signed(header, { ...claims, iss: NODE_B }),
      fails('NAMESPACE_VIOLATION'),
    ),
    vector(
      'partner-of-b',
      '§4.4',
      "node A publishing node B's partner profile",
      signed(header, { ...claims, type: 'partner', id: partnerB.id, data: partnerB }),
      fails('NAMESPACE_VIOLATION'),
    ),
    vector(
      'schema-major-2',
      '§4.3',
      'schemaVersion 2.0.0',
      signed(header, { ...claims, schemaVersion: '2.0.0' }),
      fails('SCHEMA_MAJOR_UNKNOWN'),
    ),
    vector(
      'schema-invalid',
      '§4.3',
      'service data without categories',
      signed(header, { ...claims, data: { ...data, categories: [] } }),
      fails('SCHEMA_INVALID'),
    ),
    vector(
      'data-id-differs',
      '§4.2',
      'data.id differs from the record id',
      signed(header, { ...claims, id: '1b4e28ba-2fa1-41d2-883f-0016d3cca427' }),
      fails('CLAIMS_INVALID'),
    ),
    vector(
      'iat-missing',
      '§11.2',
      'no iat',
      signed(header, { ...claims, iat: undefined }),
      fails('IAT_MISSING'),
    ),
    vector(
      'iat-future',
      '§11.2',
      'issued an hour ahead of the verifier clock',
      signed(header, { ...claims, iat: NOW + 3600 }),
      fails('NOT_YET_VALID'),
    ),
    vector(
      'oversized',
      '§11.1',
      'a record JWS over 65536 characters',
      signed(header, { ...claims, data: { ...data, padding: 'x'.repeat(70_000) } }),
      fails('TOO_LARGE'),
    ),
    vector(
      'deep-json',
      '§11.1',
      'claims nested 40 levels deep',
      signed(header, { ...claims, data: { ...data, extra: deepObject(40) } }),
      fails('JSON_TOO_DEEP'),
    ),
    vector(
      'proto-key',
      '§10.3',
      'a __proto__ member in the data',
      signed(
        header,
        JSON.stringify(claims).replace('"data":{', '"data":{"__proto__":{"admin":true},'),
      ),
      fails('JSON_FORBIDDEN_KEY'),
    ),
    vector(
      'duplicate-header-alg',
      '§10.3',
      'a header with alg twice ("none", then "EdDSA"): parsers disagree on which wins',
      signed(`{"alg":"none","alg":"EdDSA","kid":"${a.kid}","typ":"${JWS_TYP.record}"}`, claims),
      fails('JSON_DUPLICATE_MEMBER'),
    ),
    vector(
      'duplicate-claim-type',
      '§10.3',
      'claims with type twice, correctly signed: one reader sees a partner, another a service',
      signed(header, JSON.stringify(claims).replace('{', '{"type":"partner",')),
      fails('JSON_DUPLICATE_MEMBER'),
    ),
    vector(
      'duplicate-escaped-name',
      '§10.3',
      'data with "name" and "\\u006eame": the same member name once unescaped',
      signed(
        header,
        JSON.stringify(claims).replace('"data":{', '"data":{"\\u006eame":"Another name",'),
      ),
      fails('JSON_DUPLICATE_MEMBER'),
    ),
    vector(
      'same-name-in-sibling-objects',
      '§10.3',
      'the same member name in two different objects is not a duplicate',
      siblings,
      {
        valid: true,
        result: {
          seq: claims.seq,
          hash: recordHash(siblings),
          type: claims.type,
          id: claims.id,
          quarantined: false,
        },
      },
    ),
    vector(
      'base64url-padding',
      '§10.1',
      'signature with + / = characters',
      `${parts[0]}.${parts[1]}.${Buffer.from(parts[2] ?? '', 'base64url').toString('base64')}`,
      fails('BASE64URL_INVALID'),
    ),
    vector(
      'jwe',
      '§10.1',
      'a five-part JWE instead of a JWS',
      'eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..aGVsbG8gd29ybGQx.ZW5jcnlwdGVk.dGFn',
      fails('JWE_NOT_ACCEPTED'),
    ),
    vector(
      'json-serialisation',
      '§10.1',
      'flattened JSON serialisation instead of compact',
      JSON.stringify({ protected: parts[0], payload: parts[1], signature: parts[2] }),
      fails('JSON_SERIALIZATION_NOT_ACCEPTED'),
    ),
    vector(
      'two-parts',
      '§10.1',
      'only two segments',
      `${parts[0]}.${parts[1]}`,
      fails('MALFORMED_JWS'),
    ),
    vector(
      'header-not-json',
      '§10.3',
      'a header that is not JSON',
      `${Buffer.from('{alg:EdDSA').toString('base64url')}.${parts[1]}.${parts[2]}`,
      fails('MALFORMED_JSON'),
    ),
    vector(
      'claims-invalid',
      '§4.2',
      'seq 0',
      signed(header, { ...claims, seq: 0 }),
      fails('CLAIMS_INVALID'),
    ),
    vector(
      'revoked-key-after-point',
      '§9.4',
      'key A revoked from seq 3; a record at seq 3 signed with it',
      service,
      fails('KEY_REVOKED'),
      {
        keys: {
          ...ctx.pinnedA,
          keys: ctx.pinnedA.keys.map((key) => ({ ...key, revokedFromSeq: 3 })),
        },
      },
    ),
    vector(
      'revoked-key-before-point',
      '§9.4',
      'key A revoked from seq 4; its record at seq 3 stays valid',
      service,
      valid(2),
      {
        keys: {
          ...ctx.pinnedA,
          keys: ctx.pinnedA.keys.map((key) => ({ ...key, revokedFromSeq: 4 })),
        },
      },
    ),
    vector(
      'retired-key',
      '§9.3',
      'key A retired after a rotation; its old record stays valid',
      service,
      valid(2),
      { keys: { keys: ctx.pinnedA.keys.map((key) => ({ ...key, status: 'retired' as const })) } },
    ),
  ];
}
