import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { keyFingerprint } from '@promise-global/sdk/keys';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { hashToken } from '../src/auth/tokens.js';
import { adminSessions } from '../src/db/schema.js';
import { innovation } from './fixtures.js';
import { createTestNode, type TestNode } from './test-node.js';

const ORIGIN = 'https://fenland.example.org';
const COOKIE = '__Host-promise_session';

interface Signed {
  cookie: string;
  id: string;
  csrf: string;
  setCookie: string;
}

async function signIn(
  t: TestNode,
  token = t.editor,
  headers: Record<string, string> = {},
): Promise<Signed> {
  const response = await t.node.app.request('/admin/session', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      origin: ORIGIN,
      'sec-fetch-site': 'same-origin',
      ...headers,
    },
    body: JSON.stringify({ token }),
  });
  expect(response.status).toBe(201);
  const setCookie = response.headers.get('set-cookie') ?? '';
  const id = new RegExp(`${COOKIE}=([^;]+)`).exec(setCookie)?.[1] ?? '';
  const body = (await response.json()) as { csrfToken: string };
  return { cookie: `${COOKIE}=${id}`, id, csrf: body.csrfToken, setCookie };
}

function withSession(t: TestNode, path: string, session: Partial<Signed>, init: RequestInit = {}) {
  const headers = new Headers(init.headers);
  if (session.cookie) headers.set('cookie', session.cookie);
  if (session.csrf) headers.set('x-csrf-token', session.csrf);
  return t.node.app.request(path, { ...init, headers });
}

