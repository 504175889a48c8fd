import { JWS_TYP, PublicJwkSet } from '@promise-global/schema';
import { generateSigningKey } from '@promise-global/sdk/keys';
import { pinKeys, verifyDescriptor } from '@promise-global/sdk/verify';
import { decodeProtectedHeader } from 'jose';
import { describe, expect, it } from 'vitest';
import { feedRecords } from '../src/db/schema.js';
import { followFeed } from './feed-checker.js';
import { organisation, partnerProfile } from './fixtures.js';
import { createTestNode } from './test-node.js';

describe('signed feed', () => {
  it('serves stored records the SDK verifies as one unbroken chain', async () => {
    await using t = await createTestNode();
    for (let i = 0; i < 7; i++)
      await t.call('POST', '/api/organisations', { ...organisation, name: `Org ${i}` });
    const feed = await followFeed(
      (path) => Promise.resolve(t.node.app.request(path)),
      t.node.url,
      'fenland',
    );
    const records = await feed.next(3);
    expect(records.map((r) => r.payload.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const stored = await t.node.context.database.read((db) => db.select().from(feedRecords));
    expect(records.map((r) => r.jws)).toEqual(stored.map((row) => row.jws));
    expect(decodeProtectedHeader(stored[0]?.jws ?? '').typ).toBe(JWS_TYP.record);
  });

  it('answers 304 to If-None-Match until the feed changes', async () => {
    await using t = await createTestNode();
    const first = await t.node.app.request('/feed?after=0&limit=10');
    const etag = first.headers.get('etag') ?? '';
    expect(etag).not.toBe('');
    const again = await t.node.app.request('/feed?after=0&limit=10', {
      headers: { 'if-none-match': etag },
    });
    expect(again.status).toBe(304);
    await t.call('POST', '/api/organisations', organisation);
    const changed = await t.node.app.request('/feed?after=0&limit=10', {
      headers: { 'if-none-match': etag },
    });
    expect(changed.status).toBe(200);
    expect(((await changed.json()) as { records: string[] }).records).toHaveLength(2);
  });

  it('signs the head once per change, not per read', async () => {
    await using t = await createTestNode();
    const head = async () =>
      ((await (await t.node.app.request('/feed')).json()) as { head: string }).head;
    const a = await head();
    expect(await head()).toBe(a);
    await t.call('POST', '/api/organisations', organisation);
    expect(await head()).not.toBe(a);
  });

  it('refuses a bad after or limit with 400', async () => {
    await using t = await createTestNode({ feedMaxLimit: 50 });
    for (const query of ['after=-1', 'after=x', 'limit=0', 'limit=51', 'limit=1.5']) {
      expect((await t.node.app.request(`/feed?${query}`)).status).toBe(400);
    }
  });

  it('serves its keys and a descriptor the SDK verifies', async () => {
    await using t = await createTestNode();
    const jwks = PublicJwkSet.parse(
      await (await t.node.app.request('/.well-known/jwks.json')).json(),
    );
    expect(jwks.keys[0]?.kid).toBe(t.node.context.key.kid);
    expect(JSON.stringify(jwks)).not.toContain('"d"');
    const response = await t.node.app.request('/.well-known/promise-node');
    expect(response.headers.get('content-type')).toBe('application/jwt');
    const { descriptor } = await verifyDescriptor(await response.text(), {
      url: t.node.url,
      keys: await pinKeys(jwks),
    });
    expect(descriptor).toMatchObject({
      iss: t.node.url,
      sub: t.node.url,
      feedUrl: `${t.node.url}/feed`,
      partner: { id: 'fenland', name: 'Fenland Mental Health Partnership' },
    });
  });

  it('signs with an operator-supplied key, and re-signs the descriptor when the profile changes', async () => {
    const key = await generateSigningKey();
    await using t = await createTestNode({
      signingKey: {
        ...key.privateJwk,
        kty: 'OKP',
        crv: 'Ed25519',
        x: String(key.privateJwk.x),
        d: String(key.privateJwk.d),
      },
    });
    const jwks = PublicJwkSet.parse(
      await (await t.node.app.request('/.well-known/jwks.json')).json(),
    );
    expect(jwks.keys.map((k) => k.kid)).toEqual([key.kid]);
    const descriptorName = async () => {
      const jws = await (await t.node.app.request('/.well-known/promise-node')).text();
      const verified = await verifyDescriptor(jws, { url: t.node.url, keys: await pinKeys(jwks) });
      return verified.descriptor.name;
    };
    expect(await descriptorName()).toBe('Fenland Mental Health Partnership');
    await t.call('PUT', '/api/partner', { ...partnerProfile, name: 'Fenland Partnership' });
    expect(await descriptorName()).toBe('Fenland Partnership');
  });

  it('reports a missing partner profile instead of signing a descriptor without one', async () => {
    await using t = await createTestNode({ partner: undefined });
    const response = await t.node.app.request('/.well-known/promise-node');
    expect(response.status).toBe(503);
  });
});
