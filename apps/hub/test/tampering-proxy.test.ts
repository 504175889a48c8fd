import { keyFingerprint } from '@promise-global/sdk/keys';
import { afterEach, describe, expect, it } from 'vitest';
import { enrolAndApprove } from './support/enrol.js';
import { innovationData } from './support/fixtures.js';
import { startTamperingProxy, type TamperingProxy } from './support/tampering-proxy.js';
import { eventually, startTestHub } from './support/test-hub.js';
import { startTestNode, type TestNode } from './support/test-node.js';

// A party in the network path between the hub and a node (docs/protocol.md §3.1, §7.4, §7.5).
const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of cleanup.splice(0).reverse()) await close();
});

/** A genuine node reached only through a tampering proxy: its URL is the proxy's. */
async function nodeBehindProxy(
  partnerId: string,
): Promise<{ node: TestNode; proxy: TamperingProxy }> {
  const proxy = await startTamperingProxy(partnerId);
  cleanup.push(() => proxy.close());
  const node = await startTestNode({ partnerId, publicUrl: proxy.url });
  cleanup.push(() => node.close());
  proxy.target = node.origin;
  await node.publish('innovation', { ...innovationData(partnerId, 1, { title: 'Crisis café' }) });
  return { node, proxy };
}

describe('first contact through a tampering proxy', () => {
  it('shows the attacker’s fingerprint, refuses the real one, and pins, harvests and vouches for nothing', async () => {
    const { hub, client, operator } = await startTestHub();
    cleanup.push(() => hub.close());
    const { node, proxy } = await nodeBehindProxy('cpft');
    proxy.mode = 'swap-key';

    const pending = await operator.enrolNode({ url: proxy.url });
    expect(pending).toMatchObject({
      kind: 'enrol',
      partnerId: 'cpft',
      nodeUrl: proxy.url,
      fingerprint: keyFingerprint(proxy.attacker.kid),
      keys: [{ kid: proxy.attacker.kid, status: 'active', signer: true }],
    });
    expect(pending.fingerprint).not.toBe(keyFingerprint(node.key.kid));
    // Pending only: nothing listed, harvested or vouched for.
    expect(await operator.nodeStatus()).toEqual([]);
    expect((await fetch(`${hub.url}/memberships/cpft`)).status).toBe(404);
    expect(await operator.pendingEnrolments()).toEqual([pending]);

    // The operator types in the fingerprint the partner read out from their own node.
    await expect(
      operator.approveNode({ partnerId: 'cpft', fingerprint: keyFingerprint(node.key.kid) }),
    ).rejects.toMatchObject({
      httpStatus: 412,
      message: expect.stringContaining('FINGERPRINT_MISMATCH'),
    });
    expect(await operator.nodeStatus()).toEqual([]);
    expect((await fetch(`${hub.url}/memberships/cpft`)).status).toBe(404);
    expect((await client.searchInnovations({ q: 'crisis' })).items).toEqual([]);
    expect(await hub.harvester.syncDue()).toEqual([]);

    // Once the path is honest, a new enrolment shows the node's own key and approves.
    proxy.mode = 'honest';
    const honest = await operator.enrolNode({ url: proxy.url });
    expect(honest.fingerprint).toBe(keyFingerprint(node.key.kid));
    await operator.approveNode({ partnerId: 'cpft', fingerprint: honest.fingerprint });
    expect(await operator.syncNode({ partnerId: 'cpft' })).toMatchObject({
      health: 'healthy',
      pinnedKids: [node.key.kid],
    });
    expect((await client.searchInnovations({ q: 'crisis' })).items).toHaveLength(1);
    expect(await operator.pendingEnrolments()).toEqual([]);
  });

  it('keeps the old pins while a re-pin waits, and refuses the attacker’s key at approval', async () => {
    const { hub, operator } = await startTestHub();
    cleanup.push(() => hub.close());
    const { node, proxy } = await nodeBehindProxy('cpft');
    await enrolAndApprove(operator, proxy.url, node.key.kid);
    proxy.mode = 'swap-key';
    const pending = await operator.repinNode({ partnerId: 'cpft' });
    expect(pending).toMatchObject({
      kind: 'repin',
      fingerprint: keyFingerprint(proxy.attacker.kid),
    });
    expect((await operator.nodeStatus())[0]?.pinnedKids).toEqual([node.key.kid]);
    await expect(
      operator.approveNode({ partnerId: 'cpft', fingerprint: keyFingerprint(node.key.kid) }),
    ).rejects.toMatchObject({ message: expect.stringContaining('FINGERPRINT_MISMATCH') });
    expect((await operator.nodeStatus())[0]?.pinnedKids).toEqual([node.key.kid]);
  });

  it('refuses to approve an enrolment that waited past its expiry', async () => {
    const { hub, operator } = await startTestHub({ pendingEnrolmentTtlMs: 1 });
    cleanup.push(() => hub.close());
    const { node, proxy } = await nodeBehindProxy('cpft');
    const pending = await operator.enrolNode({ url: proxy.url });
    await eventually(async () => expect(Date.parse(pending.expiresAt)).toBeLessThan(Date.now()));
    await expect(
      operator.approveNode({ partnerId: 'cpft', fingerprint: keyFingerprint(node.key.kid) }),
    ).rejects.toMatchObject({ message: expect.stringContaining('ENROLMENT_EXPIRED') });
    expect(await operator.nodeStatus()).toEqual([]);
    await expect(
      operator.approveNode({ partnerId: 'cpft', fingerprint: keyFingerprint(node.key.kid) }),
    ).rejects.toMatchObject({ message: expect.stringContaining('ENROLMENT_NOT_PENDING') });
  });
});

