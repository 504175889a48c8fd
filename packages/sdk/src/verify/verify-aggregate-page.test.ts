import { createHash } from 'node:crypto';
import { GENESIS_HASH } from '@promise-global/schema';
import { describe, expect, it } from 'vitest';
import { isProtocolError } from '../errors.js';
import { generateSigningKey, publicJwks } from '../keys/index.js';
import { signHead } from '../sign/index.js';
import { type AggregateItem, aggregateDigest, aggregateItemLine } from './aggregate-digest.js';
import { pinKeys } from './pinned-keys.js';
import { verifyAggregatePage } from './verify-aggregate-page.js';

const UPSTREAM = 'https://hub.region.example.org';
const key = await generateSigningKey();
const keys = await pinKeys(publicJwks([key]));

/** An empty aggregate page whose signed head says the upstream's log ends at `end`. */
async function emptyPage(end: number) {
  return { items: [], head: await signHead(key, { iss: UPSTREAM, seq: end, hash: GENESIS_HASH }) };
}

/** A page of `items` whose head the upstream signed with `digestAlg` (absent: as protocol 1.0). */
async function page(items: AggregateItem[], digestAlg?: 'item-lines') {
  const seq = items.at(-1)?.hubSeq ?? 0;
  const hash = aggregateDigest(items, digestAlg ?? 'json-items');
  const head = await signHead(key, {
    iss: UPSTREAM,
    seq,
    hash,
    ...(digestAlg ? { digestAlg } : {}),
  });
  return { items, head };
}

const at = (after: number) => ({ keys, iss: UPSTREAM, after, headIat: 0, limit: 500 });
const failsWith = (code: string) => (error: unknown) =>
  isProtocolError(error) && error.code === code;
const items: AggregateItem[] = [
  { hubSeq: 1, node: 'https://node.example.org', jws: 'aGVhZGVy.cGF5bG9hZA.c2ln' },
  { hubSeq: 2, node: 'https://node.example.org', removed: { type: 'service', id: 's-1', rev: 3 } },
];

describe('the aggregate digest', () => {
  it('is SHA-256 over one line per item built from values, never from JSON text', () => {
    const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('base64url');
    const lines = [
      `1 https://node.example.org ${sha256('aGVhZGVy.cGF5bG9hZA.c2ln')}\n`,
      '2 https://node.example.org removed service s-1 3\n',
    ];
    expect(items.map(aggregateItemLine)).toEqual(lines);
    expect(aggregateDigest(items)).toBe(sha256(lines.join('')));
    expect(aggregateDigest(items, 'json-items')).toBe(sha256(JSON.stringify(items)));
    expect(aggregateDigest([])).toBe(GENESIS_HASH);
  });

  it('does not depend on member order or whitespace in the served JSON', async () => {
    const signed = await page(items, 'item-lines');
    const reordered = JSON.parse(
      `{"head":${JSON.stringify(signed.head)},"items":[{"jws":"aGVhZGVy.cGF5bG9hZA.c2ln", "node":"https://node.example.org","hubSeq":1},{"removed":{"rev":3,"id":"s-1","type":"service"},"node":"https://node.example.org","hubSeq":2}]}`,
    );
    const verified = await verifyAggregatePage(reordered, at(0));
    expect(verified.digestAlg).toBe('item-lines');
    expect(verified.items).toEqual(items);
  });

  it('accepts a protocol 1.0 head during the transition, and refuses it when told to', async () => {
    const legacy = await page(items);
    expect((await verifyAggregatePage(legacy, at(0))).digestAlg).toBe('json-items');
    await expect(
      verifyAggregatePage(legacy, { ...at(0), acceptLegacyDigest: false }),
    ).rejects.toSatisfy(failsWith('DIGEST_UNSUPPORTED'));
  });

  it('refuses a digest algorithm it does not know, even when the hash is right', async () => {
    const hash = aggregateDigest(items);
    const head = await signHead(key, { iss: UPSTREAM, seq: 2, hash, digestAlg: 'items-v9' });
    await expect(verifyAggregatePage({ items, head }, at(0))).rejects.toSatisfy(
      failsWith('DIGEST_UNSUPPORTED'),
    );
  });

  it('is a mismatch when one item changed after the head was signed', async () => {
    const signed = await page(items, 'item-lines');
    const tampered = [items[0], { ...items[1], removed: { type: 'service', id: 's-2', rev: 3 } }];
    await expect(verifyAggregatePage({ ...signed, items: tampered }, at(0))).rejects.toSatisfy(
      failsWith('HEAD_MISMATCH'),
    );
  });

  it('refuses an item with whitespace in a field, which would make two lines alike', async () => {
    const signed = await page(items, 'item-lines');
    const spaced = [{ ...items[0], node: 'https://node.example.org 1' }, items[1]];
    await expect(verifyAggregatePage({ ...signed, items: spaced }, at(0))).rejects.toSatisfy(
      failsWith('PAGE_INVALID'),
    );
  });
});

describe('an empty aggregate page', () => {
  it('is accepted when the upstream ends where the cursor is', async () => {
    const verified = await verifyAggregatePage(await emptyPage(40), at(40));
    expect(verified.head.seq).toBe(40);
  });

  it('is a rollback when the upstream ends before the cursor: it was reset or rebuilt', async () => {
    await expect(verifyAggregatePage(await emptyPage(12), at(40))).rejects.toSatisfy(
      failsWith('ROLLBACK'),
    );
  });

  it('is a mismatch when the upstream claims more than it sent', async () => {
    await expect(verifyAggregatePage(await emptyPage(41), at(40))).rejects.toSatisfy(
      failsWith('HEAD_MISMATCH'),
    );
  });
});
