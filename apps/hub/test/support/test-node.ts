import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GENESIS_HASH, type RecordType, SCHEMA_VERSION } from '@promise-global/schema';
import { generateSigningKey, publicJwks, type SigningKey } from '@promise-global/sdk/keys';
import {
  recordHash,
  signDescriptor,
  signHead,
  signPing,
  signRecord,
} from '@promise-global/sdk/sign';
import { partnerData } from './fixtures.js';

/**
 * A small but genuine PROMISE node for tests: it signs every record with the SDK at publish time,
 * chains them, and serves the protocol's descriptor, JWKS and feed on 127.0.0.1.
 */
export interface TestNode {
  /** The URL the node names itself by (its `iss`): `publicUrl` when given, else `origin`. */
  url: string;
  /** Where the node listens. */
  origin: string;
  partnerId: string;
  /** Every record JWS in seq order (the node's log). */
  log: string[];
  /** The key signing records and heads. */
  key: SigningKey;
  publish(
    type: RecordType,
    data: { id: string } & Record<string, unknown>,
    schemaVersion?: string,
  ): Promise<string>;
  tombstone(type: RecordType, id: string): Promise<string>;
  ping(hubUrl: string): Promise<Response>;
  /** Announce `next` in a descriptor signed by `signer` (the current key for a valid rotation). */
  rotate(next: SigningKey, signer: SigningKey): Promise<void>;
  close(): Promise<void>;
}

export async function startTestNode(options: {
  partnerId: string;
  country?: string;
  /** The partner's region (e.g. a county or state), when a test groups by it. */
  region?: string;
  key?: SigningKey;
  /** A pre-signed log to serve (e.g. a large backfill), signed by `key`. */
  log?: string[];
  /** The URL it is reached at when that is not its own address (e.g. a proxy in front of it). */
  publicUrl?: string;
}): Promise<TestNode> {
  let key = options.key ?? (await generateSigningKey());
  let descriptorSigner = key;
  let announced: SigningKey[] = [key];
  let retired: SigningKey[] = [];
  const log: string[] = options.log ? [...options.log] : [];
  const revs = new Map<string, number>();
  let url = '';

  const descriptor = () =>
    signDescriptor(descriptorSigner, {
      iss: url,
      sub: url,
      name: `Node ${options.partnerId}`,
      partner: {
        ...partnerData(options.partnerId, url, options.country),
        ...(options.region ? { region: options.region } : {}),
      },
      jwks: publicJwks(announced),
      ...(retired.length ? { retiredJwks: publicJwks(retired) } : {}),
      schemaVersion: SCHEMA_VERSION,
      feedUrl: `${url}/feed`,
    });

  const server: Server = createServer((req, res) => {
    const requestUrl = new URL(req.url ?? '/', url);
    const send = (status: number, type: string, body: string) => {
      res.writeHead(status, { 'content-type': type });
      res.end(body);
    };
    void (async () => {
      if (requestUrl.pathname === '/.well-known/promise-node') {
        return send(200, 'application/jwt', await descriptor());
      }
      if (requestUrl.pathname === '/.well-known/jwks.json') {
        return send(200, 'application/json', JSON.stringify(publicJwks(announced)));
      }
      if (requestUrl.pathname === '/feed') {
        const after = Number(requestUrl.searchParams.get('after') ?? 0);
        const limit = Number(requestUrl.searchParams.get('limit') ?? 100);
        const records = log.slice(after, after + limit);
        const last = log.at(-1);
        const head = await signHead(key, {
          iss: url,
          seq: log.length,
          hash: last ? recordHash(last) : GENESIS_HASH,
        });
        return send(200, 'application/json', JSON.stringify({ records, head }));
      }
      send(404, 'application/json', '{"error":"NOT_FOUND"}');
    })().catch((error: unknown) => send(500, 'text/plain', String(error)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  url = options.publicUrl ?? origin;

  const append = async (claims: Parameters<typeof signRecord>[1]) => {
    const jws = await signRecord(key, claims);
    log.push(jws);
    return jws;
  };
  const envelope = (type: RecordType, id: string) => {
    const rev = (revs.get(`${type}/${id}`) ?? 0) + 1;
    revs.set(`${type}/${id}`, rev);
    const last = log.at(-1);
    return {
      iss: url,
      type,
      id,
      rev,
      seq: log.length + 1,
      prev: last ? recordHash(last) : GENESIS_HASH,
      updatedAt: new Date().toISOString(),
    };
  };

  const node: TestNode = {
    get url() {
      return url;
    },
    origin,
    partnerId: options.partnerId,
    log,
    get key() {
      return key;
    },
    publish: (type, data, schemaVersion = SCHEMA_VERSION) =>
      append({ ...envelope(type, data.id), schemaVersion, data }),
    tombstone: (type, id) =>
      append({
        ...envelope(type, id),
        schemaVersion: SCHEMA_VERSION,
        tombstone: { reason: 'withdrawn' },
      }),
    ping: async (hubUrl) =>
      fetch(`${hubUrl}/ping`, {
        method: 'POST',
        body: await signPing(key, { iss: url, aud: hubUrl, seq: log.length }),
      }),
    async rotate(next, signer) {
      retired = [...retired, ...announced.filter((old) => old.kid !== next.kid)];
      announced = [next];
      descriptorSigner = signer;
      key = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  if (!options.log)
    await node.publish('partner', {
      ...{
        ...partnerData(options.partnerId, url, options.country),
        ...(options.region ? { region: options.region } : {}),
      },
    });
  return node;
}
