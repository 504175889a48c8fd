import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

/**
 * The feed benchmark's baseline: a bare Hono route on @hono/node-server returning the given bytes,
 * serialised once up front. Lives here so `bench/` resolves hono through this package.
 */
export async function serveBytes(
  path: string,
  bytes: string,
): Promise<{ url: string; close(): Promise<void> }> {
  const app = new Hono().get(path, (c) => {
    c.header('Content-Type', 'application/json');
    return c.body(bytes);
  });
  const server = await new Promise<Server>((resolve) => {
    const created = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () =>
      resolve(created as Server),
    ) as Server;
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