describe('staff workspace sessions and CSRF', () => {
  it('exchanges a token for a HttpOnly, SameSite=Strict, Secure session cookie kept only as a hash', async () => {
    await using t = await createTestNode();
    const signed = await signIn(t);
    expect(signed.setCookie).toMatch(
      /^__Host-promise_session=[\w-]{43}; Max-Age=43200; Path=\/; HttpOnly; Secure; SameSite=Strict$/,
    );
    expect(signed.csrf).toMatch(/^[\w-]{43}$/);
    const rows = await t.node.context.database.read((db) => db.select().from(adminSessions));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.idHash).toBe(hashToken(signed.id));
    expect(JSON.stringify(rows)).not.toContain(signed.id);
    // The CSRF token is not in the database either: only its hash.
    expect(JSON.stringify(rows)).not.toContain(signed.csrf);
    expect(rows[0]?.csrfToken).toBe(hashToken(signed.csrf));
    const read = await withSession(t, '/admin/session', { cookie: signed.cookie });
    expect(await read.json()).toMatchObject({
      csrfToken: signed.csrf,
      role: 'editor',
      tokenName: 'test editor',
    });
  });

  it('refuses the stored CSRF value itself: what a copy of the database holds does not pass', async () => {
    await using t = await createTestNode();
    const signed = await signIn(t);
    const [row] = await t.node.context.database.read((db) => db.select().from(adminSessions));
    const stored = row?.csrfToken ?? '';
    expect(
      (await withSession(t, '/api/services', { cookie: signed.cookie, csrf: stored })).status,
    ).toBe(403);
    expect(
      (await withSession(t, '/api/services', { cookie: signed.cookie, csrf: signed.csrf })).status,
    ).toBe(200);
  });

  it('accepts the cookie on /api only with the session’s own CSRF token', async () => {
    await using t = await createTestNode();
    const one = await signIn(t);
    const two = await signIn(t);
    expect((await withSession(t, '/api/services', one)).status).toBe(200);
    const bare = await withSession(t, '/api/services', { cookie: one.cookie });
    expect(bare.status).toBe(403);
    expect(((await bare.json()) as { error: { code: string } }).error.code).toBe(
      'CSRF_TOKEN_INVALID',
    );
    expect(
      (await withSession(t, '/api/services', { cookie: one.cookie, csrf: two.csrf })).status,
    ).toBe(403);
    expect(
      (await withSession(t, '/api/services', { cookie: one.cookie, csrf: 'x'.repeat(43) })).status,
    ).toBe(403);
    const created = await withSession(t, '/api/innovations', one, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(innovation),
    });
    expect(created.status).toBe(201);
    // A session acts as its token: admin-only routes stay closed to an editor's session.
    expect((await withSession(t, '/api/tokens', one)).status).toBe(403);
    expect((await withSession(t, '/api/tokens', await signIn(t, t.admin))).status).toBe(200);
  });

  it('refuses requests a browser marks as cross-site or from another origin, even with the token', async () => {
    await using t = await createTestNode();
    const signed = await signIn(t);
    const attempts: Record<string, string>[] = [
      { origin: 'http://127.0.0.1:9999' },
      { 'sec-fetch-site': 'same-site' },
      { 'sec-fetch-site': 'cross-site', origin: 'https://attacker.example.org' },
    ];
    for (const headers of attempts) {
      const response = await withSession(t, '/api/services', signed, { headers });
      expect(response.status).toBe(403);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
        'CROSS_SITE_REQUEST',
      );
    }
    expect(
      (await withSession(t, '/api/services', signed, { headers: { origin: ORIGIN } })).status,
    ).toBe(200);
    // Sign-in itself: no cross-site posts, and only JSON (a plain HTML form cannot send it).
    const crossSite = await t.node.app.request('/admin/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://attacker.example.org' },
      body: JSON.stringify({ token: t.editor }),
    });
    expect(crossSite.status).toBe(403);
    const form = await t.node.app.request('/admin/session', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `token=${t.editor}`,
    });
    expect(form.status).toBe(415);
  });

  it('keeps bearer tokens working, and a bearer token wins over a cookie', async () => {
    await using t = await createTestNode();
    expect((await t.call('GET', '/api/services')).status).toBe(200);
    const response = await t.call('GET', '/api/services', undefined, {
      headers: { cookie: `${COOKIE}=${'x'.repeat(43)}`, origin: 'https://attacker.example.org' },
    });
    expect(response.status).toBe(200);
  });

  it('signs out by deleting the session; sign-out needs the CSRF token', async () => {
    await using t = await createTestNode();
    const signed = await signIn(t);
    const forged = await withSession(
      t,
      '/admin/session',
      { cookie: signed.cookie },
      { method: 'DELETE' },
    );
    expect(forged.status).toBe(403);
    expect((await withSession(t, '/api/services', signed)).status).toBe(200);
    const out = await withSession(t, '/admin/session', signed, { method: 'DELETE' });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/^__Host-promise_session=; Max-Age=0/);
    expect((await withSession(t, '/api/services', signed)).status).toBe(401);
    expect((await withSession(t, '/admin/session', signed)).status).toBe(401);
    expect(await t.node.context.database.read((db) => db.select().from(adminSessions))).toEqual([]);
  });

  it('ends sessions after the idle time, after the absolute lifetime, and when the token is revoked', async () => {
    await using t = await createTestNode({ sessionIdleMinutes: 5, sessionMaxHours: 2 });
    const { database } = t.node.context;
    const idle = await signIn(t);
    const longLived = await signIn(t);
    const revoked = await signIn(t, t.admin);
    const ago = (ms: number) => new Date(Date.now() - ms).toISOString();
    await database.write((tx) =>
      tx
        .update(adminSessions)
        .set({ lastSeenAt: ago(6 * 60_000) })
        .where(eq(adminSessions.idHash, hashToken(idle.id))),
    );
    await database.write((tx) =>
      tx
        .update(adminSessions)
        .set({ expiresAt: ago(1) })
        .where(eq(adminSessions.idHash, hashToken(longLived.id))),
    );
    expect((await withSession(t, '/api/services', idle)).status).toBe(401);
    expect((await withSession(t, '/api/services', longLived)).status).toBe(401);
    expect((await withSession(t, '/api/services', revoked)).status).toBe(200);
    const [tokenId] = (
      (await (await t.call('GET', '/api/tokens', undefined, { token: t.admin })).json()) as {
        items: { id: string; name: string }[];
      }
    ).items
      .filter((token) => token.name === 'test admin')
      .map((token) => token.id);
    expect(
      (await t.call('DELETE', `/api/tokens/${tokenId}`, undefined, { token: t.admin })).status,
    ).toBe(204);
    expect((await withSession(t, '/api/services', revoked)).status).toBe(401);
    const left = await database.read((db) =>
      db.select({ idHash: adminSessions.idHash }).from(adminSessions),
    );
    expect(left.map((row) => row.idHash)).not.toContain(hashToken(idle.id));
  });

  it('rate-limits failed sign-ins with the node’s limiter, yet signs in a good token', async () => {
    await using t = await createTestNode({ authFailureLimit: 3 });
    for (let i = 0; i < 3; i++) {
      const response = await t.node.app.request('/admin/session', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ token: `pnt_wrong${i}` }),
      });
      expect(response.status).toBe(401);
    }
    const signIn = (token: string) =>
      t.node.app.request('/admin/session', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ token }),
      });
    const blocked = await signIn('pnt_wrong9');
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await signIn(t.editor)).status).toBe(201);
  });

  it('uses a plain, non-Secure cookie when the node is served over http', async () => {
    await using t = await createTestNode({ publicUrl: 'http://127.0.0.1:8080' });
    const response = await t.node.app.request('/admin/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://127.0.0.1:8080' },
      body: JSON.stringify({ token: t.editor }),
    });
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(
      /^promise_session=[\w-]{43}; Max-Age=43200; Path=\/; HttpOnly; SameSite=Strict$/,
    );
  });
});

