import { describe, expect, it } from 'vitest';
import { createTestNode } from './test-node.js';

const ORIGIN = 'https://elsewhere.example.org';

describe('CORS on the node', () => {
  it.each([
    '/feed?after=0&limit=10',
    '/.well-known/jwks.json',
    '/.well-known/promise-node',
    '/openapi.json',
    '/healthz',
  ])('lets any origin read %s', async (path) => {
    await using t = await createTestNode();
    const response = await t.node.app.request(path, { headers: { origin: ORIGIN } });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('exposes the ETag and answers the preflight of a conditional feed read', async () => {
    await using t = await createTestNode();
    const page = await t.node.app.request('/feed', { headers: { origin: ORIGIN } });
    expect(page.headers.get('access-control-expose-headers')).toContain('ETag');
    const preflight = await t.node.app.request('/feed', {
      method: 'OPTIONS',
      headers: {
        origin: ORIGIN,
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'if-none-match',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-methods')).toBe('GET,HEAD');
    const notModified = await t.node.app.request('/feed', {
      headers: { origin: ORIGIN, 'if-none-match': page.headers.get('etag') ?? '' },
    });
    expect(notModified.status).toBe(304);
    expect(notModified.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('sends CORS headers with a refused feed query, so a page can read why', async () => {
    await using t = await createTestNode();
    const response = await t.node.app.request('/feed?after=-1', { headers: { origin: ORIGIN } });
    expect(response.status).toBe(400);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('never opens the authoring API or the staff workspace to other origins', async () => {
    await using t = await createTestNode();
    for (const path of ['/api/services', '/api/tokens', '/admin', '/admin/session']) {
      const read = await t.node.app.request(path, {
        headers: { origin: ORIGIN, authorization: `Bearer ${t.admin}` },
      });
      expect(read.headers.get('access-control-allow-origin'), path).toBeNull();
      const preflight = await t.node.app.request(path, {
        method: 'OPTIONS',
        headers: {
          origin: ORIGIN,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization, content-type',
        },
      });
      expect(preflight.headers.get('access-control-allow-origin'), path).toBeNull();
    }
  });
});
