import { randomUUID } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ProblemReport } from '@promise-global/schema';
import { generateSigningKey, publicJwks, type SigningKey } from '@promise-global/sdk/keys';
import { signProblemReport } from '@promise-global/sdk/sign';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InboxReport } from '../src/reports/problem-reports.js';
import { service } from './fixtures.js';
import { createTestNode, type TestNode } from './test-node.js';

const NODE_URL = 'https://fenland.example.org';
const REPLY = 'reader-7f3a@example.org';

let hubKey: SigningKey;
let hubServer: Server;
let hubUrl: string;
let dataDir: string;
let t: TestNode;
let serviceId: string;

/** A real HTTP server standing for the hub: it serves the hub's public keys, as a hub does. */
beforeAll(async () => {
  hubKey = await generateSigningKey();
  hubServer = createServer((req, res) => {
    if (req.url === '/.well-known/jwks.json') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(publicJwks([hubKey])));
    } else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => hubServer.listen(0, '127.0.0.1', resolve));
  hubUrl = `http://127.0.0.1:${(hubServer.address() as AddressInfo).port}`;
  dataDir = join(tmpdir(), `promise-node-reports-${randomUUID()}`);
  t = await createTestNode({
    hubUrl,
    dataDir,
    databaseUrl: `file:${join(dataDir, 'node.db')}`,
    pingRetries: 0,
  });
  const organisation = await t.json<{ data: { id: string } }>('POST', '/api/organisations', {
    name: 'Fenland Mind',
    type: 'vcfse',
  });
  const created = await t.json<{ data: { id: string } }>('POST', '/api/services', {
    ...service(organisation.body.data.id),
    name: 'Fenland crisis line',
  });
  if (created.status !== 201) throw new Error(JSON.stringify(created.body));
  serviceId = created.body.data.id;
});

afterAll(async () => {
  await t?.[Symbol.asyncDispose]();
  hubServer?.close();
  await rm(dataDir, { recursive: true, force: true });
});

function report(overrides: Partial<ProblemReport> = {}): ProblemReport {
  return {
    id: randomUUID(),
    partnerId: 'fenland',
    serviceId,
    kind: 'wrong_phone',
    details: 'The number rings out.',
    receivedAt: new Date().toISOString(),
    ...overrides,
  };
}

function deliver(body: string) {
  return t.node.app.request('/hub/problem-reports', {
    method: 'POST',
    headers: { 'content-type': 'application/jwt' },
    body,
  });
}

async function inbox(status: 'open' | 'resolved' = 'open') {
  return (
    await t.json<{ items: InboxReport[]; open: number }>(
      'GET',
      `/api/problem-reports?status=${status}`,
    )
  ).body;
}

