import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HubClient, HubClientError } from './hub-client.js';

// The client is exercised against the real hub in apps/hub's tests; here a loopback server
// records the wire requests, so the encoding of tRPC's HTTP protocol is pinned down.
const seen: { method: string; url: string; auth: string | undefined; body: string }[] = [];
let server: Server;
let baseUrl: string;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let body = '';
    req.on('data', (chunk: Buffer) => {
      body += chunk.toString();
    });
    req.on('end', () => resolve(body));
  });
}

beforeAll(async () => {
  server = createServer(async (req, res) => {
    const body = await readBody(req);
    seen.push({
      method: req.method ?? '',
      url: req.url ?? '',
      auth: req.headers.authorization,
      body,
    });
    res.setHeader('content-type', 'application/json');
    if (req.url?.startsWith('/trpc/admin.nodes.enrol') && !req.headers.authorization) {
      res.statusCode = 401;
      res.end(
        JSON.stringify({
          error: {
            message: 'an admin token is required',
            code: -32001,
            data: { code: 'UNAUTHORIZED', httpStatus: 401 },
          },
        }),
      );
      return;
    }
    if (req.url?.startsWith('/missing/')) {
      res.statusCode = 404;
      res.setHeader('content-type', 'text/plain');
      res.end('404 Not Found');
      return;
    }
    if (req.url?.startsWith('/trpc/search.services') && req.url.includes('limit')) {
      res.statusCode = 400;
      const issues = [
        { code: 'too_small', path: ['limit'], message: 'Too small: expected number to be >=1' },
      ];
      res.end(
        JSON.stringify({
          error: {
            message: JSON.stringify(issues),
            data: { code: 'BAD_REQUEST', httpStatus: 400 },
          },
        }),
      );
      return;
    }
    if (req.url?.startsWith('/trpc/partners.list')) {
      res.statusCode = 502;
      res.setHeader('content-type', 'text/html');
      res.end('<html>bad gateway</html>');
      return;
    }
    res.end(
      JSON.stringify({ result: { data: { items: [], nextCursor: null, echo: body || req.url } } }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

describe('HubClient', () => {
  it('sends queries as GET with the input JSON-encoded in the query string', async () => {
    const client = new HubClient({ baseUrl });
    const page = await client.searchInnovations({
      q: 'crisis café',
      filters: { countries: ['GB'] },
      limit: 5,
    });
    expect(page).toMatchObject({ items: [], nextCursor: null });
    const request = seen.at(-1);
    expect(request?.method).toBe('GET');
    const url = new URL(request?.url ?? '', 'http://x');
    expect(url.pathname).toBe('/trpc/search.innovations');
    expect(JSON.parse(url.searchParams.get('input') ?? '')).toEqual({
      q: 'crisis café',
      filters: { countries: ['GB'] },
      limit: 5,
    });
  });

  it('sends input-less queries without an input parameter', async () => {
    await new HubClient({ baseUrl }).nodeStatus();
    expect(seen.at(-1)?.url).toBe('/trpc/nodes.status');
  });

  it('sends mutations as POST with a JSON body and the bearer token', async () => {
    const client = new HubClient({ baseUrl, token: 'secret-token' });
    await client.enrolNode({ url: 'https://node.example.org' });
    expect(seen.at(-1)).toMatchObject({
      method: 'POST',
      url: '/trpc/admin.nodes.enrol',
      auth: 'Bearer secret-token',
      body: '{"url":"https://node.example.org"}',
    });
  });

  it('turns a tRPC error into a HubClientError with its code and status', async () => {
    const error = await new HubClient({ baseUrl })
      .enrolNode({ url: 'https://node.example.org' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HubClientError);
    expect(error).toMatchObject({
      code: 'UNAUTHORIZED',
      httpStatus: 401,
      message: 'an admin token is required',
    });
  });

  it('names a non-JSON answer by its HTTP meaning, after retrying the query', async () => {
    const before = seen.length;
    await expect(new HubClient({ baseUrl, retries: 1 }).partners()).rejects.toMatchObject({
      code: 'BAD_GATEWAY',
      httpStatus: 502,
    });
    expect(seen.length - before).toBe(2);
  });

  it('reports a 404 without a tRPC body as NOT_FOUND', async () => {
    await expect(
      new HubClient({ baseUrl: `${baseUrl}missing` }).nodeStatus(),
    ).rejects.toMatchObject({ code: 'NOT_FOUND', httpStatus: 404 });
  });

  it('returns input issues as data, not as JSON in the message', async () => {
    const error = await new HubClient({ baseUrl })
      .searchServices({ q: 'x'.repeat(10), limit: -1 })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(HubClientError);
    expect(error).toMatchObject({
      code: 'BAD_REQUEST',
      issues: [{ path: ['limit'], message: 'Too small: expected number to be >=1' }],
      message: 'limit: Too small: expected number to be >=1',
    });
  });

  it('speaks the Project 52 procedures: public queries, the subscribe mutation and editor actions', async () => {
    const client = new HubClient({ baseUrl, token: 'editor-token' });
    await client.bulletin({ week: '2026-W41' });
    const query = new URL(seen.at(-1)?.url ?? '', 'http://x');
    expect(query.pathname).toBe('/trpc/project52.bulletin');
    expect(JSON.parse(query.searchParams.get('input') ?? '')).toEqual({ week: '2026-W41' });
    await client.subscribe({ email: 'reader@example.org' });
    expect(seen.at(-1)).toMatchObject({
      method: 'POST',
      url: '/trpc/subscriptions.request',
      body: '{"email":"reader@example.org"}',
    });
    await client.swapWeeks({ weekA: '2026-W41', weekB: '2026-W42' });
    expect(seen.at(-1)).toMatchObject({
      method: 'POST',
      url: '/trpc/admin.project52.swap',
      auth: 'Bearer editor-token',
    });
    await client.project52Queue();
    expect(seen.at(-1)?.url).toBe('/trpc/admin.project52.queue');
  });
});
