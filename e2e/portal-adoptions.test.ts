import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createNode, type PromiseNode } from '@promise-global/node';
import type { AdoptionInput } from '@promise-global/schema';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrolAndApprove } from '../apps/hub/test/support/enrol.js';
import { type PortalFederation, startPortalFederation } from './portal-fixture.js';
import { auditPages, cleanAudit, launchBrowser, newContext, openPage } from './support/browser.js';
import { freePort } from './support/free-port.js';
import { startTamperingProxy } from './support/tampering-proxy.js';

let federation: PortalFederation;
let browser: Browser;

beforeAll(async () => {
  [federation, browser] = await Promise.all([startPortalFederation(), launchBrowser()]);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await federation?.close();
});

/** Starts an adoption through a node's staff API (an editor token, as the workspace uses). */
async function adopt(
  node: PromiseNode,
  input: AdoptionInput,
  baseUrl = node.url,
): Promise<Response> {
  const token = await node.createToken('e2e adoption', 'editor');
  return fetch(`${baseUrl}/api/adoptions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
}

async function pieceAsRead(partnerId: string, id: string) {
  const record = await federation.hubClient.getRecord({ partnerId, type: 'innovation', id });
  if (!record) throw new Error(`no record ${partnerId}/${id}`);
  return { partnerId, recordId: id, hash: record.hash };
}

describe('adoptions across two real nodes, the hub and the portal', () => {
  it('links node B’s adoption to node A’s piece, and the portal says who took it up', async () => {
    const { hubClient, nodes, ids, portalUrl } = federation;
    const piece = await pieceAsRead('northshire', String(ids.cafe));
    const riverside = nodes.riverside as PromiseNode;
    const created = await adopt(riverside, {
      piece,
      stage: 'piloting',
      date: '2026-10-12',
      note: 'Running two evening sessions a week from our recovery college, with peer workers.',
      contactRole: 'Recovery college manager',
    });
    expect(created.status).toBe(201);
    await hubClient.syncNode({ partnerId: 'riverside' });

    const linked = await hubClient.adoptions({
      piece: { partnerId: 'northshire', recordId: piece.recordId },
    });
    expect(linked).toMatchObject([
      {
        partnerId: 'riverside',
        stage: 'piloting',
        referenceStatus: 'ok',
        piece: { hash: piece.hash },
      },
    ]);
    const spread = await hubClient.searchInnovations({ sort: 'spread', limit: 1 });
    expect(spread.items.map((hit) => [hit.id, hit.takenUpBy])).toEqual([[piece.recordId, 1]]);

    const context = await newContext(browser, 'desktop');
    try {
      const watched = await openPage(context, `${portalUrl}/innovations/northshire/${ids.cafe}`);
      const section = watched.page.getByRole('region', { name: 'Taken up by 1 partner' });
      await expect(section.textContent()).resolves.toContain('Running two evening sessions');
      await expect(section.textContent()).resolves.toContain('Piloting');
      const spreadPage = await openPage(context, `${portalUrl}/spread`);
      const row = spreadPage.page.getByRole('row', { name: /Riverside/ });
      await expect(row.textContent()).resolves.toContain('Piloting');
      await expect(spreadPage.page.locator('svg[role="img"] title').textContent()).resolves.toBe(
        'Timeline of pieces taken up across the network',
      );
    } finally {
      await context.close();
    }
  }, 60_000);

  it.concurrent.each(['phone', 'desktop'] as const)(
    'has no axe violations on the Spread page and a taken-up piece at the %s width',
    async (viewport) => {
      const paths = [
        ['spread', '/spread'],
        ['innovation-taken-up', `/innovations/northshire/${federation.ids.cafe}`],
        ['innovations-by-spread', '/innovations?sort=spread&takenup=yes'],
      ] as const;
      const audits = await auditPages(browser, federation.portalUrl, paths, viewport);
      expect(audits).toEqual(paths.map(([, path]) => cleanAudit(path)));
    },
    60_000,
  );

  it('refuses an adoption whose signed text was changed on the way to the hub', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'promise-tampered-adoption-'));
    const port = await freePort();
    // Every adoption record the hub fetches from this node arrives with its note rewritten.
    const proxy = await startTamperingProxy(
      `http://127.0.0.1:${port}`,
      (jws) => {
        const [header, payload, signature] = jws.split('.');
        const claims = JSON.parse(Buffer.from(String(payload), 'base64url').toString('utf8'));
        if (claims.type !== 'adoption') return jws;
        claims.data.note = 'We adopted this everywhere and it cured everyone.';
        return `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
      },
      { feed: true },
    );
    const node = await createNode({
      partnerId: 'harbour',
      partner: {
        name: 'Harbour Crisis Alliance',
        country: 'US',
        website: 'https://example.org/',
        contactEmail: 'network@harbour.example.org',
        description: 'A fictional partner whose feed reaches the hub through a hostile network.',
      },
      dataDir,
      databaseUrl: ':memory:',
      port,
      publicUrl: proxy.url,
      logLevel: 'silent',
    });
    try {
      await node.start();
      const { hubClient } = federation;
      await enrolAndApprove(hubClient, proxy.url, node.context.key.kid);
      const piece = await pieceAsRead('northshire', String(federation.ids.cafe));
      const created = await adopt(
        node,
        {
          piece,
          stage: 'exploring',
          date: '2026-11-01',
          note: 'Our board asked us to look at this for the harbour district.',
          contactRole: 'Service development lead',
        },
        `http://127.0.0.1:${port}`,
      );
      expect(created.status).toBe(201);
      const status = await hubClient.syncNode({ partnerId: 'harbour' });
      expect(status.lastError?.code).toBe('SIGNATURE_INVALID');
      expect(await hubClient.adoptions({ byPartner: 'harbour' })).toEqual([]);
    } finally {
      await node.close();
      await proxy.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
