import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hub } from '../src/create-hub.js';
import { OPERATOR_TOKEN, startTestHub } from './support/test-hub.js';

const ORIGIN = 'https://elsewhere.example.org';
let hub: Hub;

beforeAll(async () => {
  ({ hub } = await startTestHub());
});

afterAll(() => hub.close());

function get(path: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${hub.url}${path}`, { headers: { origin: ORIGIN, ...headers } });
}

function preflight(path: string, method: string, headers: string): Promise<Response> {
  return fetch(`${hub.url}${path}`, {
    method: 'OPTIONS',
    headers: {
      origin: ORIGIN,
      'access-control-request-method': method,
      'access-control-request-headers': headers,
    },
  });
}

const search = `/trpc/search.services?input=${encodeURIComponent(JSON.stringify({ q: 'crisis' }))}`;

describe('CORS on the hub', () => {
  it.each([
    '/.well-known/jwks.json',
    '/.well-known/promise-hub',
    '/memberships',
    '/services',
    '/hub/feed',
    '/status',
    '/feed.json',
    '/healthz',
    search,
    '/trpc/partners.list',
  ])('lets any origin read %s', async (path) => {
    const response = await get(path);
    expect(response.ok).toBe(true);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('answers the preflight of a conditional GET on a public read', async () => {
    const response = await preflight('/services', 'GET', 'if-none-match');
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-headers')?.toLowerCase()).toContain(
      'if-none-match',
    );
    expect(response.headers.get('access-control-allow-methods')).not.toMatch(/POST|PUT|DELETE/);
  });

  it('never opens the admin API, mutations, a batch with an admin call, or the ping endpoint', async () => {
    const admin = await get('/trpc/admin.nodes.list', {
      authorization: `Bearer ${OPERATOR_TOKEN}`,
    });
    expect(admin.headers.get('access-control-allow-origin')).toBeNull();
    const batch = await get('/trpc/partners.list,admin.nodes.list?batch=1');
    expect(batch.headers.get('access-control-allow-origin')).toBeNull();
    const mutation = await fetch(`${hub.url}/trpc/subscriptions.request`, {
      method: 'POST',
      headers: { origin: ORIGIN, 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'reader@example.org' }),
    });
    expect(mutation.headers.get('access-control-allow-origin')).toBeNull();
    for (const [path, method] of [
      ['/trpc/admin.nodes.list', 'GET'],
      ['/trpc/subscriptions.request', 'POST'],
      ['/ping', 'POST'],
    ] as const) {
      const response = await preflight(path, method, 'authorization, content-type');
      expect(response.headers.get('access-control-allow-origin'), `${method} ${path}`).toBeNull();
    }
    const write = await preflight('/services', 'POST', 'authorization, content-type');
    expect(write.headers.get('access-control-allow-methods')).toBe('GET,HEAD');
    expect(write.headers.get('access-control-allow-headers')).not.toMatch(/authorization/i);
  });
});
