import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SCHEMA_VERSION } from '@promise-global/schema';
import { generateSigningKey, publicJwks, type SigningKey } from '@promise-global/sdk/keys';
import { signDescriptor, signHead } from '@promise-global/sdk/sign';
import { partnerData } from './fixtures.js';

/**
 * What a party in the network path does to what the node serves:
 * - `honest`: passes everything through;
 * - `swap-key`: serves its own descriptor (same name, URL and partner, its key) and re-signs the
 *   feed's heads with its key, as at a first-contact attack or a hijacked path;
 * - `withhold`: passes the node's genuine signed head but drops every record from the page.
 */
export type TamperingMode = 'honest' | 'swap-key' | 'withhold';

/** A proxy on 127.0.0.1 in the path between a hub and a node; the node's URL is the proxy's. */
export interface TamperingProxy {
  url: string;
  mode: TamperingMode;
  /** The attacker's key (`swap-key`). */
  attacker: SigningKey;
  /** Where requests go on to: the node's own address. Set once the node listens. */
  target: string;
  close(): Promise<void>;
}

export async function startTamperingProxy(partnerId: string): Promise<TamperingProxy> {
  const attacker = await generateSigningKey();
  const send = (
    res: import('node:http').ServerResponse,
    status: number,
    type: string,
    body: string,
  ) => {
    res.writeHead(status, { 'content-type': type });
    res.end(body);
  };
  const server: Server = createServer((req, res) => {
    void (async () => {
      const path = new URL(req.url ?? '/', proxy.url).pathname;
      const upstream = await fetch(`${proxy.target}${req.url ?? '/'}`);
      const body = await upstream.text();
      const type = upstream.headers.get('content-type') ?? 'text/plain';
      if (proxy.mode === 'swap-key' && path === '/.well-known/promise-node') {
        const forged = await signDescriptor(attacker, {
          iss: proxy.url,
          sub: proxy.url,
          name: `Node ${partnerId}`,
          partner: partnerData(partnerId, proxy.url),
          jwks: publicJwks([attacker]),
          schemaVersion: SCHEMA_VERSION,
          feedUrl: `${proxy.url}/feed`,
        });
        return send(res, 200, 'application/jwt', forged);
      }
      if (proxy.mode !== 'honest' && path === '/feed' && upstream.ok) {
        const page = JSON.parse(body) as { records: string[]; head: string };
        if (proxy.mode === 'withhold') page.records = [];
        else {
          const claims = JSON.parse(
            Buffer.from(page.head.split('.')[1] ?? '', 'base64url').toString(),
          ) as { seq: number; hash: string };
          page.head = await signHead(attacker, {
            iss: proxy.url,
            seq: claims.seq,
            hash: claims.hash,
          });
        }
        return send(res, 200, 'application/json', JSON.stringify(page));
      }
      send(res, upstream.status, type, body);
    })().catch((error: unknown) => send(res, 502, 'text/plain', String(error)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const proxy: TamperingProxy = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    mode: 'honest',
    attacker,
    target: '',
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return proxy;
}