describe('staff workspace pages', () => {
  it('serves the built app under a strict CSP: index.html uncached, hashed assets cached for a year', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'admin-dist-'));
    try {
      await mkdir(join(dir, 'assets'));
      await writeFile(join(dir, 'index.html'), '<!doctype html><title>Staff workspace</title>');
      await writeFile(join(dir, 'assets', 'index-abc123.js'), 'export {};');
      await using t = await createTestNode({ adminDir: dir });
      for (const path of ['/admin', '/admin/', '/admin/services/123']) {
        const page = await t.node.app.request(path);
        expect(page.status).toBe(200);
        expect(await page.text()).toContain('Staff workspace');
        expect(page.headers.get('cache-control')).toBe('no-cache');
        const csp = page.headers.get('content-security-policy') ?? '';
        expect(csp).toContain("script-src 'self'");
        expect(csp).toContain("frame-ancestors 'none'");
        expect(csp).not.toContain('unsafe-inline');
      }
      const asset = await t.node.app.request('/admin/assets/index-abc123.js');
      expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
      expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect((await t.node.app.request('/admin/assets/missing.js')).status).toBe(404);
      expect((await t.node.app.request('/admin/assets/..%2Fsecret')).status).toBe(404);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('explains how to build the workspace when the build is missing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'admin-missing-'));
    try {
      await using t = await createTestNode({ adminDir: dir });
      const response = await t.node.app.request('/admin');
      expect(response.status).toBe(503);
      expect(await response.text()).toContain('pnpm build');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('workspace API additions', () => {
  it('reports the signed feed head, and says when the hub cannot be asked', async () => {
    await using t = await createTestNode({ hubUrl: 'http://127.0.0.1:9', pingRetries: 0 });
    await t.call('POST', '/api/organisations', { name: 'Fenland Crisis Sanctuary', type: 'vcfse' });
    const { status, body } = await t.json<{
      fingerprint: string;
      head: { seq: number; hash: string; signedAt: string };
      hub: { node: unknown; error: string };
    }>('GET', '/api/status');
    expect(status).toBe(200);
    expect(body.fingerprint).toBe(keyFingerprint(t.node.context.key.kid));
    expect(body.head.seq).toBe(2);
    expect(body.head.hash).toMatch(/^[\w-]{43}$/);
    expect(Date.now() - Date.parse(body.head.signedAt)).toBeLessThan(60_000);
    expect(body.hub).toMatchObject({ node: null, error: 'Hub status not available' });
  });

  it('lists a write-up’s published revisions from its signed records', async () => {
    await using t = await createTestNode();
    const created = await t.json<{ data: { id: string } }>('POST', '/api/innovations', innovation);
    const id = created.body.data.id;
    expect(
      (await t.json<{ items: unknown[] }>('GET', `/api/innovations/${id}/revisions`)).body.items,
    ).toEqual([]);
    await t.call('POST', `/api/innovations/${id}/submit`, {});
    await t.call('POST', `/api/innovations/${id}/withdraw`);
    const { body } = await t.json<{
      items: { rev: number; change: string; title: string | null }[];
    }>('GET', `/api/innovations/${id}/revisions`);
    expect(body.items.map((item) => [item.rev, item.change, item.title])).toEqual([
      [1, 'published', innovation.title],
      [2, 'withdrawn', null],
    ]);
    expect(
      (await t.call('GET', '/api/innovations/00000000-0000-4000-8000-000000000000/revisions'))
        .status,
    ).toBe(404);
  });
});
