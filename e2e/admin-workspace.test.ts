import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Hub } from '@promise-global/hub';
import type { Innovation, Service } from '@promise-global/schema';
import { HubClient } from '@promise-global/sdk/client/hub';
import { initialFeedState, pinKeys, verifyFeedPage } from '@promise-global/sdk/verify';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrolAndApprove } from '../apps/hub/test/support/enrol.js';
import {
  fillWriteUp,
  signIn,
  startWorkspaceNode,
  type WorkspaceNode,
  wordsOf,
} from './admin-fixture.js';
import { launchBrowser, newContext, openPage, runAxe, screenshot } from './support/browser.js';
import { eventually, OPERATOR_TOKEN, startHub } from './support/federation.js';

let browser: Browser;
let hub: Hub;
let workspace: WorkspaceNode;

beforeAll(async () => {
  browser = await launchBrowser();
  hub = await startHub(':memory:');
  workspace = await startWorkspaceNode({ hubUrl: hub.url });
  await enrolAndApprove(new HubClient({ baseUrl: hub.url, token: OPERATOR_TOKEN }), workspace.url);
});

afterAll(async () => {
  await browser?.close();
  await workspace?.close();
  await hub?.close();
});

/** The node's whole feed, verified with the SDK as the hub does; records by type and id. */
async function verifiedFeed(url: string) {
  const jwks = await (await fetch(`${url}/.well-known/jwks.json`)).json();
  const state = initialFeedState({ iss: url, partnerId: 'fenland', keys: await pinKeys(jwks) });
  const page = await (await fetch(`${url}/feed?after=0&limit=1000`)).json();
  const { records } = await verifyFeedPage(state, page);
  return records.map((record) => record.payload);
}

async function signedInPage(context: BrowserContext): Promise<Page> {
  const { page } = await openPage(context, `${workspace.url}/admin/sign-in`);
  await signIn(page, workspace.url, workspace.token);
  return page;
}

