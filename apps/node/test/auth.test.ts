import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { hashToken } from '../src/auth/tokens.js';
import { apiTokens } from '../src/db/schema.js';
import { organisation } from './fixtures.js';
import { createTestNode, type TestNode } from './test-node.js';

/** `GET /api/services` through a proxy that sent `X-Forwarded-For: forwarded`, with `token`. */
const viaProxy =
  (t: TestNode) =>
  (forwarded: string, token?: string): Promise<Response> =>
    t.call('GET', '/api/services', undefined, {
      ...(token ? { token } : {}),
      headers: { 'x-forwarded-for': forwarded },
    });

describe('authentication and roles', () => {
  it('refuses reads and writes of the authoring API without a token', async () => {
    await using t = await createTestNode();
    expect((await t.call('GET', '/api/organisations', undefined, { token: null })).status).toBe(
      401,
    );
    const write = await t.call('POST', '/api/organisations', organisation, { token: null });
    expect(write.status).toBe(401);
    expect(write.headers.get('www-authenticate')).toContain('Bearer');
    expect((await t.call('GET', '/api/organisations')).status).toBe(200);
  });

  it('refuses an unknown token and a malformed authorization header', async () => {
    await using t = await createTestNode();
    expect((await t.call('GET', '/api/innovations', undefined, { token: 'pnt_nope' })).status).toBe(
      401,
    );
    const response = await t.node.app.request('/api/innovations', {
      headers: { authorization: 'Basic x' },
    });
    expect(response.status).toBe(401);
  });

  it('lets an admin create, list and revoke tokens, and forbids an editor', async () => {
    await using t = await createTestNode();
    expect((await t.call('GET', '/api/tokens')).status).toBe(403);
    expect((await t.call('POST', '/api/tokens', { name: 'x', role: 'admin' })).status).toBe(403);
    const created = await t.call(
      'POST',
      '/api/tokens',
      { name: 'cms', role: 'editor' },
      { token: t.admin },
    );
    expect(created.status).toBe(201);
    const body = (await created.json()) as { id: string; token: string; role: string };
    expect(body.role).toBe('editor');
    expect((await t.call('GET', '/api/services', undefined, { token: body.token })).status).toBe(
      200,
    );

    const listed = await t.call('GET', '/api/tokens', undefined, { token: t.admin });
    const text = await listed.text();
    expect(text).toContain(body.id);
    expect(text).not.toContain(body.token);

    expect(
      (await t.call('DELETE', `/api/tokens/${body.id}`, undefined, { token: t.admin })).status,
    ).toBe(204);
    expect((await t.call('GET', '/api/services', undefined, { token: body.token })).status).toBe(
      401,
    );
    expect(
      (await t.call('DELETE', `/api/tokens/${body.id}`, undefined, { token: t.admin })).status,
    ).toBe(404);
  });

  it('stores only the SHA-256 of a token, never the token itself', async () => {
    await using t = await createTestNode();
    const rows = await t.node.context.database.read((db) => db.select().from(apiTokens));
    expect(JSON.stringify(rows)).not.toContain(t.editor);
    const [match] = await t.node.context.database.read((db) =>
      db
        .select()
        .from(apiTokens)
        .where(eq(apiTokens.tokenHash, hashToken(t.editor))),
    );
    expect(match?.role).toBe('editor');
  });

  it('answers 429 with Retry-After to a client’s failures past the limit, never to its valid token', async () => {
    await using t = await createTestNode({ authFailureLimit: 3 });
    for (let i = 0; i < 3; i++) {
      const failed = await t.call('GET', '/api/services', undefined, { token: `pnt_wrong${i}` });
      expect(failed.status).toBe(401);
    }
    const blocked = await t.call('GET', '/api/services', undefined, { token: 'pnt_wrong9' });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await blocked.json()) as { error: { code: string } }).error.code).toBe(
      'TOO_MANY_AUTH_FAILURES',
    );
    expect((await t.call('GET', '/api/services')).status).toBe(200);
    expect((await t.call('GET', '/api/tokens', undefined, { token: t.admin })).status).toBe(200);
  });

  it('limits one failing token tried from many addresses without locking out the addresses', async () => {
    await using t = await createTestNode({ authFailureLimit: 3, trustProxy: true });
    const from = viaProxy(t);
    for (const client of ['192.0.2.1', '192.0.2.2', '192.0.2.3'])
      expect((await from(client, 'pnt_stolen_guess')).status).toBe(401);
    expect((await from('192.0.2.4', 'pnt_stolen_guess')).status).toBe(429);
    expect((await from('192.0.2.4', 'pnt_other_guess')).status).toBe(401);
    expect((await from('192.0.2.4')).status).toBe(200);
  });

  it('behind a proxy, counts failures against the address the proxy appended, whatever the client forged', async () => {
    await using t = await createTestNode({ authFailureLimit: 3, trustProxy: true });
    const from = viaProxy(t);
    for (const [i, forged] of ['192.0.2.1', '192.0.2.2', '192.0.2.3'].entries()) {
      expect((await from(`${forged}, 198.51.100.7`, `pnt_wrong${i}`)).status).toBe(401);
    }
    expect((await from('192.0.2.99, 198.51.100.7', 'pnt_wrong9')).status).toBe(429);
    expect((await from('192.0.2.99, 198.51.100.7')).status).toBe(200);
    expect((await from('198.51.100.8', 'pnt_wrong10')).status).toBe(401);
  });

  it('behind a proxy it does not trust, anonymous failures cannot lock staff out', async () => {
    // Every client shares the proxy's address, so the source limit trips for all of them at once.
    await using t = await createTestNode({ authFailureLimit: 3, trustProxy: false });
    for (let i = 0; i < 10; i++)
      await t.call('GET', '/api/services', undefined, {
        token: `pnt_anonymous${i}`,
        headers: { 'x-forwarded-for': `203.0.113.${i}` },
      });
    const anonymous = await t.call('GET', '/api/services', undefined, { token: 'pnt_more' });
    expect(anonymous.status).toBe(429);
    expect((await t.call('GET', '/api/tokens', undefined, { token: t.admin })).status).toBe(200);
    const lowerCase = { token: null, headers: { authorization: `bearer ${t.editor}` } };
    expect((await t.call('GET', '/api/services', undefined, lowerCase)).status).toBe(200);
  });
});
