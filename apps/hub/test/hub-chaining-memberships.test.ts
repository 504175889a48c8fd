import { PublicJwkSet } from '@promise-global/schema';
import { pinKeys, verifyMembership } from '@promise-global/sdk/verify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrolAndApprove } from './support/enrol.js';
import { innovationData } from './support/fixtures.js';
import { startTestHub } from './support/test-hub.js';
import { startTestNode, type TestNode } from './support/test-node.js';

// A hub vouches for a relayed node no longer than the upstream hub it learned the node's keys from.
type Started = Awaited<ReturnType<typeof startTestHub>>;
const DAY = 86_400;
let node: TestNode;
let regional: Started;
let global: Started;

async function statementOf(hub: Started, partnerId: string) {
  const hubKeys = await pinKeys(
    PublicJwkSet.parse(await (await fetch(`${hub.hub.url}/.well-known/jwks.json`)).json()),
  );
  const response = await fetch(`${hub.hub.url}/memberships/${partnerId}`);
  if (!response.ok) return undefined;
  return verifyMembership(await response.text(), { hubKeys, hub: hub.hub.url });
}

beforeAll(async () => {
  node = await startTestNode({ partnerId: 'alpha' });
  await node.publish('innovation', { ...innovationData('alpha', 1) });
  regional = await startTestHub({ membership: { ttlSeconds: DAY, renewBeforeSeconds: 3_600 } });
  await enrolAndApprove(regional.operator, node.url, node.key.kid);
  await regional.operator.syncNode({ partnerId: 'alpha' });
  global = await startTestHub({
    membership: { ttlSeconds: 30 * DAY, renewBeforeSeconds: 2 * DAY },
  });
  await global.operator.addUpstream({ url: regional.hub.url });
  await global.operator.syncUpstream({ url: regional.hub.url });
});

afterAll(async () => {
  await global.hub.close();
  await regional.hub.close();
  await node.close();
});

describe('membership statements for relayed nodes', () => {
  it('end no later than the upstream hub’s statement, however long this hub’s own lifetime', async () => {
    const upstream = await statementOf(regional, 'alpha');
    const relayed = await statementOf(global, 'alpha');
    expect(upstream && relayed).toBeTruthy();
    expect(relayed?.exp).toBeLessThanOrEqual(upstream?.exp ?? 0);
  });

  it('are renewed from the upstream’s current statement, still capped by it', async () => {
    const before = await statementOf(global, 'alpha');
    expect(await global.hub.renewMemberships(Date.now() + 29 * DAY * 1000)).toBe(1);
    const upstream = await statementOf(regional, 'alpha');
    const after = await statementOf(global, 'alpha');
    expect(after?.iat).toBeGreaterThanOrEqual(before?.iat ?? 0);
    expect(after?.exp).toBeLessThanOrEqual(upstream?.exp ?? 0);
  });

  it('are not renewed once the upstream no longer vouches for the node', async () => {
    await regional.operator.removeNode({ partnerId: 'alpha' });
    expect(await global.hub.renewMemberships(Date.now() + 29 * DAY * 1000)).toBe(0);
  });
});
