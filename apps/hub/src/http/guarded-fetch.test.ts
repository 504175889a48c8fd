import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AddressPolicy } from './address-policy.js';
import { guardedFetch } from './guarded-fetch.js';

const limits = { connectMs: 500, firstByteMs: 300, totalMs: 800, maxBytes: 64 * 1024 };
const loopback = new AddressPolicy(['127.0.0.1']);
let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    switch (req.url) {
      case '/ok':
        res.setHeader('content-type', 'application/json');
        res.end('{"ok":true}');
        return;
      case '/silent':
        return; // never answers
      case '/drip': {
        res.writeHead(200, { 'content-type': 'application/json' });
        const interval = setInterval(() => res.write(' '), 50);
        res.on('close', () => clearInterval(interval));
        return;
      }
      case '/huge':
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(Buffer.alloc(200 * 1024, 0x20));
        return;
      case '/loop':
        res.writeHead(302, { location: '/loop' });
        res.end();
        return;
      case '/reset':
        req.socket.destroy();
        return;
      default:
        res.writeHead(404);
        res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('guarded fetch', () => {
  it('returns the status, content type and body of an allowed URL', async () => {
    const response = await guardedFetch(`${base}/ok`, { limits, policy: loopback });
    expect(response.status).toBe(200);
    expect(response.contentType).toBe('application/json');
    expect(response.body.toString()).toBe('{"ok":true}');
  });

  it('refuses loopback addresses that the allow-list does not permit', async () => {
    await expect(
      guardedFetch(`${base}/ok`, { limits, policy: new AddressPolicy([]) }),
    ).rejects.toMatchObject({
      code: 'ADDRESS_REFUSED',
    });
    const port = (server.address() as AddressInfo).port;
    await expect(
      guardedFetch(`http://localhost:${port}/ok`, { limits, policy: new AddressPolicy([]) }),
    ).rejects.toMatchObject({ code: 'ADDRESS_REFUSED' });
  });

  it('gives up on a server that never sends its first byte', async () => {
    await expect(
      guardedFetch(`${base}/silent`, { limits, policy: loopback }),
    ).rejects.toMatchObject({
      code: 'FIRST_BYTE_TIMEOUT',
    });
  });

  it('gives up on a body that drips for ever', async () => {
    await expect(guardedFetch(`${base}/drip`, { limits, policy: loopback })).rejects.toMatchObject({
      code: 'TOTAL_TIMEOUT',
    });
  });

  it('stops reading a body past the size limit', async () => {
    await expect(guardedFetch(`${base}/huge`, { limits, policy: loopback })).rejects.toMatchObject({
      code: 'RESPONSE_TOO_LARGE',
    });
  });

  it('stops following a redirect loop', async () => {
    await expect(guardedFetch(`${base}/loop`, { limits, policy: loopback })).rejects.toMatchObject({
      code: 'TOO_MANY_REDIRECTS',
    });
  });

  it('reports a reset connection', async () => {
    await expect(guardedFetch(`${base}/reset`, { limits, policy: loopback })).rejects.toMatchObject(
      {
        code: 'CONNECTION_RESET',
      },
    );
  });
});
