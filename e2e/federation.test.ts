import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Hub } from '@promise-global/hub';
import { HubClient } from '@promise-global/sdk/client/hub';
import { afterAll, describe, expect, it } from 'vitest';
import { enrolAndApprove } from '../apps/hub/test/support/enrol.js';
import {
  eventually,
  innovationInput,
  OPERATOR_TOKEN,
  type RunningNode,
  startHub,
  startNode,
  submitInnovation,
} from './support/federation.js';

const closers: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const close of closers.reverse()) await close();
});

describe('federation: three real nodes and the hub', () => {
  it('enrols, backfills, follows edits by ping, drops withdrawals and resumes after a restart', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'e2e-federation-'));
    closers.push(() => rm(dir, { recursive: true, force: true }));
    const database = `file:${join(dir, 'hub.db')}`;
    let hub: Hub = await startHub(database);
    let closeHub = () => hub.close();
    closers.push(() => closeHub());

    const nodes: RunningNode[] = [];
    for (const [partnerId, country] of [
      ['cpft', 'GB'],
      ['yale', 'US'],
      ['hiow', 'GB'],
    ] as const) {
      const node = await startNode(partnerId, country, hub.url);
      closers.push(() => node.node.close());
      nodes.push(node);
    }
    const [cpft, yale, hiow] = nodes as [RunningNode, RunningNode, RunningNode];
    const sanctuary = await submitInnovation(cpft, 'Sanctuary night café');
    await submitInnovation(yale, 'Recovery college courses');
    await submitInnovation(hiow, 'Joint crisis line for carers');

    // Enrol and backfill.
    const operator = new HubClient({ baseUrl: hub.url, token: OPERATOR_TOKEN });
    for (const node of nodes) await enrolAndApprove(operator, node.url, node.node.context.key.kid);
    for (const node of nodes) await operator.syncNode({ partnerId: node.partnerId });
    const client = new HubClient({ baseUrl: hub.url });
    expect(
      (await client.nodeStatus()).map((status) => [status.partnerId, status.health, status.lag]),
    ).toEqual([
      ['cpft', 'healthy', 0],
      ['hiow', 'healthy', 0],
      ['yale', 'healthy', 0],
    ]);
    expect(
      (await client.searchInnovations({ q: 'sanctuary' })).items.map((item) => item.title),
    ).toEqual(['Sanctuary night café']);
    expect((await client.partners()).map((partner) => partner.country)).toEqual(['GB', 'GB', 'US']);

    // An edit on the node reaches search through the node's ping, with no operator action.
    const current = await cpft.api('GET', `/api/innovations/${sanctuary.id}`);
    const edited = await cpft.api(
      'PUT',
      `/api/innovations/${sanctuary.id}`,
      innovationInput('Sanctuary lighthouse café'),
      {
        'if-match': current.headers.get('etag') ?? '',
      },
    );
    expect(edited.status).toBe(200);
    await eventually(async () => {
      const page = await client.searchInnovations({ q: 'lighthouse' });
      expect(page.items.map((item) => item.id)).toEqual([sanctuary.id]);
    });

    // A withdrawal leaves search the same way.
    const latest = await cpft.api('GET', `/api/innovations/${sanctuary.id}`);
    const withdrawn = await cpft.api(
      'POST',
      `/api/innovations/${sanctuary.id}/withdraw`,
      undefined,
      {
        'if-match': latest.headers.get('etag') ?? '',
      },
    );
    expect(withdrawn.status).toBe(200);
    await eventually(async () => {
      expect((await client.searchInnovations({ q: 'sanctuary' })).items).toEqual([]);
    });

    // Restarted, the hub resumes from its cursors: new records arrive, none is stored twice.
    const before = await operator.nodeStatus();
    await hub.close();
    await submitInnovation(yale, 'Peer support while the hub was down');
    hub = await startHub(database);
    closeHub = () => hub.close();
    const restarted = new HubClient({ baseUrl: hub.url, token: OPERATOR_TOKEN });
    for (const node of nodes) await restarted.syncNode({ partnerId: node.partnerId });
    const after = await restarted.nodeStatus();
    const yaleBefore = before.find((status) => status.partnerId === 'yale');
    const yaleAfter = after.find((status) => status.partnerId === 'yale');
    expect(yaleAfter?.cursorSeq).toBeGreaterThan(yaleBefore?.cursorSeq ?? 0);
    expect(after.find((status) => status.partnerId === 'cpft')?.cursorSeq).toBe(
      before.find((status) => status.partnerId === 'cpft')?.cursorSeq,
    );
    expect((await restarted.searchInnovations({ q: 'peer support hub' })).items).toHaveLength(1);
    const duplicates = await hub.db.$client.execute(
      'SELECT node_id, seq, count(*) AS n FROM entries WHERE seq IS NOT NULL GROUP BY node_id, seq HAVING n > 1',
    );
    expect(duplicates.rows).toEqual([]);
  });
});