describe('a brief attack after enrolment', () => {
  it('keeps the pinned keys while the path is hostile and heals by itself once it is honest', async () => {
    const { hub, client, operator } = await startTestHub();
    cleanup.push(() => hub.close());
    const { node, proxy } = await nodeBehindProxy('cpft');
    await enrolAndApprove(operator, proxy.url, node.key.kid);
    await operator.syncNode({ partnerId: 'cpft' });
    const membership = await (await fetch(`${hub.url}/memberships/cpft`)).text();

    proxy.mode = 'swap-key';
    await node.publish('innovation', {
      ...innovationData('cpft', 2, { title: 'Quokka helpline' }),
    });
    const attacked = await operator.syncNode({ partnerId: 'cpft' });
    expect(attacked).toMatchObject({
      health: 'failing',
      cursorSeq: 2,
      pinnedKids: [node.key.kid],
      lastError: { code: 'KEY_ROTATION_UNAUTHORISED' },
    });
    expect(await (await fetch(`${hub.url}/memberships/cpft`)).text()).toBe(membership);
    expect((await client.searchInnovations({ q: 'quokka' })).items).toEqual([]);

    // No operator: the schedule retries on the backoff and the node comes back by itself.
    proxy.mode = 'honest';
    const healed = await eventually(async () => {
      await hub.harvester.syncDue();
      const [status] = await operator.nodeStatus();
      expect(status).toMatchObject({ health: 'healthy', cursorSeq: 3, pinnedKids: [node.key.kid] });
      return status;
    });
    expect(healed?.consecutiveFailures).toBe(0);
    expect((await client.searchInnovations({ q: 'quokka' })).items).toHaveLength(1);
  });
});

describe('withholding', () => {
  it('names a head kept ahead of the served records past the bound, and clears it once served', async () => {
    const { hub, client, operator } = await startTestHub({
      harvest: { schedule: false, withholdingAfterMs: 0 },
    });
    cleanup.push(() => hub.close());
    const { node, proxy } = await nodeBehindProxy('cpft');
    await enrolAndApprove(operator, proxy.url, node.key.kid);
    await operator.syncNode({ partnerId: 'cpft' });
    proxy.mode = 'withhold';
    await node.publish('innovation', { ...innovationData('cpft', 2) });
    await node.publish('innovation', { ...innovationData('cpft', 3) });

    expect(await operator.syncNode({ partnerId: 'cpft' })).toMatchObject({
      health: 'withholding',
      cursorSeq: 2,
      headSeq: 4,
      lastError: { code: 'WITHHOLDING' },
    });
    const [shown] = await client.nodeStatus();
    expect(shown).toMatchObject({ health: 'withholding', lastError: { code: 'WITHHOLDING' } });

    proxy.mode = 'honest';
    expect(await operator.syncNode({ partnerId: 'cpft' })).toMatchObject({
      health: 'healthy',
      cursorSeq: 4,
      headSeq: 4,
    });
  });

  it('counts a withheld head as lagging while within the bound', async () => {
    const { hub, operator } = await startTestHub();
    cleanup.push(() => hub.close());
    const { node, proxy } = await nodeBehindProxy('cpft');
    await enrolAndApprove(operator, proxy.url, node.key.kid);
    proxy.mode = 'withhold';
    expect(await operator.syncNode({ partnerId: 'cpft' })).toMatchObject({
      health: 'lagging',
      cursorSeq: 0,
      headSeq: 2,
      lastError: null,
    });
  });
});
