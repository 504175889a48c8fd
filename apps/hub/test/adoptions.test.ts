import type { Adoption, RecordType } from '@promise-global/schema';
import { recordHash } from '@promise-global/sdk/sign';
import { afterEach, describe, expect, it } from 'vitest';
import { enrolAndApprove } from './support/enrol.js';
import { innovationData, organisationData, testUuid } from './support/fixtures.js';
import { startTestHub } from './support/test-hub.js';
import { startTestNode, type TestNode } from './support/test-node.js';

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of cleanup.splice(0).reverse()) await close();
});

async function network() {
  const { hub, client, operator } = await startTestHub();
  cleanup.push(() => hub.close());
  const start = async (partnerId: string, country: string) => {
    const node = await startTestNode({ partnerId, country });
    cleanup.push(() => node.close());
    await node.publish('organisation', { ...organisationData(partnerId) });
    await enrolAndApprove(operator, node.url, node.key.kid);
    return node;
  };
  const origin = await start('cpft', 'GB');
  const adopter = await start('yale', 'US');
  const sync = async () => {
    await operator.syncNode({ partnerId: 'cpft' });
    await operator.syncNode({ partnerId: 'yale' });
  };
  return { hub, client, operator, origin, adopter, sync };
}

function adoptionOf(
  adopter: TestNode,
  piece: { partnerId: string; recordId: string; hash: string },
  overrides: Partial<Adoption> = {},
): Adoption {
  return {
    id: testUuid(`${adopter.partnerId}/adoption/${piece.recordId}`),
    partnerId: adopter.partnerId,
    piece,
    stage: 'piloting',
    date: '2026-10-01',
    note: 'Trying it on two wards with the peer support team.',
    contactRole: 'Nurse consultant',
    updatedAt: new Date().toISOString(),
    ...overrides,
  };
}

