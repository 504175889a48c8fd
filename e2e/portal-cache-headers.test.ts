import { describe, expect, it } from 'vitest';
import { PUBLIC_CACHE_CONTROL, withPublicCaching } from '../apps/portal/src/cache-headers.js';

const page = (headers: Record<string, string> = {}) =>
  new Response('<h1>Crisis services</h1>', {
    status: 200,
    headers: { 'content-type': 'text/html', ...headers },
  });
const get = (headers: Record<string, string> = {}) =>
  new Request('http://portal.example.org/services', { headers });

describe('public caching', () => {
  it('lets a CDN keep a public page briefly, with an ETag that answers 304', async () => {
    const response = await withPublicCaching(get(), page());
    expect(response.headers.get('cache-control')).toBe(PUBLIC_CACHE_CONTROL);
    const etag = response.headers.get('etag') ?? '';
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(await response.text()).toBe('<h1>Crisis services</h1>');
    const again = await withPublicCaching(get({ 'if-none-match': etag }), page());
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
  });

  it('never caches a response to a request with a cookie, or one that sets a cookie', async () => {
    const withCookie = await withPublicCaching(get({ cookie: 'editor=abc' }), page());
    expect(withCookie.headers.get('cache-control')).toBeNull();
    const setsCookie = await withPublicCaching(get(), page({ 'set-cookie': 'a=b' }));
    expect(setsCookie.headers.get('cache-control')).toBeNull();
  });

  it('keeps a page’s own policy, and leaves posts and errors alone', async () => {
    const live = await withPublicCaching(get(), page({ 'cache-control': 'no-store' }));
    expect(live.headers.get('cache-control')).toBe('no-store');
    const post = new Request('http://portal.example.org/subscribe', { method: 'POST', body: 'x' });
    expect((await withPublicCaching(post, page())).headers.get('cache-control')).toBeNull();
    const missing = new Response('gone', { status: 404 });
    expect((await withPublicCaching(get(), missing)).headers.get('cache-control')).toBeNull();
  });
});