describe('problem reports delivered by the hub', () => {
  it('stores a report signed by its hub, once however often it is delivered', async () => {
    const one = report({ replyTo: REPLY, details: '<script>alert(1)</script> ring 01632 960000' });
    const jws = await signProblemReport(hubKey, { iss: hubUrl, aud: NODE_URL, report: one });
    const first = await deliver(jws);
    expect(first.status).toBe(202);
    expect(await first.json()).toEqual({ status: 'stored' });
    const again = await deliver(jws);
    expect(again.status).toBe(202);
    expect(await again.json()).toEqual({ status: 'already_stored' });
    const open = await inbox();
    const found = open.items.filter((item) => item.id === one.id);
    expect(found).toHaveLength(1);
    // Stored as written: the workspace renders it as text, never as HTML.
    expect(found[0]).toMatchObject({
      serviceName: 'Fenland crisis line',
      details: one.details,
      replyTo: REPLY,
      resolvedAt: null,
    });
  });

  it('refuses a report signed by any other key, and stores nothing', async () => {
    const forger = await generateSigningKey();
    const forged = report();
    const response = await deliver(
      await signProblemReport(forger, { iss: hubUrl, aud: NODE_URL, report: forged }),
    );
    expect(response.status).toBe(401);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('UNKNOWN_KID');
    expect((await inbox()).items.some((item) => item.id === forged.id)).toBe(false);
  });

  it('refuses a hub-signed report for another node, from another issuer, expired or tampered', async () => {
    const cases = [
      { claims: { iss: hubUrl, aud: 'https://other.example.org' }, code: 'AUD_MISMATCH' },
      { claims: { iss: 'https://evil.example.org', aud: NODE_URL }, code: 'ISS_MISMATCH' },
      { claims: { iss: hubUrl, aud: NODE_URL, iat: 1_000, exp: 1_100 }, code: 'EXPIRED' },
    ];
    for (const { claims, code } of cases) {
      const one = report();
      const response = await deliver(await signProblemReport(hubKey, { ...claims, report: one }));
      expect(response.status, code).toBe(401);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe(code);
    }
    const jws = await signProblemReport(hubKey, { iss: hubUrl, aud: NODE_URL, report: report() });
    const [header, payload, signature] = jws.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    claims.report.details = 'Changed on the way';
    const tampered = `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
    expect((await deliver(tampered)).status).toBe(401);
    expect((await deliver('not a token')).status).toBe(401);
  });

  it('refuses an oversized body before reading it, and a report about another partner', async () => {
    expect((await deliver('x'.repeat(20_000))).status).toBe(413);
    const other = report({ partnerId: 'elsewhere' });
    const response = await deliver(
      await signProblemReport(hubKey, { iss: hubUrl, aud: NODE_URL, report: other }),
    );
    expect(response.status).toBe(422);
  });

  it('the hub cannot sign a report with more than 1000 characters of details', async () => {
    await expect(
      signProblemReport(hubKey, {
        iss: hubUrl,
        aud: NODE_URL,
        report: report({ details: 'x'.repeat(1001) }),
      }),
    ).rejects.toThrow(/invalid problem report/);
  });

  it('the inbox needs a signed-in editor', async () => {
    expect((await t.call('GET', '/api/problem-reports', undefined, { token: null })).status).toBe(
      401,
    );
  });

  it('resolving a report deletes the reply address from the database file', async () => {
    const one = report({ replyTo: 'erase-me-4c1d@example.org' });
    await deliver(await signProblemReport(hubKey, { iss: hubUrl, aud: NODE_URL, report: one }));
    const file = join(dataDir, 'node.db');
    await t.node.context.database.client.execute('PRAGMA wal_checkpoint(TRUNCATE)');
    expect((await readFile(file)).includes('erase-me-4c1d@example.org')).toBe(true);
    const resolved = await t.json<InboxReport>(
      'POST',
      `/api/problem-reports/${one.id}/resolve`,
      {},
    );
    expect(resolved.status).toBe(200);
    expect(resolved.body).toMatchObject({ id: one.id, replyTo: null, resolvedBy: 'test editor' });
    expect(resolved.body.resolvedAt).toEqual(expect.any(String));
    const row = await t.node.context.database.client.execute({
      sql: 'SELECT reply_to FROM problem_reports WHERE id = ?',
      args: [one.id],
    });
    expect(row.rows[0]?.reply_to).toBeNull();
    const bytes = await readFile(file);
    expect(bytes.includes('erase-me-4c1d@example.org')).toBe(false);
    expect((await inbox()).items.some((item) => item.id === one.id)).toBe(false);
    expect((await inbox('resolved')).items.some((item) => item.id === one.id)).toBe(true);
    expect((await t.call('POST', `/api/problem-reports/${randomUUID()}/resolve`, {})).status).toBe(
      404,
    );
  });

  it('never puts a report in the feed', async () => {
    const feed = await (await t.node.app.request('/feed?after=0')).text();
    expect(feed).not.toContain('rings out');
    expect(feed).not.toContain(REPLY);
  });
});
