import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A man in the middle in front of a hub: passes every request through, but rewrites the signed
 * record in `GET /records/…` answers with `tamper` (a JWS in, a JWS out). What a reader's browser
 * would get from a compromised hub or CDN. With `{ feed: true }` it stands in front of a node
 * instead and rewrites every record of its `GET /feed` pages: what a hub would get from a
 * compromised network path.
 */
export async function startTamperingProxy(
  target: string,
  tamper: (jws: string) => string,
  options: { feed?: boolean } = {},
): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((request, response) => {
    relay(request.url ?? '/', request.method ?? 'GET', request.headers.origin).then(
      ({ status, headers, body }) => response.writeHead(status, headers).end(body),
      (error: unknown) => response.writeHead(502).end(String(error)),
    );
  });
  async function relay(path: string, method: string, origin: string | undefined) {
    const upstream = await fetch(new URL(path, target), {
      method,
      headers: origin ? { origin } : {},
    });
    let body = Buffer.from(await upstream.arrayBuffer());
    if (!options.feed && path.startsWith('/records/') && upstream.ok) {
      const record = JSON.parse(body.toString('utf8')) as { jws: string };
      body = Buffer.from(JSON.stringify({ ...record, jws: tamper(record.jws) }));
    }
    if (options.feed && path.startsWith('/feed') && upstream.ok) {
      const page = JSON.parse(body.toString('utf8')) as { records: string[] };
      body = Buffer.from(JSON.stringify({ ...page, records: page.records.map(tamper) }));
    }
    const headers = Object.fromEntries(
      [...upstream.headers].filter(
        ([name]) => !['content-length', 'content-encoding'].includes(name),
      ),
    );
    return { status: upstream.status, headers, body };
  }
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A JWS whose payload's `data.<field>` was rewritten, keeping the original signature. */
export function alterRecordData(jws: string, field: string, value: unknown): string {
  const [header, payload, signature] = jws.split('.');
  const claims = JSON.parse(Buffer.from(String(payload), 'base64url').toString('utf8'));
  claims.data[field] = value;
  return `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
}
