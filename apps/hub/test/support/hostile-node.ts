import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GENESIS_HASH, SCHEMA_VERSION } from '@promise-global/schema';
import { publicJwks, type SigningKey } from '@promise-global/sdk/keys';
import { recordHash, signDescriptor, signHead, signRecord } from '@promise-global/sdk/sign';
import { organisationData, partnerData } from './fixtures.js';

/** What the hostile node does with the next `GET /feed`: serve a page, or misbehave at HTTP level. */
export type FeedBehaviour =
  | { kind: 'honest' }
  | { kind: 'page'; page: (after: number) => Promise<unknown> }
  | { kind: 'raw'; handle: (req: IncomingMessage, res: ServerResponse) => void };

/**
 * A node that is honest until told otherwise: it signs a short genuine log with its key, then
 * serves whatever broken page or transport fault a test sets as `behaviour`.
 */
export interface HostileNode {
  url: string;
  partnerId: string;
  key: SigningKey;
  log: string[];
  behaviour: FeedBehaviour;
  /** Signs a record claim set at `seq` chained to `prev`, with optional claim overrides. */
  record(
    seq: number,
    prev: string,
    overrides?: Record<string, unknown>,
    key?: SigningKey,
  ): Promise<string>;
  head(seq: number, hash: string, times?: { iat?: number; exp?: number }): Promise<string>;
  close(): Promise<void>;
}

export async function startHostileNode(partnerId: string, key: SigningKey): Promise<HostileNode> {
  let url = '';
  const log: string[] = [];
  const sockets = new Set<import('node:net').Socket>();
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    void (async () => {
      if (path === '/.well-known/promise-node') {
        res.writeHead(200, { 'content-type': 'application/jwt' });
        res.end(descriptor);
        return;
      }
      if (path !== '/feed') {
        res.writeHead(404);
        res.end();
        return;
      }
      const after = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('after') ?? 0);
      const behaviour = node.behaviour;
      if (behaviour.kind === 'raw') return behaviour.handle(req, res);
      const page =
        behaviour.kind === 'page'
          ? await behaviour.page(after)
          : {
              records: log.slice(after),
              head: await node.head(log.length, recordHash(log.at(-1) ?? '')),
            };
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(page));
    })().catch((error: unknown) => {
      res.writeHead(500);
      res.end(String(error));
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // Signed up front, so a loaded machine never makes the honest part of this node slow.
  const descriptor = await signDescriptor(key, {
    iss: url,
    sub: url,
    name: `Node ${partnerId}`,
    partner: partnerData(partnerId, url),
    jwks: publicJwks([key]),
    schemaVersion: SCHEMA_VERSION,
    feedUrl: `${url}/feed`,
  });

  const node: HostileNode = {
    url,
    partnerId,
    key,
    log,
    behaviour: { kind: 'honest' },
    record: (seq, prev, overrides = {}, signer = key) =>
      signRecord(signer, {
        iss: url,
        type: 'organisation',
        id: organisationData(partnerId).id,
        rev: seq,
        seq,
        prev,
        updatedAt: new Date().toISOString(),
        schemaVersion: SCHEMA_VERSION,
        data: { ...organisationData(partnerId), name: `Organisation revision ${seq}` },
        ...overrides,
      } as Parameters<typeof signRecord>[1]),
    head: (seq, hash, times = {}) =>
      signHead(key, { iss: url, seq, hash: seq === 0 ? GENESIS_HASH : hash, ...times }),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
  for (let seq = 1; seq <= 3; seq++)
    log.push(await node.record(seq, seq === 1 ? GENESIS_HASH : recordHash(log.at(-1) ?? '')));
  return node;
}
