import { mkdtemp, rm, stat } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { PublicJwkSet } from '@promise-global/schema';
import { NodeClient } from '@promise-global/sdk/client';
import { pinKeys, verifyPing } from '@promise-global/sdk/verify';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNode, type PromiseNode } from '../src/node.js';
import { followFeed } from './feed-checker.js';
import { innovation, organisation, partnerProfile, service } from './fixtures.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'promise-node-server-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function startNode(dataDir: string, extra: Record<string, unknown> = {}) {
  const node = await createNode({
    partnerId: 'fenland',
    dataDir,
    port: 0,
    logLevel: 'silent',
    partner: partnerProfile,
    ...extra,
  });
  await node.start();
  return node;
}

function clientFor(node: PromiseNode, token: string) {
  return new NodeClient({ baseUrl: node.url, token });
}

describe('a running node', () => {
  it('publishes, revises and withdraws over HTTP with a chain that stays valid across a restart', async () => {
    const dataDir = join(dir, 'lifecycle');
    let node = await startNode(dataDir);
    const url = node.url;
    const port = Number(new URL(url).port);
    const token = await node.createToken('editor', 'editor');
    const fetchFrom = (base: () => string) => (path: string) => fetch(`${base()}${path}`);
    const feed = await followFeed(
      fetchFrom(() => node.url),
      url,
      'fenland',
    );
    expect((await feed.next()).map((r) => r.payload.type)).toEqual(['partner']);

    let client = clientFor(node, token);
    const draft = await client.innovations.create(innovation);
    await client.innovations.submit(draft.data.id);
    const [submitted] = await feed.next();
    expect(submitted?.payload).toMatchObject({ type: 'innovation', id: draft.data.id, rev: 1 });

    await client.innovations.update(draft.data.id, { ...innovation, title: 'Revised title' });
    expect(
      (await feed.next()).map((r) => [
        r.payload.rev,
        r.payload.type === 'innovation' && r.payload.data?.title,
      ]),
    ).toEqual([[2, 'Revised title']]);

    const keyMode = (await stat(join(dataDir, 'signing-key.json'))).mode & 0o777;
    expect(keyMode).toBe(0o600);
    const kid = node.context.key.kid;
    await node.close();

    node = await startNode(dataDir, { port, publicUrl: url });
    expect(node.context.key.kid).toBe(kid);
    client = clientFor(node, token);
    await client.innovations.withdraw(draft.data.id);
    const after = await feed.next();
    expect(after.map((r) => [r.payload.seq, r.payload.tombstone?.reason])).toEqual([
      [4, 'withdrawn'],
    ]);
    expect(feed.state.seq).toBe(4);
    await node.close();
  });

  it('serves concurrent writes and reads on an in-memory database without losing one', async () => {
    const node = await startNode(join(dir, 'memory'), { databaseUrl: ':memory:' });
    try {
      const client = clientFor(node, await node.createToken('editor', 'editor'));
      const writes = Array.from({ length: 20 }, (_, i) =>
        client.organisations.create({ ...organisation, name: `Org ${i}` }),
      );
      const reads = Array.from({ length: 20 }, () => client.feed({ after: 0 }));
      const results = await Promise.allSettled([...writes, ...reads]);
      expect(results.filter((result) => result.status === 'rejected')).toEqual([]);
      const feed = await followFeed((path) => fetch(`${node.url}${path}`), node.url, 'fenland');
      expect(await feed.next()).toHaveLength(21);
    } finally {
      await node.close();
    }
  });

  it('pings the hub with a signed ping after a change', async () => {
    const pings: string[] = [];
    const hub = await listen(
      new Hono().post('/ping', async (c) => {
        pings.push(await c.req.text());
        return c.body(null, 202);
      }),
    );
    const node = await startNode(join(dir, 'ping'), { hubUrl: hub.url });
    try {
      const client = clientFor(node, await node.createToken('editor', 'editor'));
      await client.organisations.create(organisation);
      await node.context.pinger.idle();
      expect(pings.length).toBeGreaterThan(0);
      const jwks = PublicJwkSet.parse(
        await (await fetch(`${node.url}/.well-known/jwks.json`)).json(),
      );
      const ping = await verifyPing(pings.at(-1), {
        keys: await pinKeys(jwks),
        aud: hub.url,
        iss: node.url,
      });
      expect(ping.seq).toBe(2);
    } finally {
      await node.close();
      await hub.close();
    }
  });

  it('retries a refused ping with backoff until the hub takes it', async () => {
    let attempts = 0;
    const hub = await listen(
      new Hono().post('/ping', (c) => c.body(null, ++attempts < 3 ? 503 : 202)),
    );
    const node = await startNode(join(dir, 'ping-retry'), { hubUrl: hub.url, pingBackoffMs: 20 });
    try {
      await clientFor(node, await node.createToken('editor', 'editor')).organisations.create(
        organisation,
      );
      await node.context.pinger.idle();
      expect(attempts).toBe(3);
    } finally {
      await node.close();
      await hub.close();
    }
  });

  it('waits as long as a hub answering 429 asks before pinging again, and drops a ping told to wait for minutes', async () => {
    const arrivals: number[] = [];
    let retryAfter = '1';
    const hub = await listen(
      new Hono().post('/ping', (c) => {
        arrivals.push(performance.now());
        if (arrivals.length > 1 && retryAfter === '1') return c.body(null, 202);
        c.header('Retry-After', retryAfter);
        return c.body(null, 429);
      }),
    );
    const node = await startNode(join(dir, 'ping-429'), { hubUrl: hub.url, pingBackoffMs: 20 });
    try {
      const client = clientFor(node, await node.createToken('editor', 'editor'));
      await client.organisations.create(organisation);
      await node.context.pinger.idle();
      expect(arrivals).toHaveLength(2);
      expect((arrivals[1] ?? 0) - (arrivals[0] ?? 0)).toBeGreaterThanOrEqual(950);

      retryAfter = '600';
      arrivals.length = 0;
      await client.organisations.create({ ...organisation, name: 'Another organisation' });
      await node.context.pinger.idle();
      expect(arrivals).toHaveLength(1);
    } finally {
      await node.close();
      await hub.close();
    }
  });

  it('keeps writing quickly while the hub is down, retrying in the background', async () => {
    const down = await listen(new Hono());
    await down.close();
    const node = await startNode(join(dir, 'hub-down'), {
      hubUrl: down.url,
      pingBackoffMs: 50,
      pingRetries: 2,
    });
    try {
      const client = clientFor(node, await node.createToken('editor', 'editor'));
      const started = performance.now();
      const org = await client.organisations.create(organisation);
      await client.services.create(service(org.data.id));
      expect(performance.now() - started).toBeLessThan(2_000);
      await node.context.pinger.idle();
      expect((await client.services.list()).items.length).toBe(1);
    } finally {
      await node.close();
    }
  });
});

async function listen(app: Hono): Promise<{ url: string; close(): Promise<void> }> {
  const server = await new Promise<Server>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () =>
      resolve(s as Server),
    ) as Server;
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
