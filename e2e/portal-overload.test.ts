import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HubClientError } from '@promise-global/sdk/client/hub';
import { afterEach, describe, expect, it } from 'vitest';
import { createPortalServer } from '../apps/portal/portal-server.js';
import { HubAnswerCache } from '../apps/portal/src/lib/server/hub-cache.js';

type Handler = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

/** The portal's real server around a handler whose renders finish only when `release` is called. */
async function portalWithSlowRenders(maxInFlight: number) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  let rendering = 0;
  const handler: Handler = (_req, res) => {
    rendering++;
    void released.then(() => {
      res.setHeader('content-type', 'text/html');
      res.end('<p>rendered</p>');
    });
  };
  const server = createPortalServer(Promise.resolve(handler), { maxInFlight });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, release, rendering: () => rendering };
}

describe('the portal under overload', () => {
  it('sheds renders beyond its bound at once with 503, Retry-After and crisis help; the admitted ones finish', async () => {
    const portal = await portalWithSlowRenders(4);
    const started = performance.now();
    const admitted = Array.from({ length: 4 }, () => fetch(`${portal.url}/`));
    // Wait until the four are rendering, then ten more arrive at once.
    while (portal.rendering() < 4) await new Promise((resolve) => setImmediate(resolve));
    const extra = await Promise.all(
      Array.from({ length: 10 }, async () => {
        const response = await fetch(`${portal.url}/innovations`);
        return {
          status: response.status,
          retryAfter: response.headers.get('retry-after'),
          cache: response.headers.get('cache-control'),
          csp: response.headers.get('content-security-policy'),
          body: await response.text(),
        };
      }),
    );
    const shedWithin = performance.now() - started;
    expect(extra.map((answer) => answer.status)).toEqual(Array(10).fill(503));
    expect(shedWithin).toBeLessThan(1_000);
    for (const answer of extra) {
      expect(answer.retryAfter).toBe('5');
      expect(answer.cache).toBe('no-store');
      expect(answer.csp).toContain("default-src 'none'");
      expect(answer.body).toContain('call your local emergency number');
      expect(answer.body).not.toMatch(/<script|style=/);
    }
    expect(portal.rendering()).toBe(4);

    portal.release();
    const finished = await Promise.all(admitted);
    expect(finished.map((response) => response.status)).toEqual([200, 200, 200, 200]);
    // The bound frees as renders finish: the next reader is served.
    expect((await fetch(`${portal.url}/`)).status).toBe(200);
  });

  it('never sheds static assets', async () => {
    const portal = await portalWithSlowRenders(1);
    const page = fetch(`${portal.url}/`);
    while (portal.rendering() < 1) await new Promise((resolve) => setImmediate(resolve));
    const asset = fetch(`${portal.url}/_app/immutable/app.js`);
    expect((await fetch(`${portal.url}/`)).status).toBe(503);
    portal.release();
    expect((await asset).status).toBe(200);
    expect((await page).status).toBe(200);
  });
});

describe('the shared cache of hub answers', () => {
  const options = { freshMs: 5_000, staleMs: 25_000, maxEntries: 3 };
  function clocked() {
    let now = 1_000_000;
    const cache = new HubAnswerCache({ ...options, now: () => now });
    return { cache, advance: (ms: number) => (now += ms) };
  }
  /** A hub answer that arrives when `answer` is called; `calls` counts the loads. */
  function hubAnswers() {
    const calls: ((value: string) => void)[] = [];
    return {
      load: () => new Promise<string>((resolve) => calls.push(resolve)),
      calls,
      answer: (value: string) => calls.at(-1)?.(value),
    };
  }

  it('asks the hub once for many readers asking the same question at once', async () => {
    const { cache } = clocked();
    const hub = hubAnswers();
    const readers = Promise.all(Array.from({ length: 50 }, () => cache.get('home', hub.load)));
    hub.answer('v1');
    expect(await readers).toEqual(Array(50).fill('v1'));
    expect(hub.calls).toHaveLength(1);
  });

  it('answers from memory while fresh, serves stale while one refresh runs, and waits once the answer is too old', async () => {
    const { cache, advance } = clocked();
    const hub = hubAnswers();
    const first = cache.get('home', hub.load);
    hub.answer('v1');
    expect(await first).toBe('v1');

    advance(4_999);
    expect(await cache.get('home', hub.load)).toBe('v1');
    expect(hub.calls).toHaveLength(1);

    advance(1); // stale: the old answer now, one refresh behind it
    expect(await cache.get('home', hub.load)).toBe('v1');
    expect(await cache.get('home', hub.load)).toBe('v1');
    expect(hub.calls).toHaveLength(2);
    hub.answer('v2');
    await new Promise((resolve) => setImmediate(resolve));
    expect(await cache.get('home', hub.load)).toBe('v2');

    // No reader is ever served an answer older than fresh + stale (30 s, within the minute).
    advance(30_000);
    const waited = cache.get('home', hub.load);
    expect(hub.calls).toHaveLength(3);
    hub.answer('v3');
    expect(await waited).toBe('v3');
  });

  it('keeps a hub refusal briefly but never a failure to reach the hub', async () => {
    const { cache } = clocked();
    let loads = 0;
    const refused = () => {
      loads++;
      return Promise.reject(new HubClientError('NOT_FOUND', 404, 'no such piece'));
    };
    await expect(cache.get('piece', refused)).rejects.toThrow('no such piece');
    await expect(cache.get('piece', refused)).rejects.toThrow('no such piece');
    expect(loads).toBe(1);
    const unreachable = () => {
      loads++;
      return Promise.reject(new Error('ECONNRESET'));
    };
    await expect(cache.get('search', unreachable)).rejects.toThrow('ECONNRESET');
    await expect(cache.get('search', unreachable)).rejects.toThrow('ECONNRESET');
    expect(loads).toBe(3);
    expect(cache.size).toBe(1);
  });

  it('holds a bounded number of answers, dropping the least recently stored', async () => {
    const { cache } = clocked();
    for (const key of ['a', 'b', 'c', 'd']) await cache.get(key, async () => key);
    expect(cache.size).toBe(3);
    let loads = 0;
    await cache.get('a', async () => {
      loads++;
      return 'a again';
    });
    expect(loads).toBe(1);
  });
});
