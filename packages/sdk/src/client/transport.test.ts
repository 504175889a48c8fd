import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { retryAfterMs, Transport } from './transport.js';
import { NetworkError, TimeoutError } from './transport-errors.js';

// Real loopback servers that misbehave the ways networks do: silence, refusal, 503 with
// Retry-After. No mocks of fetch: the transport's own fetch call is what is under test.
type Handler = (response: ServerResponse, hit: number) => void;
const servers: Server[] = [];

async function serve(handler: Handler): Promise<{ url: string; hits: () => number }> {
  let hits = 0;
  const server = createServer((_request, response) => {
    hits += 1;
    handler(response, hits);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/x`,
    hits: () => hits,
  };
}

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

describe('the clients’ transport', () => {
  it('calls the given fetch as a plain function, as a browser’s fetch requires', async () => {
    const { url } = await serve((response) => response.end('ok'));
    function strictFetch(this: unknown, input: string | URL | Request, init?: RequestInit) {
      if (this !== undefined) throw new TypeError('Illegal invocation');
      return fetch(input, init);
    }
    const transport = new Transport({ fetch: strictFetch });
    expect((await transport.request(url)).text).toBe('ok');
  });

  it('gives up on a server that accepts and never answers, with a TimeoutError naming the URL', async () => {
    const { url, hits } = await serve(() => {});
    const transport = new Transport({ timeoutMs: 150, retries: 1 });
    const error = await transport.request(url).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ code: 'TIMEOUT', url, timeoutMs: 150 });
    expect(hits()).toBe(2);
  });

  it('turns a refused connection into a NetworkError with the URL and the cause', async () => {
    const { url } = await serve((response) => response.end());
    await new Promise((resolve) => servers[0]?.close(resolve));
    const transport = new Transport({ retries: 0 });
    const error = await transport.request(url).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ code: 'NETWORK_ERROR', url });
    expect((error as NetworkError).cause).toBeInstanceOf(Error);
    expect((error as Error).message).toContain(url);
  });

  it('retries a GET after 503 once Retry-After has passed', async () => {
    const { url, hits } = await serve((response, hit) => {
      if (hit === 1) response.writeHead(503, { 'retry-after': '1' }).end('busy');
      else response.end('ok');
    });
    const started = Date.now();
    const response = await new Transport({}).request(url);
    expect(response.text).toBe('ok');
    expect(hits()).toBe(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
  });

  it('never retries a POST', async () => {
    const { url, hits } = await serve((response) =>
      response.writeHead(503, { 'retry-after': '0' }).end(),
    );
    const response = await new Transport({}).request(url, { method: 'POST', body: '{}' });
    expect(response.status).toBe(503);
    expect(hits()).toBe(1);
  });

  it('stops at once, without retrying, when the caller aborts', async () => {
    const { url, hits } = await serve(() => {});
    const controller = new AbortController();
    const pending = new Transport({ retries: 3 }).request(url, {}, { signal: controller.signal });
    await expect.poll(hits).toBe(1);
    controller.abort(new Error('page closed'));
    await expect(pending).rejects.toThrow('page closed');
    expect(hits()).toBe(1);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-12-01T12:00:00Z');
    expect(retryAfterMs('3', now)).toBe(3000);
    expect(retryAfterMs('Tue, 01 Dec 2026 12:00:05 GMT', now)).toBe(5000);
    expect(retryAfterMs('soon', now)).toBeUndefined();
    expect(retryAfterMs(null, now)).toBeUndefined();
  });
});
