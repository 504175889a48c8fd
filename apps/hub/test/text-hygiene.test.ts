import { afterEach, describe, expect, it } from 'vitest';
import { enrolAndApprove } from './support/enrol.js';
import { innovationData } from './support/fixtures.js';
import { startTestHub } from './support/test-hub.js';
import { startTestNode } from './support/test-node.js';

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of cleanup.splice(0).reverse()) await close();
});

/** A hub and an older node that signs whatever text it is given (no schema checks). */
async function olderNode() {
  const { hub, client, operator } = await startTestHub();
  cleanup.push(() => hub.close());
  const node = await startTestNode({ partnerId: 'legacy' });
  cleanup.push(() => node.close());
  await enrolAndApprove(operator, node.url, node.key.kid);
  await operator.syncNode({ partnerId: 'legacy' });
  return { hub, client, operator, node };
}

describe('text from an older node', () => {
  it.each([
    ['a lone surrogate', 'Crisis x\ud800y café'],
    ['a NUL', 'Crisis\u0000café'],
    ['only zero-width spaces', '\u200b\u200b\u200b'],
  ])('refuses a record whose title holds %s and indexes nothing of it', async (_, title) => {
    const { hub, operator, node } = await olderNode();
    await node.publish('innovation', { ...innovationData('legacy', 1, { title }) });
    await operator.syncNode({ partnerId: 'legacy' });
    const [status] = await operator.nodeStatus();
    expect(status).toMatchObject({ health: 'failing', lastError: { code: 'SCHEMA_INVALID' } });
    const rows = await hub.db.$client.execute('SELECT title FROM innovations');
    expect(rows.rows).toEqual([]);
  });

  it('indexes exactly the signed strings, decomposed accents and emoji included', async () => {
    const { hub, client, operator, node } = await olderNode();
    const title = 'Cafe\u0301 crisis support 🌳 in Zoe\u0308 Street';
    const data = innovationData('legacy', 1, { title });
    await node.publish('innovation', { ...data });
    await operator.syncNode({ partnerId: 'legacy' });
    const rows = await hub.db.$client.execute('SELECT title FROM innovations');
    expect(rows.rows.map((row) => row.title)).toEqual([title]);
    const record = await client.getRecord({ partnerId: 'legacy', type: 'innovation', id: data.id });
    const signed = JSON.parse(
      Buffer.from(record?.jws.split('.')[1] ?? '', 'base64url').toString('utf8'),
    ) as { data: { title: string } };
    expect(signed.data.title).toBe(title);
  });
});
