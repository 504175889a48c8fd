import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { numericDate } from '@promise-global/sdk';
import { generateSigningKey, publicJwks, type SigningKey } from '@promise-global/sdk/keys';
import {
  AGGREGATE_DIGEST_ALG,
  type AggregateItem,
  aggregateDigest,
  signHead,
  signMembership,
} from '@promise-global/sdk/sign';

/** A node the fake hub vouches for: its URL, partner id and the key its membership carries. */
export interface FakeMember {
  url: string;
  partnerId: string;
  key: SigningKey;
}

/**
 * A hand-driven hub for hub-chaining tests: it serves the hub identity, JWKS, membership list and
 * a genuinely signed aggregate feed of `items`, and each knob makes one part of it hostile.
 */
export interface FakeHub {
  url: string;
  key: SigningKey;
  items: AggregateItem[];
  members: FakeMember[];
  /** Signs heads with this key instead of the advertised one. */
  headKey: SigningKey | undefined;
  /** Signs membership statements with this key instead of the advertised one. */
  membershipKey: SigningKey | undefined;
  /** Changes the items after the head was signed over them. */
  tamper: ((items: AggregateItem[]) => AggregateItem[]) | undefined;
  /** Ignores the requested limit (serves every item after the cursor). */
  ignoreLimit: boolean;
  /** Pads the response body to this many bytes. */
  padTo: number;
  /** Serves protocol 1.0 heads (no `digestAlg`, the `JSON.stringify` digest) whatever is asked. */
  legacy: boolean;
  close(): Promise<void>;
}

export async function startFakeHub(): Promise<FakeHub> {
  const key = await generateSigningKey();
  let url = '';
  const fake: FakeHub = {
    get url() {
      return url;
    },
    key,
    items: [],
    members: [],
    headKey: undefined,
    membershipKey: undefined,
    tamper: undefined,
    ignoreLimit: false,
    padTo: 0,
    legacy: false,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  const feed = async (after: number, limit: number, digest: string | null) => {
    const after_ = fake.items.filter((item) => item.hubSeq > after);
    const items = fake.ignoreLimit ? after_ : after_.slice(0, limit);
    const head = await signHead(fake.headKey ?? key, {
      iss: url,
      seq: items.at(-1)?.hubSeq ?? after,
      ...(fake.legacy || digest !== AGGREGATE_DIGEST_ALG
        ? { hash: aggregateDigest(items, 'json-items') }
        : { hash: aggregateDigest(items), digestAlg: AGGREGATE_DIGEST_ALG }),
    });
    const body = JSON.stringify({ items: fake.tamper ? fake.tamper(items) : items, head });
    return fake.padTo > body.length ? `${body}${' '.repeat(fake.padTo - body.length)}` : body;
  };
  const memberships = async () => {
    const iat = numericDate();
    return JSON.stringify(
      await Promise.all(
        fake.members.map(async (member) => ({
          partnerId: member.partnerId,
          nodeUrl: member.url,
          jws: await signMembership(fake.membershipKey ?? key, {
            iss: url,
            sub: member.url,
            partnerId: member.partnerId,
            jwks: publicJwks([member.key]),
            iat,
            exp: iat + 86_400,
          }),
        })),
      ),
    );
  };
  const server: Server = createServer((req, res) => {
    const requestUrl = new URL(req.url ?? '/', url);
    const json = (body: string) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(body);
    };
    void (async () => {
      if (requestUrl.pathname === '/.well-known/promise-hub') return json(JSON.stringify({ url }));
      if (requestUrl.pathname === '/.well-known/jwks.json')
        return json(JSON.stringify(publicJwks([key])));
      if (requestUrl.pathname === '/memberships') return json(await memberships());
      if (requestUrl.pathname === '/hub/feed') {
        const after = Number(requestUrl.searchParams.get('after') ?? 0);
        const limit = Number(requestUrl.searchParams.get('limit') ?? 500);
        return json(await feed(after, limit, requestUrl.searchParams.get('digest')));
      }
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end('{"error":"NOT_FOUND"}');
    })().catch((error: unknown) => {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return fake;
}

/** Aggregate items carrying a node's records unchanged, numbered from `firstHubSeq`. */
export function recordItems(
  node: string,
  log: readonly string[],
  firstHubSeq = 1,
): AggregateItem[] {
  return log.map((jws, index) => ({ hubSeq: firstHubSeq + index, node, jws }));
}
