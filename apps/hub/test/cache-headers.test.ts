import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hub } from '../src/create-hub.js';
import { PUBLIC_CACHE_CONTROL } from '../src/http/cache-headers.js';
import { OPERATOR_TOKEN, startTestHub } from './support/test-hub.js';

let hub: Hub;
beforeAll(async () => {
  ({ hub } = await startTestHub());
});
afterAll(() => hub.close());

const search = `/trpc/search.innovations?input=${encodeURIComponent(JSON.stringify({ q: 'crisis' }))}`;
const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(`${hub.url}${path}`, { headers });

describe('cache headers for a CDN', () => {
  it.each([search, '/services', '/feed.json', '/.well-known/jwks.json', '/memberships'])(
    'lets a CDN cache the public GET %s briefly, with an ETag',
    async (path) => {
      const response = await get(path);
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe(PUBLIC_CACHE_CONTROL);
      expect(response.headers.get('etag')).toMatch(/^"[\w-]+"$/);
    },
  );

  it('answers 304 to a matching If-None-Match and 200 to another', async () => {
    const first = await get(search);
    const etag = first.headers.get('etag') ?? '';
    const again = await get(search, { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect((await get(search, { 'if-none-match': '"other"' })).status).toBe(200);
  });

  it('never marks cacheable an answer to a request with a token or a cookie, or an admin call', async () => {
    const withToken = await get(search, { authorization: `Bearer ${OPERATOR_TOKEN}` });
    expect(withToken.status).toBe(200);
    expect(withToken.headers.get('cache-control')).toBe('no-store');
    const withCookie = await get(search, { cookie: 'session=abc' });
    expect(withCookie.headers.get('cache-control')).toBeNull();
    const admin = await get('/trpc/admin.counters.list', {
      authorization: `Bearer ${OPERATOR_TOKEN}`,
    });
    expect(admin.status).toBe(200);
    expect(admin.headers.get('cache-control')).toBe('no-store');
    const batched = await get(`/trpc/search.innovations,admin.counters.list?batch=1`);
    expect(batched.headers.get('cache-control')).toBeNull();
  });

  it('keeps the no-store of live pages (status, subscription confirmations)', async () => {
    expect((await get('/status')).headers.get('cache-control')).toBe('no-store');
    const confirm = await get('/subscribe/confirm?token=unknown');
    expect(confirm.headers.get('cache-control')).not.toBe(PUBLIC_CACHE_CONTROL);
  });
});
