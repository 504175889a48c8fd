import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HubClient } from '@promise-global/sdk/client/hub';
import { afterEach, describe, expect, it } from 'vitest';
import type { HubConfigInput } from '../src/config/config.js';
import { OPERATOR_TOKEN, startTestHub } from './support/test-hub.js';

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of cleanup.splice(0).reverse()) await close();
});

async function hub(overrides: HubConfigInput = {}) {
  const started = await startTestHub({
    ...overrides,
    limits: {
      authFailuresPerClient: [{ limit: 3, windowSeconds: 60 }],
      authFailuresPerToken: [{ limit: 3, windowSeconds: 60 }],
      ...overrides.limits,
    },
  });
  cleanup.push(() => started.hub.close());
  /** An operator-only query with `authorization` as given, optionally through a proxy. */
  const counters = (authorization: string, forwardedFor?: string) =>
    fetch(`${started.hub.url}/trpc/admin.counters.list`, {
      headers: { authorization, ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}) },
    });
  return { ...started, counters };
}

describe('admin tokens at the hub', () => {
  it('accepts the Bearer scheme in any case', async () => {
    const { counters } = await hub();
    for (const scheme of ['Bearer', 'bearer', 'BEARER'])
      expect((await counters(`${scheme} ${OPERATOR_TOKEN}`)).status).toBe(200);
  });

  it('answers a client’s failures past the limit with 429 but still accepts its valid token', async () => {
    const { counters } = await hub();
    for (let i = 0; i < 3; i++) expect((await counters(`Bearer wrong-${i}`)).status).toBe(401);
    const refused = await counters('Bearer wrong-9');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await refused.json()).toMatchObject({ error: { code: 'TOO_MANY_AUTH_FAILURES' } });
    expect((await counters(`Bearer ${OPERATOR_TOKEN}`)).status).toBe(200);
  });

  it('behind a trusted proxy, limits the failing client and the failing token, not other clients', async () => {
    const { counters } = await hub({ limits: { trustedProxies: ['127.0.0.1'] } });
    for (let i = 0; i < 4; i++) await counters(`Bearer wrong-${i}`, '192.0.2.1');
    expect((await counters('Bearer wrong-9', '192.0.2.1')).status).toBe(429);
    expect((await counters('Bearer wrong-10', '192.0.2.2')).status).toBe(401);
    // One guessed token tried from many addresses is limited as a token.
    for (const client of ['198.51.100.1', '198.51.100.2', '198.51.100.3'])
      expect((await counters('Bearer guessed', client)).status).toBe(401);
    expect((await counters('Bearer guessed', '198.51.100.4')).status).toBe(429);
    expect((await counters(`Bearer ${OPERATOR_TOKEN}`, '192.0.2.1')).status).toBe(200);
  });

  it('behind a proxy it does not trust, anonymous failures never lock staff out', async () => {
    const { counters } = await hub();
    for (let i = 0; i < 20; i++) await counters(`Bearer anonymous-${i}`, `203.0.113.${i}`);
    expect((await counters('Bearer anonymous-99', '203.0.113.99')).status).toBe(429);
    expect((await counters(`bearer ${OPERATOR_TOKEN}`, '203.0.113.99')).status).toBe(200);
  });

  it('keeps a revoked bootstrap token revoked when the hub restarts with it configured', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hub-bootstrap-'));
    cleanup.push(() => rm(dir, { recursive: true, force: true }));
    const database = { url: `file:${join(dir, 'hub.db')}` };
    const first = await startTestHub({ database });
    const spare = await first.operator.createToken({ name: 'spare', role: 'operator' });
    expect(await first.operator.revokeToken({ id: 1 })).toEqual({ revoked: true });
    await first.hub.close();
    const second = await startTestHub({ database });
    cleanup.push(() => second.hub.close());
    await expect(second.operator.counters()).rejects.toThrow();
    const other = new HubClient({ baseUrl: second.hub.url, token: spare.token });
    await expect(other.counters()).resolves.toEqual(expect.any(Object));
  });
});
