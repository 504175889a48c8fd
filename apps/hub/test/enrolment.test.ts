import { PublicJwkSet } from '@promise-global/schema';
import { HubClientError } from '@promise-global/sdk/client/hub';
import { keyFingerprint } from '@promise-global/sdk/keys';
import { pinKeys, verifyMembership, verifyRecord } from '@promise-global/sdk/verify';
import { afterEach, describe, expect, it } from 'vitest';
import { enrolAndApprove } from './support/enrol.js';
import { innovationData, organisationData, serviceData } from './support/fixtures.js';
import { startTestHub } from './support/test-hub.js';
import { startTestNode, type TestNode } from './support/test-node.js';

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of cleanup.splice(0).reverse()) await close();
});

async function node(partnerId: string): Promise<TestNode> {
  const started = await startTestNode({ partnerId });
  cleanup.push(() => started.close());
  return started;
}

describe('enrolment', () => {
  it('enrols a node by URL, backfills it and makes its records searchable', async () => {
    const { hub, client, operator } = await startTestHub();
    cleanup.push(() => hub.close());
    const cpft = await node('cpft');
    await cpft.publish('organisation', { ...organisationData('cpft') });
    await cpft.publish('innovation', {
      ...innovationData('cpft', 1, { title: 'Sanctuary night café' }),
    });
    await cpft.publish('service', { ...serviceData('cpft', 2) });

    const pending = await operator.enrolNode({ url: cpft.url });
    expect(pending).toMatchObject({
      kind: 'enrol',
      partnerId: 'cpft',
      name: 'Node cpft',
      nodeUrl: cpft.url,
      fingerprint: keyFingerprint(cpft.key.kid),
      keys: [{ kid: cpft.key.kid, fingerprint: keyFingerprint(cpft.key.kid), signer: true }],
    });
    expect(await operator.nodeStatus()).toEqual([]);
    const status = await operator.approveNode({
      partnerId: 'cpft',
      fingerprint: keyFingerprint(cpft.key.kid),
    });
    expect(status).toMatchObject({
      partnerId: 'cpft',
      state: 'active',
      pinnedKids: [cpft.key.kid],
    });
    const synced = await operator.syncNode({ partnerId: 'cpft' });
    expect(synced).toMatchObject({
      health: 'healthy',
      cursorSeq: 4,
      headSeq: 4,
      lag: 0,
      lastError: null,
    });

    const page = await client.searchInnovations({ q: 'sanctuary' });
    expect(page.items.map((item) => item.title)).toEqual(['Sanctuary night café']);
    expect(page.items[0]?.highlights.title).toContainEqual({ text: 'Sanctuary', match: true });
  });

  it('issues a membership statement anyone can fetch and verify against the hub keys', async () => {
    const { hub, operator } = await startTestHub();
    cleanup.push(() => hub.close());
    const cpft = await node('cpft');
    await enrolAndApprove(operator, cpft.url, cpft.key.kid);

    const jwks = PublicJwkSet.parse(await (await fetch(`${hub.url}/.well-known/jwks.json`)).json());
    const response = await fetch(`${hub.url}/memberships/cpft`);
    expect(response.headers.get('content-type')).toBe('application/jwt');
    const statement = await verifyMembership(await response.text(), {
      hubKeys: await pinKeys(jwks),
      hub: hub.url,
      sub: cpft.url,
    });
    expect(statement.partnerId).toBe('cpft');
    expect(statement.jwks.keys.map((key) => key.kid)).toEqual([cpft.key.kid]);
    expect(statement.exp - statement.iat).toBe(hub.config.membership.ttlSeconds);

    // The chain of trust: hub key → membership → node key → record.
    const record = await verifyRecord(cpft.log[0], {
      keys: await pinKeys(statement.jwks),
      iss: cpft.url,
    });
    expect(record.payload.type).toBe('partner');
  });

  it('renews membership statements that are about to expire, with the pinned keys', async () => {
    const { hub, operator } = await startTestHub({
      membership: { ttlSeconds: 120, renewBeforeSeconds: 100 },
    });
    cleanup.push(() => hub.close());
    const cpft = await node('cpft');
    await enrolAndApprove(operator, cpft.url, cpft.key.kid);
    expect(await hub.renewMemberships()).toBe(0);
    expect(await hub.renewMemberships(Date.now() + 30_000)).toBe(1);
    const jwks = PublicJwkSet.parse(await (await fetch(`${hub.url}/.well-known/jwks.json`)).json());
    const renewed = await verifyMembership(
      await (await fetch(`${hub.url}/memberships/cpft`)).text(),
      {
        hubKeys: await pinKeys(jwks),
        hub: hub.url,
      },
    );
    expect(renewed.jwks.keys.map((key) => key.kid)).toEqual([cpft.key.kid]);
  });

  it('refuses a node on a loopback address unless the allow-list permits it', async () => {
    const { hub, operator } = await startTestHub({ allowPrivateHosts: [] });
    cleanup.push(() => hub.close());
    const cpft = await node('cpft');
    const error = await operator.enrolNode({ url: cpft.url }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(HubClientError);
    expect(error).toMatchObject({
      code: 'UNPROCESSABLE_CONTENT',
      message: expect.stringContaining('ADDRESS_REFUSED'),
    });
    expect(await operator.nodeStatus()).toEqual([]);
  });

  it('requires an operator token to enrol', async () => {
    const { hub, client } = await startTestHub();
    cleanup.push(() => hub.close());
    const cpft = await node('cpft');
    await expect(client.enrolNode({ url: cpft.url })).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
      httpStatus: 401,
    });
  });
});
