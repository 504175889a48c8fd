import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHub, type Hub } from '../src/create-hub.js';
import { expectHashedStyleOnly } from './support/page-csp.js';
import { project52Config } from './support/project52.js';
import { OPERATOR_TOKEN } from './support/test-hub.js';

let hub: Hub;
let httpsHub: Hub;

const hubAt = (publicUrl?: string) =>
  createHub({
    database: { url: ':memory:' },
    bootstrapOperatorToken: OPERATOR_TOKEN,
    harvest: { schedule: false },
    logLevel: 'silent',
    project52: project52Config(),
    ...(publicUrl ? { publicUrl } : {}),
  });

beforeAll(async () => {
  [hub, httpsHub] = await Promise.all([hubAt(), hubAt('https://hub.example.org')]);
});
afterAll(async () => {
  await Promise.all([hub.close(), httpsHub.close()]);
});

const asOperator = { headers: { authorization: `Bearer ${OPERATOR_TOKEN}` } };

/** Public and authenticated JSON, feeds, pages, a 404, a refused call and a bad request. */
const RESPONSES: [string, RequestInit?][] = [
  ['/healthz'],
  ['/.well-known/jwks.json'],
  ['/feed.json'],
  ['/bulletins/rss.xml'],
  ['/no-such-route'],
  ['/trpc/admin.nodes.list'],
  ['/trpc/admin.nodes.list', asOperator],
  ['/trpc/search.innovations?input=%7B%22q%22%3A1%7D'],
  ['/subscribe/confirm?token=nonsense'],
  ['/unsubscribe?token=nonsense'],
];

describe('the headers on every hub response', () => {
  it('sends nosniff, no referrer, a Permissions-Policy and a CSP on JSON, feeds, pages and errors', async () => {
    for (const [path, init] of RESPONSES) {
      const response = await hub.app.request(path, init);
      const headers = Object.fromEntries(response.headers);
      expect({ path, nosniff: headers['x-content-type-options'] }).toEqual({
        path,
        nosniff: 'nosniff',
      });
      expect(headers['referrer-policy']).toBe('no-referrer');
      expect(headers['permissions-policy']).toContain('camera=()');
      expect(headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
      if (!headers['content-type']?.startsWith('text/html'))
        expect({ path, csp: headers['content-security-policy'] }).toEqual({
          path,
          csp: "default-src 'none'; frame-ancestors 'none'",
        });
      expect(headers['strict-transport-security']).toBeUndefined();
    }
  });

  it('sends HSTS on every response when its public URL is https', async () => {
    for (const [path, init] of RESPONSES) {
      const response = await httpsHub.app.request(path, init);
      expect({ path, hsts: response.headers.get('strict-transport-security') }).toEqual({
        path,
        hsts: 'max-age=31536000; includeSubDomains',
      });
    }
  });

  it('lets no cache keep an authenticated answer', async () => {
    const queue = await hub.app.request('/trpc/admin.project52.queue', asOperator);
    expect(queue.status).toBe(200);
    expect(queue.headers.get('cache-control')).toBe('no-store');
    const nodes = await hub.app.request('/trpc/admin.nodes.list', asOperator);
    expect(nodes.headers.get('cache-control')).toBe('no-store');
  });

  it('styles its own pages by hash, with no unsafe-inline', async () => {
    for (const path of ['/subscribe/confirm?token=nonsense', '/unsubscribe?token=nonsense']) {
      const response = await hub.app.request(path);
      expect(response.headers.get('cache-control')).toBe('no-store');
      await expectHashedStyleOnly(response);
    }
  });
});