describe('adoptions at the hub', () => {
  it('links an adoption to the piece it names and marks how the reference stands', async () => {
    const { client, origin, adopter, sync } = await network();
    const piece = innovationData('cpft', 1, { title: 'Crisis café evenings' });
    const read = await origin.publish('innovation', { ...piece });
    const ref = { partnerId: 'cpft', recordId: piece.id, hash: recordHash(read) };
    await adopter.publish('adoption', { ...adoptionOf(adopter, ref) });
    const ghost = { partnerId: 'cpft', recordId: testUuid('never published'), hash: ref.hash };
    await adopter.publish('adoption', { ...adoptionOf(adopter, ghost, { stage: 'exploring' }) });
    await sync();

    const ofPiece = await client.adoptions({ piece: { partnerId: 'cpft', recordId: piece.id } });
    expect(ofPiece).toMatchObject([
      {
        partnerId: 'yale',
        country: 'US',
        stage: 'piloting',
        referenceStatus: 'ok',
        piece: { title: 'Crisis café evenings', country: 'GB' },
      },
    ]);
    const all = await client.adoptions();
    expect(all.map((a) => a.referenceStatus).sort()).toEqual(['ok', 'unknown']);

    const hits = await client.searchInnovations({ filters: { takenUp: true } });
    expect(hits.items.map((hit) => [hit.id, hit.takenUpBy])).toEqual([[piece.id, 1]]);

    // The owner edits the piece: the adopter read an earlier version.
    await origin.publish('innovation', { ...piece, title: 'Crisis café evenings, now weekly' });
    await sync();
    const [outdated] = await client.adoptions({ piece: { partnerId: 'cpft', recordId: piece.id } });
    expect(outdated?.referenceStatus).toBe('outdated');

    // The owner withdraws it: the adoption stays, marked.
    await origin.tombstone('innovation', piece.id);
    await sync();
    const [withdrawn] = await client.adoptions({
      piece: { partnerId: 'cpft', recordId: piece.id },
    });
    expect(withdrawn?.referenceStatus).toBe('withdrawn');
    expect((await client.searchInnovations({ filters: { takenUp: true } })).items).toEqual([]);
  });

  it('keeps the newest stage, the first date, and sorts search by spread', async () => {
    const { hub, client, origin, adopter, sync } = await network();
    const quiet = innovationData('cpft', 2, { title: 'Quiet piece' });
    const spread = innovationData('cpft', 3, { title: 'Spread piece' });
    await origin.publish('innovation', { ...quiet });
    const read = await origin.publish('innovation', { ...spread });
    const ref = { partnerId: 'cpft', recordId: spread.id, hash: recordHash(read) };
    const first = adoptionOf(adopter, ref, { stage: 'exploring', date: '2026-09-01' });
    await adopter.publish('adoption', { ...first });
    await adopter.publish('adoption', { ...first, stage: 'adopted', date: '2026-11-15' });
    await sync();
    expect(await client.adoptions({ byPartner: 'yale' })).toMatchObject([
      { stage: 'adopted', date: '2026-11-15', firstDate: '2026-09-01' },
    ]);
    const bySpread = await client.searchInnovations({ sort: 'spread' });
    expect(bySpread.items.map((hit) => hit.title)).toEqual(['Spread piece', 'Quiet piece']);
    expect(await client.adoptions({ ofPartner: 'yale' })).toEqual([]);

    const feed = (await (await fetch(`${hub.url}/adoptions/feed.json`)).json()) as {
      items: { title: string; summary: string }[];
    };
    expect(feed.items.map((item) => item.title)).toEqual([
      expect.stringContaining('has adopted “Spread piece”'),
    ]);
  });

  it('keeps a record of a type it does not know in the chain, unindexed, and reads on (§4.6)', async () => {
    const { client, operator, origin, sync } = await network();
    await origin.publish(
      'event_listing' as RecordType,
      { id: testUuid('event'), partnerId: 'cpft', when: 'Tuesdays' },
      '1.9.0',
    );
    const after = innovationData('cpft', 4, { title: 'Published after the unknown type' });
    await origin.publish('innovation', { ...after });
    await sync();
    const hits = await client.searchInnovations({ q: 'unknown' });
    expect(hits.items.map((hit) => hit.id)).toEqual([after.id]);
    const quarantined = await operator.quarantine();
    expect(quarantined).toMatchObject([
      { partnerId: 'cpft', type: 'event_listing', reasonCode: 'RECORD_TYPE_UNKNOWN' },
    ]);
    const status = (await client.nodeStatus()).find((node) => node.partnerId === 'cpft');
    expect(status?.cursorSeq).toBe(origin.log.length);
  });

  it('refuses an adoption signed in the name of another partner, and one of the adopter’s own piece', async () => {
    const { client, operator, origin, adopter } = await network();
    const piece = innovationData('cpft', 5, { title: 'Someone else’s piece' });
    const read = await origin.publish('innovation', { ...piece });
    await operator.syncNode({ partnerId: 'cpft' });
    const ref = { partnerId: 'cpft', recordId: piece.id, hash: recordHash(read) };
    // yale's node says leeds adopted cpft's piece: outside yale's namespace (§4.4).
    await adopter.publish('adoption', { ...adoptionOf(adopter, ref), partnerId: 'leeds' });
    const impersonated = await operator.syncNode({ partnerId: 'yale' });
    expect(impersonated.lastError?.code).toBe('NAMESPACE_VIOLATION');

    const { client: other, operator: op2, origin: cpft } = await network();
    const own = innovationData('cpft', 6, { title: 'Our own piece' });
    const ownRead = await cpft.publish('innovation', { ...own });
    const ownRef = { partnerId: 'cpft', recordId: own.id, hash: recordHash(ownRead) };
    await cpft.publish('adoption', {
      ...adoptionOf(cpft, ownRef),
      id: testUuid('cpft adopts itself'),
    });
    const selfAdopted = await op2.syncNode({ partnerId: 'cpft' });
    expect(selfAdopted.lastError?.code).toBe('SCHEMA_INVALID');
    expect(await other.adoptions()).toEqual([]);
    expect(await client.adoptions()).toEqual([]);
  });
});