describe('staff workspace in a real browser', () => {
  it('warns past 500 words, refuses 800, stops a piece with an NHS number until confirmed, and publishes it', async () => {
    const context = await newContext(browser, 'desktop');
    const page = await signedInPage(context);
    await page.getByRole('link', { name: 'Write a Project 52 piece' }).click();
    await page.getByRole('heading', { level: 1, name: 'Write a Project 52 piece' }).waitFor();
    await fillWriteUp(page, 'Peer workers on the evening crisis line');
    const body = page.getByLabel('Text of the piece');

    await body.fill(wordsOf(520));
    await expect
      .poll(() => page.locator('#body-count').textContent())
      .toContain('520 words: over the 500-word target');
    expect(await page.locator('.preview .prose p').count()).toBeGreaterThan(3);

    await body.fill(wordsOf(800));
    await expect
      .poll(() => page.locator('#body-count').textContent())
      .toContain('50 over the 750-word limit');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByRole('alert').filter({ hasText: 'There is a problem' }).waitFor();
    expect(await page.locator('#f-body-error').textContent()).toContain(
      '800 words: 50 over the 750-word limit',
    );
    expect(
      (await workspace.api<{ items: unknown[] }>('GET', '/api/innovations')).body.items,
    ).toEqual([]);

    await body.fill(`${wordsOf(300)}\n\nOne caller read out 943 476 5919 to the peer worker.`);
    await page.getByRole('button', { name: 'Submit to the network' }).click();
    const check = page.getByRole('region', { name: /may be about a patient/ });
    await check.waitFor();
    expect(
      await check.locator('.flagged-text:not(.flagged-text--whole) mark').allTextContents(),
    ).toEqual(['943 476 5919']);
    expect(await check.locator('.flagged-text--whole mark').allTextContents()).toEqual([
      '943 476 5919',
    ]);
    expect(await check.textContent()).toContain('looks like an NHS number');
    const [draft] = (
      await workspace.api<{ items: { data: Innovation }[] }>('GET', '/api/innovations')
    ).body.items;
    expect(draft?.data.status).toBe('draft');
    expect((await verifiedFeed(workspace.url)).some((record) => record.type === 'innovation')).toBe(
      false,
    );

    // Confirming is explicit: the button alone does nothing until the box is ticked.
    await page.getByRole('button', { name: 'Confirm and submit' }).click();
    await page.locator('#f-confirm-group-error').waitFor();
    expect(
      draft &&
        (await workspace.api<{ data: Innovation }>('GET', `/api/innovations/${draft.data.id}`)).body
          .data.status,
    ).toBe('draft');
    await page.getByLabel(/This is not about a patient/).check();
    await page.getByRole('button', { name: 'Confirm and submit' }).click();
    await page.getByText('Submitted. The piece is signed and in your feed').waitFor();
    await page.getByRole('heading', { name: 'Revisions' }).waitFor();
    expect(await page.locator('#revisions-heading + ol li').first().textContent()).toContain(
      'Version 1',
    );

    const published = (await verifiedFeed(workspace.url)).filter(
      (record) => record.type === 'innovation',
    );
    expect(published).toHaveLength(1);
    const data = published[0]?.data as Innovation;
    expect(data.id).toBe(draft?.data.id);
    expect(data.title).toBe('Peer workers on the evening crisis line');
    expect(data.status).toBe('submitted');
    expect(data.body).toContain('943 476 5919');
    await context.close();
  });

  it('updates a crisis line, marks it checked today and shows assuredAt in the signed feed', async () => {
    const context = await newContext(browser, 'phone');
    const page = await signedInPage(context);
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Services' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Services' }).waitFor();
    // The crisis line has never been checked: it is listed first, marked as due.
    const first = page.locator('.record-list > li').first();
    expect(await first.locator('h2').textContent()).toBe('Fenland Evening Crisis Line');
    expect(await first.textContent()).toContain('Check due');

    await first.getByRole('link', { name: 'Fenland Evening Crisis Line', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Fenland Evening Crisis Line' }).waitFor();
    await page.getByLabel('Closes at').fill('23:30');
    await page.getByLabel(/Open 24\/7/).check();
    await page.getByRole('button', { name: 'Add a phone number' }).click();
    await page.locator('#f-phones-1-number').fill('not a number');
    await page.getByRole('button', { name: 'Save and publish' }).click();
    await page.locator('#f-phones-1-number-error').waitFor();
    expect(await page.locator('#f-phones-1-number-error').textContent()).toContain('UK number');
    await page.locator('#f-phones-1-number').fill('01632 960002');
    await page.locator('#f-phones-1-type').selectOption('text');
    await page.getByRole('button', { name: 'Save and publish' }).click();
    await page.getByText('Saved and published.').waitFor();

    await page.getByRole('button', { name: 'Checked today' }).click();
    await page.getByText('Marked as checked today.').waitFor();

    const records = (await verifiedFeed(workspace.url)).filter(
      (record) => record.type === 'service' && record.id === workspace.crisisLine.id,
    );
    const latest = records.at(-1)?.data as Service;
    expect(latest.available24x7).toBe(true);
    expect(latest.schedules[0]?.closesAt).toBe('23:30');
    expect(latest.phones.map((phone) => [phone.number, phone.type])).toEqual([
      ['01632 960001', 'voice'],
      ['01632 960002', 'text'],
    ]);
    expect(Date.now() - Date.parse(latest.assuredAt ?? '')).toBeLessThan(60_000);
    expect(latest.reviewDue).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    // The dashboard shows the signed head and what the hub last collected.
    await eventually(async () => {
      const [status] = await new HubClient({ baseUrl: hub.url }).nodeStatus();
      expect(status?.cursorSeq).toBe(records.at(-1)?.seq);
    });
    await page.getByRole('link', { name: 'Dashboard' }).click();
    await page.getByText('Up to date').waitFor();
    expect(await page.locator('#hub-heading').locator('..').textContent()).toContain(
      `collected everything up to record ${records.at(-1)?.seq}`,
    );
    expect(await runAxe(page)).toEqual([]);
    await screenshot(page, 'admin-dashboard-hub', 'phone');
    await context.close();
  });

  it('signs out, after which the old session cookie and CSRF token are refused', async () => {
    const context = await newContext(browser, 'desktop');
    const page = await signedInPage(context);
    const cookies = await context.cookies(workspace.url);
    const session = cookies.find((cookie) => cookie.name === 'promise_session');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    const csrf = await page.evaluate(
      async () =>
        ((await (await fetch('/admin/session')).json()) as { csrfToken: string }).csrfToken,
    );
    const withSession = { cookie: `promise_session=${session?.value}`, 'x-csrf-token': csrf };
    expect((await fetch(`${workspace.url}/api/services`, { headers: withSession })).status).toBe(
      200,
    );

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in to the staff workspace' }).waitFor();
    await page.getByText('You have signed out.').waitFor();
    expect(
      (await context.cookies(workspace.url)).some((cookie) => cookie.name === 'promise_session'),
    ).toBe(false);
    expect((await fetch(`${workspace.url}/api/services`, { headers: withSession })).status).toBe(
      401,
    );
    await page.goto(`${workspace.url}/admin/services`);
    await page.getByRole('heading', { level: 1, name: 'Sign in to the staff workspace' }).waitFor();
    await context.close();
  });

  it('refuses a cross-site form post and a same-origin API call without the CSRF token', async () => {
    const context = await newContext(browser, 'desktop');
    const page = await signedInPage(context);
    const before = await workspace.api<{ rev: number; data: Service }>(
      'GET',
      `/api/services/${workspace.crisisLine.id}`,
    );

    // Same origin, cookie sent, but no X-CSRF-Token header.
    const bare = await page.evaluate(async (id) => {
      const response = await fetch(`/api/services/${id}/assure`, {
        method: 'POST',
        credentials: 'same-origin',
      });
      return { status: response.status, body: await response.json() };
    }, workspace.crisisLine.id);
    expect(bare.status).toBe(403);
    expect(bare.body.error.code).toBe('CSRF_TOKEN_INVALID');

    // Another origin on the same host (same site: the SameSite=Strict cookie IS sent) auto-submits a form.
    const attacker: Server = createServer((_request, response) => {
      response.setHeader('content-type', 'text/html');
      response.end(`<!doctype html><title>Win a prize</title>
        <form id="f" method="post" action="${workspace.url}/api/services/${workspace.crisisLine.id}/assure" enctype="text/plain">
          <input name='{"reviewDue":"2030-01-01","x":"' value='"}'></form>
        <script>document.getElementById('f').submit()</script>`);
    });
    await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
    try {
      const attackerUrl = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}/`;
      const landed = page.waitForResponse((response) => response.url().includes('/assure'));
      await page.goto(attackerUrl);
      const response = await landed;
      expect(response.status()).toBe(403);
      expect((await response.json()).error.code).toBe('CROSS_SITE_REQUEST');
    } finally {
      await new Promise((resolve) => attacker.close(resolve));
    }
    const after = await workspace.api<{ rev: number; data: Service }>(
      'GET',
      `/api/services/${workspace.crisisLine.id}`,
    );
    expect(after.body.rev).toBe(before.body.rev);
    expect(after.body.data.reviewDue).not.toBe('2030-01-01');
    await context.close();
  });
});
