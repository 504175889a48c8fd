import type { Hub } from '@promise-global/hub';
import { HubClient } from '@promise-global/sdk/client/hub';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrolAndApprove } from '../apps/hub/test/support/enrol.js';
import { signIn, startWorkspaceNode, type WorkspaceNode } from './admin-fixture.js';
import { launchBrowser, newContext, openPage, runAxe, screenshot } from './support/browser.js';
import {
  eventually,
  OPERATOR_TOKEN,
  type RunningNode,
  startHub,
  startNode,
  submitInnovation,
} from './support/federation.js';

let browser: Browser;
let hub: Hub;
let operator: HubClient;
let workspace: WorkspaceNode;
let other: RunningNode;
let otherPiece: { id: string };

beforeAll(async () => {
  browser = await launchBrowser();
  hub = await startHub(':memory:');
  operator = new HubClient({ baseUrl: hub.url, token: OPERATOR_TOKEN });
  workspace = await startWorkspaceNode({ hubUrl: hub.url });
  other = await startNode('ouse', 'US', hub.url);
  await enrolAndApprove(operator, workspace.url);
  await enrolAndApprove(operator, other.url);
  otherPiece = await submitInnovation(other, 'Peer-run crisis house for young adults');
  await operator.syncNode({ partnerId: 'ouse' });
  await operator.syncNode({ partnerId: 'fenland' });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await workspace?.close();
  await other?.node.close();
  await hub?.close();
});

describe('adoptions in the staff workspace', () => {
  it('starts an adoption of a network piece with "We\'re trying this", and the hub links it', async () => {
    const context = await newContext(browser, 'desktop');
    try {
      const { page } = await openPage(context, `${workspace.url}/admin/sign-in`);
      await signIn(page, workspace.url, workspace.token);
      await page.getByRole('link', { name: 'The network' }).first().click();
      await page.getByRole('link', { name: 'Peer-run crisis house for young adults' }).click();
      await page.getByRole('button', { name: "We're trying this" }).click();
      await page.getByLabel(/Piloting/).check();
      await page
        .getByLabel('Note')
        .fill('Two of our teams are piloting a peer-run house with the local youth service.');
      await page.getByLabel('Contact role').fill('Young adults pathway lead');
      expect(await runAxe(page)).toEqual([]);
      await screenshot(page, 'workspace-network-piece', 'desktop');
      await page.getByRole('button', { name: 'Publish that we are trying this' }).click();
      await page.getByText('Published. Your adoption is signed').waitFor();

      const linked = await eventually(async () => {
        const found = await operator.adoptions({
          piece: { partnerId: 'ouse', recordId: otherPiece.id },
        });
        expect(found).toHaveLength(1);
        return found;
      });
      expect(linked[0]).toMatchObject({
        partnerId: 'fenland',
        stage: 'piloting',
        referenceStatus: 'ok',
        contactRole: 'Young adults pathway lead',
      });
    } finally {
      await context.close();
    }
  }, 60_000);

  it('tells staff on the dashboard when another partner takes up one of their pieces', async () => {
    const own = await workspace.api<{ data: { id: string } }>('POST', '/api/innovations', {
      title: 'Evening crisis line answered by peer workers',
      summary: 'Callers reach a peer worker first; staff step in when needed.',
      body: 'Peer workers answer the evening line and stay with callers until a plan is agreed.',
      kind: 'innovation',
      themes: ['crisis_care'],
      setting: 'Community crisis line',
      evidenceLevel: 'pilot',
      contact: { role: 'Crisis line manager', email: 'crisis@fenland.example.org' },
    });
    await workspace.api('POST', `/api/innovations/${own.body.data.id}/submit`, {});
    await operator.syncNode({ partnerId: 'fenland' });
    const record = await operator.getRecord({
      partnerId: 'fenland',
      type: 'innovation',
      id: own.body.data.id,
    });
    const adopted = await other.api('POST', '/api/adoptions', {
      piece: { partnerId: 'fenland', recordId: own.body.data.id, hash: record?.hash },
      stage: 'exploring',
      date: '2026-11-20',
      note: 'Our crisis line team is visiting to see how the peer workers are supported.',
      contactRole: 'Crisis line coordinator',
    });
    expect(adopted.status).toBe(201);
    await operator.syncNode({ partnerId: 'ouse' });

    for (const viewport of ['phone', 'desktop'] as const) {
      const context = await newContext(browser, viewport);
      try {
        const { page } = await openPage(context, `${workspace.url}/admin/sign-in`);
        await signIn(page, workspace.url, workspace.token);
        await page.getByText('A new adoption of one of your pieces').waitFor();
        await expect(
          page.getByRole('region', { name: 'Your pieces taken up by others' }).textContent(),
        ).resolves.toContain('Partner ouse');
        expect(await runAxe(page)).toEqual([]);
        await screenshot(page, 'workspace-dashboard-adoption', viewport);
        await page.goto(`${workspace.url}/admin/write-ups/${own.body.data.id}`);
        await page.getByText('Our crisis line team is visiting').waitFor();
        expect(await runAxe(page)).toEqual([]);
        await screenshot(page, 'workspace-own-piece-taken-up', viewport);
      } finally {
        await context.close();
      }
    }
  }, 90_000);
});
