import { JWS_TYP } from '@promise-global/schema';
import type { SigningKey } from '../../src/keys/index.js';
import { recordHash } from '../../src/sign/index.js';
import {
  AGGREGATE_DIGEST_ALG,
  type AggregateDigestAlg,
  type AggregateItem,
  aggregateDigest,
} from '../../src/verify/index.js';
import type { VectorContext } from './context.js';
import { HUB, NODE_A, NODE_B, NOW, partnerA, partnerB } from './fixtures.js';
import { rawJws } from './raw-jws.js';
import { type Expectation, fails, type Vector } from './types.js';

type Claims = Record<string, unknown>;

/**
 * Aggregate feed vectors (§14): a hub relays node A's records; each vector is one page fetched
 * with `after`, verified against the hub's pinned keys and the hub's membership statements.
 */
export function aggregateVectors(ctx: VectorContext): Vector[] {
  const { hub, nodeA, nodeB, attacker } = ctx.keys;
  const { records } = ctx;
  const token = (typ: string, key: SigningKey, claims: Claims) =>
    rawJws({ alg: 'EdDSA', kid: key.kid, typ }, claims, key);
  const statement = (claims: Claims = {}, key = hub) =>
    token(JWS_TYP.membership, key, {
      iss: HUB,
      sub: NODE_A,
      iat: NOW - 86_400,
      exp: NOW + 364 * 86_400,
      partnerId: partnerA.id,
      jwks: { keys: [nodeA.publicJwk] },
      ...claims,
    });
  const statementB = token(JWS_TYP.membership, hub, {
    iss: HUB,
    sub: NODE_B,
    iat: NOW - 86_400,
    exp: NOW + 364 * 86_400,
    partnerId: partnerB.id,
    jwks: { keys: [nodeB.publicJwk] },
  });
  const items = (jwsList: readonly string[], first = 1, node = NODE_A): AggregateItem[] =>
    jwsList.map((jws, index) => ({ hubSeq: first + index, node, jws }));
  /** The hub's signed head over `signed` (the items it served), with the 1.1 or 1.0 digest. */
  const head = (
    signed: readonly AggregateItem[],
    options: {
      alg?: AggregateDigestAlg | 'none' | string;
      seq?: number;
      iat?: number;
      key?: SigningKey;
    } = {},
  ) => {
    const alg = options.alg ?? AGGREGATE_DIGEST_ALG;
    const known = alg === 'item-lines' || alg === 'json-items';
    return token(JWS_TYP.head, options.key ?? hub, {
      iss: HUB,
      iat: options.iat ?? NOW,
      exp: (options.iat ?? NOW) + 120,
      seq: options.seq ?? signed.at(-1)?.hubSeq ?? 0,
      hash: aggregateDigest(signed, known ? (alg as AggregateDigestAlg) : AGGREGATE_DIGEST_ALG),
      ...(alg === 'json-items' ? {} : { digestAlg: alg }),
    });
  };
  const page = (served: AggregateItem[], signedHead = head(served)) => ({
    items: served,
    head: signedHead,
  });
  const vector = (id: string, description: string, input: Claims, expect: Expectation) =>
    ({
      id: `aggregate/${id}`,
      kind: 'aggregate',
      section: '§14.3',
      description,
      input: {
        now: NOW,
        hubKeys: ctx.pinnedHub,
        hub: HUB,
        after: 0,
        headIat: 0,
        limit: 500,
        memberships: { [NODE_A]: statement() },
        ...input,
      },
      expect,
    }) as unknown as Vector;
  const relayed = (
    served: readonly AggregateItem[],
    extra: { digestAlg?: AggregateDigestAlg; skipped?: unknown[]; removals?: number[] } = {},
  ): Expectation => ({
    valid: true,
    result: {
      digestAlg: extra.digestAlg ?? AGGREGATE_DIGEST_ALG,
      cursor: served.at(-1)?.hubSeq ?? 0,
      headIat: NOW,
      records: served.flatMap((item) =>
        'jws' in item && !extra.skipped?.length
          ? [
              {
                hubSeq: item.hubSeq,
                node: item.node,
                seq: served.indexOf(item) + 1,
                hash: recordHash(item.jws),
              },
            ]
          : [],
      ),
      removals: extra.removals ?? [],
      skipped: extra.skipped ?? [],
    },
  });

  const all = items(records);
  const firstTwo = items(records.slice(0, 2));
  // The node's record with one character of its payload changed; the hub signs the page as served.
  const original = records[1] ?? '';
  const [h, p, s] = original.split('.') as [string, string, string];
  const flipped = `${h}.${p.slice(0, 20)}${p[20] === 'A' ? 'B' : 'A'}${p.slice(21)}.${s}`;
  const tampered = [...firstTwo.slice(0, 1), { hubSeq: 2, node: NODE_A, jws: flipped }];
  const foreign = rawJws(
    { alg: 'EdDSA', kid: attacker.kid, typ: JWS_TYP.record },
    JSON.parse(Buffer.from(p, 'base64url').toString('utf8')),
    attacker,
  );
  const removal: AggregateItem = {
    hubSeq: 3,
    node: NODE_A,
    removed: { type: 'organisation', id: '3f2b8c1a-5d4e-4f6a-9b7c-1d2e3f4a5b6c', rev: 1 },
  };
  const removalOfB: AggregateItem = {
    hubSeq: 3,
    node: NODE_B,
    removed: { type: 'partner', id: partnerB.id, rev: 1 },
  };

  return [
    vector(
      'valid',
      "node A's six records relayed by the hub: the item-lines digest (1.1)",
      { page: page(all) },
      relayed(all),
    ),
    vector(
      'valid-legacy-digest',
      'the same page from a protocol 1.0 hub: no digestAlg, the JSON.stringify digest',
      { page: page(all, head(all, { alg: 'json-items' })) },
      relayed(all, { digestAlg: 'json-items' }),
    ),
    vector(
      'legacy-digest-refused',
      'a verifier that stopped accepting 1.0 heads refuses the same page',
      { page: page(all, head(all, { alg: 'json-items' })), acceptLegacyDigest: false },
      fails('DIGEST_UNSUPPORTED'),
    ),
    vector(
      'digest-unknown',
      'a digest algorithm this verifier does not know',
      { page: page(all, head(all, { alg: 'items-v9' })) },
      fails('DIGEST_UNSUPPORTED'),
    ),
    vector(
      'digest-mismatch',
      'record 2 replaced by record 1 after the hub signed the head',
      {
        page: page(
          [...firstTwo.slice(0, 1), { hubSeq: 2, node: NODE_A, jws: records[0] ?? '' }],
          head(firstTwo),
        ),
      },
      fails('HEAD_MISMATCH'),
    ),
    vector(
      'removal-altered',
      'a removal item changed after the hub signed the head',
      {
        page: page(
          [...firstTwo, { ...removal, removed: { ...removal.removed, rev: 2 } }],
          head([...firstTwo, removal]),
        ),
      },
      fails('HEAD_MISMATCH'),
    ),
    vector(
      'tampered-record',
      "a relayed record whose payload changed, in a page the hub signed as served: the node's signature fails",
      { page: page(tampered) },
      fails('SIGNATURE_INVALID'),
    ),
    vector(
      'record-foreign-key',
      "a relayed record signed by a key node A's membership statement does not list",
      { page: page([...firstTwo.slice(0, 1), { hubSeq: 2, node: NODE_A, jws: foreign }]) },
      fails('UNKNOWN_KID'),
    ),
    vector(
      'statement-expired',
      "node A's membership statement expired yesterday",
      {
        page: page(all),
        memberships: { [NODE_A]: statement({ iat: NOW - 366 * 86_400, exp: NOW - 86_400 }) },
      },
      fails('EXPIRED'),
    ),
    vector(
      'statement-other-hub-key',
      'a membership statement signed by a key the hub did not publish',
      { page: page(all), memberships: { [NODE_A]: statement({}, attacker) } },
      fails('UNKNOWN_KID'),
    ),
    vector(
      'statement-other-node',
      'the statement listed for node A is about node B',
      { page: page(all), memberships: { [NODE_A]: statementB } },
      fails('SUB_MISMATCH'),
    ),
    vector(
      'unknown-member',
      'records of a node the hub lists no membership for are skipped, not errors',
      { page: page(firstTwo), memberships: { [NODE_B]: statementB } },
      relayed(firstTwo, {
        skipped: firstTwo.map((item) => ({
          hubSeq: item.hubSeq,
          node: NODE_A,
          code: 'MEMBERSHIP_MISSING',
        })),
      }),
    ),
    vector(
      'removal-unknown-node',
      'a removal of a node never seen here is skipped',
      { page: page([...firstTwo, removalOfB]) },
      {
        valid: true,
        result: {
          ...(relayed(firstTwo) as { result: Claims }).result,
          cursor: 3,
          skipped: [{ hubSeq: 3, node: NODE_B, code: 'NODE_UNKNOWN' }],
        },
      },
    ),
    vector(
      'replay-after-removal',
      'after a removal the node comes back only from seq 1: its record 3 is a gap',
      { page: page([...firstTwo, removal, { hubSeq: 4, node: NODE_A, jws: records[2] ?? '' }]) },
      fails('CHAIN_GAP'),
    ),
    vector(
      'chain-gap',
      "node A's records 1 and 3 without 2",
      { page: page([...firstTwo.slice(0, 1), { hubSeq: 2, node: NODE_A, jws: records[2] ?? '' }]) },
      fails('CHAIN_GAP'),
    ),
    vector(
      'head-replayed',
      'a head older than the last one accepted from this hub',
      { page: page(all, head(all, { iat: NOW - 60 })), headIat: NOW - 30 },
      fails('HEAD_REPLAYED'),
    ),
    vector(
      'head-seq-ahead',
      'a head whose seq is past the last item',
      { page: page(firstTwo, head(firstTwo, { seq: 3 })) },
      fails('HEAD_MISMATCH'),
    ),
    vector(
      'empty-behind-cursor',
      "an empty page whose head ends before the cursor: the hub's log was reset",
      { page: page([], head([], { seq: 4 })), after: 6 },
      fails('ROLLBACK'),
    ),
    vector(
      'over-limit',
      'more items than the limit asked for',
      { page: page(all), limit: 5 },
      fails('PAGE_TOO_LARGE'),
    ),
    vector(
      'hub-seq-not-increasing',
      'two items with the same hub seq',
      { page: page([...firstTwo.slice(0, 1), { hubSeq: 1, node: NODE_A, jws: records[1] ?? '' }]) },
      fails('PAGE_INVALID'),
    ),
    vector(
      'first-failure-shape-before-head',
      'a malformed item and a head signed by an unknown key: the page shape is checked first',
      {
        page: page(
          [{ hubSeq: 1, node: NODE_A } as unknown as AggregateItem],
          head([], { key: attacker }),
        ),
      },
      fails('PAGE_INVALID'),
    ),
    vector(
      'first-failure-digest-before-records',
      'a digest mismatch and a tampered record: the digest is checked before any record',
      { page: page(tampered, head(firstTwo)) },
      fails('HEAD_MISMATCH'),
    ),
  ];
}
