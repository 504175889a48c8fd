import { describe, expect, it } from 'vitest';
import { createTestNode, type TestNode } from './test-node.js';

/** Public JSON, the feed, the workspace, a 404, a refused call and authenticated answers. */
async function responses(t: TestNode): Promise<[string, Response][]> {
  return [
    ['/healthz', await t.call('GET', '/healthz', undefined, { token: null })],
    ['/feed', await t.call('GET', '/feed', undefined, { token: null })],
    [
      '/.well-known/promise-node',
      await t.call('GET', '/.well-known/promise-node', undefined, { token: null }),
    ],
    ['/openapi.json', await t.call('GET', '/openapi.json', undefined, { token: null })],
    ['/admin', await t.call('GET', '/admin', undefined, { token: null })],
    ['/no-such-route', await t.call('GET', '/no-such-route', undefined, { token: null })],
    ['/api/partner (no token)', await t.call('GET', '/api/partner', undefined, { token: null })],
    ['/api/partner', await t.call('GET', '/api/partner')],
    ['/api/tokens', await t.call('GET', '/api/tokens', undefined, { token: t.admin })],
  ];
}

describe('the headers on every node response', () => {
  it('sends nosniff, no referrer, a Permissions-Policy and a CSP on JSON, the feed, errors and the workspace', async () => {
    await using t = await createTestNode({ publicUrl: 'http://fenland.example.org' });
    for (const [path, response] of await responses(t)) {
      const headers = Object.fromEntries(response.headers);
      expect({ path, nosniff: headers['x-content-type-options'] }).toEqual({
        path,
        nosniff: 'nosniff',
      });
      expect(headers['referrer-policy']).toBe('no-referrer');
      expect({ path, policy: headers['permissions-policy'] }).toMatchObject({
        policy: expect.stringContaining('camera=()'),
      });
      expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
      if (!headers['content-type']?.startsWith('text/html'))
        expect({ path, csp: headers['content-security-policy'] }).toEqual({
          path,
          csp: "default-src 'none'; frame-ancestors 'none'",
        });
      expect(headers['strict-transport-security']).toBeUndefined();
    }
  });

  it('sends HSTS on every response when its public URL is https', async () => {
    await using t = await createTestNode({ publicUrl: 'https://fenland.example.org' });
    for (const [path, response] of await responses(t))
      expect({ path, hsts: response.headers.get('strict-transport-security') }).toEqual({
        path,
        hsts: 'max-age=31536000; includeSubDomains',
      });
  });

  it('lets no cache keep an authenticated answer', async () => {
    await using t = await createTestNode();
    const all = Object.fromEntries(await responses(t));
    for (const path of ['/api/partner', '/api/tokens', '/api/partner (no token)']) {
      expect(all[path]?.status).not.toBe(404);
      expect({ path, cache: all[path]?.headers.get('cache-control') }).toEqual({
        path,
        cache: 'no-store',
      });
    }
    const innovations = await t.call('GET', '/api/innovations');
    expect(innovations.headers.get('cache-control')).toBe('no-store');
  });
});
