import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createNode, type PromiseNode } from '@promise-global/node';
import { keyFingerprint } from '@promise-global/sdk/keys';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PortalFederation, startPortalFederation } from './portal-fixture.js';
import {
  auditPage,
  launchBrowser,
  newContext,
  openPage,
  VIEWPORTS,
  type ViewportName,
} from './support/browser.js';

let federation: PortalFederation;
let browser: Browser;
let newcomer: PromiseNode;
let dataDir: string;
let operatorToken: string;
let editorToken: string;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'promise-portal-editors-'));
  [federation, browser] = await Promise.all([startPortalFederation(), launchBrowser()]);
  // A partner that is not in the network yet: an operator enrols it through the portal.
  newcomer = await createNode({
    partnerId: 'eastvale',
    partner: {
      name: 'Eastvale Community Wellbeing',
      country: 'GB',
      region: 'Eastvale',
      website: 'https://eastvale.example.org',
      contactEmail: 'promise@eastvale.example.org',
      description: 'A fictional community mental health charity.',
    },
    dataDir: join(dataDir, 'eastvale'),
    databaseUrl: ':memory:',
    port: 0,
    logLevel: 'silent',
  });
  await newcomer.start();
  operatorToken = (
    await federation.hubClient.createToken({ name: 'Olu (operator)', role: 'operator' })
  ).token;
  editorToken = (await federation.hubClient.createToken({ name: 'Eda (editor)', role: 'editor' }))
    .token;
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await newcomer?.close();
  await federation?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

async function signIn(context: BrowserContext, token: string, path = '/editors'): Promise<Page> {
  const { page } = await openPage(context, `${federation.portalUrl}${path}`);
  await page.waitForURL(/\/editors\/sign-in/);
  await page.fill('#token', token);
  await Promise.all([
    page.waitForURL((url) => url.pathname === path),
    page.click('text=Sign in >> nth=-1'),
  ]);
  return page;
}

async function sessionCookie(context: BrowserContext) {
  const cookies = await context.cookies(federation.portalUrl);
  return cookies.find((cookie) => cookie.name === 'promise-editor');
}

describe('signing in', () => {
  it('redirects signed-out requests for editors’ pages and actions to the sign-in page', async () => {
    for (const path of ['/editors', '/editors/nodes', '/editors/project52']) {
      const response = await fetch(`${federation.portalUrl}${path}`, { redirect: 'manual' });
      expect({ path, status: response.status }).toEqual({ path, status: 303 });
      expect(response.headers.get('location')).toBe(
        `/editors/sign-in?next=${encodeURIComponent(path)}`,
      );
    }
    const post = await fetch(`${federation.portalUrl}/editors/nodes?/suspend`, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        origin: federation.portalUrl,
      },
      body: 'partnerId=northshire',
    });
    expect(post.status).toBe(303);
    expect(post.headers.get('location')).toMatch(/^\/editors\/sign-in/);
    const northshire = (await federation.hubClient.nodeStatus()).find(
      (node) => node.partnerId === 'northshire',
    );
    expect(northshire?.state).toBe('active');
  });

  it('refuses a wrong token beside the field, and gives the browser only an opaque session id in a HttpOnly, SameSite=Strict cookie', async () => {
    const context = await newContext(browser, 'desktop');
    try {
      const { page } = await openPage(context, `${federation.portalUrl}/editors/sign-in`);
      await page.fill('#token', 'not-a-real-token-at-all');
      await page.click('main button[type="submit"]');
      await page.locator('.form-field__error').waitFor();
      expect(await page.locator('.form-field__error').textContent()).toContain(
        'The hub does not accept that token',
      );
      expect(await sessionCookie(context)).toBeUndefined();

      await page.fill('#token', operatorToken);
      await Promise.all([
        page.waitForURL((url) => url.pathname === '/editors'),
        page.click('main button[type="submit"]'),
      ]);
      expect(await page.locator('h1').textContent()).toBe('Editors’ area');
      const cookie = await sessionCookie(context);
      expect(cookie).toMatchObject({
        httpOnly: true,
        sameSite: 'Strict',
        secure: false,
        path: '/',
      });
      expect(cookie?.value).not.toContain(operatorToken);
      expect(await page.evaluate(() => document.cookie)).toBe('');
      // A cookie altered by one character opens nothing.
      const value = cookie?.value ?? '';
      const tampered = `${value.slice(0, 20)}${value[20] === 'A' ? 'B' : 'A'}${value.slice(21)}`;
      const withCookie = (id: string) =>
        fetch(`${federation.portalUrl}/editors/nodes`, {
          redirect: 'manual',
          headers: { cookie: `promise-editor=${id}` },
        });
      expect((await withCookie(tampered)).status).toBe(303);
      const open = await withCookie(value);
      expect(open.status).toBe(200);
      expect(open.headers.get('cache-control')).toBe('no-store');
      expect(value).toMatch(/^[\w-]{43}$/);

      await page.click('text=Sign out');
      await page.waitForURL(/\/editors\/sign-in/);
      expect(await sessionCookie(context)).toBeUndefined();
      // The session ended on the server: a copy of the cookie opens nothing any more.
      for (const path of ['/editors', '/editors/nodes', '/editors/project52']) {
        const replayed = await fetch(`${federation.portalUrl}${path}`, {
          redirect: 'manual',
          headers: { cookie: `promise-editor=${value}` },
        });
        expect({ path, status: replayed.status }).toEqual({ path, status: 303 });
      }
    } finally {
      await context.close();
    }
  });

  it('gives a new session id at sign-in and ends the one the browser brought (no fixation)', async () => {
    const signInWith = (cookie: string | undefined) =>
      fetch(`${federation.portalUrl}/editors/sign-in`, {
        method: 'POST',
        redirect: 'manual',
        headers: {
          origin: federation.portalUrl,
          accept: 'text/html',
          'content-type': 'application/x-www-form-urlencoded',
          ...(cookie ? { cookie: `promise-editor=${cookie}` } : {}),
        },
        body: new URLSearchParams({ token: editorToken, next: '/editors' }).toString(),
      });
    const idIn = (response: Response) =>
      /promise-editor=([^;]+)/.exec(response.headers.get('set-cookie') ?? '')?.[1] ?? '';
    const first = await signInWith(undefined);
    expect(first.status).toBe(303);
    const planted = idIn(first);
    expect(planted).toMatch(/^[\w-]{43}$/);
    const second = await signInWith(planted);
    expect(second.status).toBe(303);
    const fresh = idIn(second);
    expect(fresh).toMatch(/^[\w-]{43}$/);
    expect(fresh).not.toBe(planted);
    const open = (id: string) =>
      fetch(`${federation.portalUrl}/editors`, {
        redirect: 'manual',
        headers: { cookie: `promise-editor=${id}` },
      }).then((response) => response.status);
    expect(await open(planted)).toBe(303);
    expect(await open(fresh)).toBe(200);
  });
});

describe('nodes', () => {
  it('lets an operator enrol a node by URL, confirming its key fingerprint, and suspend it; the status page then shows it suspended', async () => {
    const context = await newContext(browser, 'desktop');
    try {
      const page = await signIn(context, operatorToken, '/editors/nodes');
      await page.fill('#node-url', newcomer.url);
      await page.click('text=Enrol node');
      await page.locator('.notice--success').waitFor();
      expect(await page.locator('.notice--success').textContent()).toContain(
        'Nothing is pinned yet',
      );
      // Pending: its fingerprint shown, nothing enrolled until the operator confirms it.
      const pending = page.locator('[data-pending="eastvale"]');
      await pending.waitFor();
      const fingerprint = keyFingerprint(newcomer.context.key.kid);
      expect(await pending.textContent()).toContain(fingerprint);
      expect(await page.locator('[data-partner="eastvale"]').count()).toBe(0);

      // A fingerprint that is not the node's is refused, in words, beside the field.
      await pending.locator('input[name="fingerprint"]').fill('AAAA-AAAA-AAAA-AAAA');
      await pending.locator('button', { hasText: 'Approve' }).click();
      await page.locator('#fingerprint-eastvale-error').waitFor();
      expect(await page.locator('#fingerprint-eastvale-error').textContent()).toContain(
        'Nothing was pinned',
      );
      expect(await page.locator('[data-partner="eastvale"]').count()).toBe(0);

      // The fingerprint the partner reads out from their own node, as typed by a person.
      await pending
        .locator('input[name="fingerprint"]')
        .fill(fingerprint.toLowerCase().replaceAll('-', ' '));
      await pending.locator('button', { hasText: 'Approve' }).click();
      await page.locator('.notice--success', { hasText: 'is enrolled' }).waitFor();
      expect(
        await page.locator('.notice--success', { hasText: 'is enrolled' }).textContent(),
      ).toContain('Eastvale Community Wellbeing is enrolled');
      const item = page.locator('[data-partner="eastvale"]');
      await item.waitFor();

      await item.locator('button', { hasText: 'Suspend' }).click();
      await item.locator('.action-done').waitFor();
      expect(await item.locator('.action-done').textContent()).toContain('is suspended');
      expect(await item.getAttribute('data-health')).toBe('suspended');

      const status = await context.newPage();
      await status.goto(`${federation.portalUrl}/status`);
      const shown = status.locator('[data-partner="eastvale"]');
      expect(await shown.getAttribute('data-health')).toBe('suspended');
      expect(await shown.textContent()).toContain('Suspended');

      // The hub's refusal is shown beside the control, in words.
      await page.fill('#node-url', newcomer.url);
      await page.click('text=Enrol node');
      await page.locator('#node-url-error').waitFor();
      expect(await page.locator('#node-url-error').textContent()).toContain(
        'That node is already enrolled.',
      );

      await item.locator('button', { hasText: 'Reinstate' }).click();
      await item.locator('.action-done').waitFor();
      expect(await item.getAttribute('data-health')).not.toBe('suspended');
    } finally {
      await context.close();
    }
  });

  it('shows an editor the nodes with a plain explanation instead of operator controls', async () => {
    const context = await newContext(browser, 'desktop');
    try {
      const page = await signIn(context, editorToken, '/editors/nodes');
      expect(await page.locator('main').textContent()).toMatch(
        /only the hub’s\s+operators can do them/,
      );
      expect(await page.locator('main button', { hasText: 'Suspend' }).count()).toBe(0);
      expect(await page.locator('#node-url').count()).toBe(0);
      // Even a hand-made request with the editor's session is refused by the portal and the hub.
      const cookie = await sessionCookie(context);
      const response = await fetch(`${federation.portalUrl}/editors/nodes?/suspend`, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          origin: federation.portalUrl,
          cookie: `promise-editor=${cookie?.value ?? ''}`,
          accept: 'application/json',
          'x-sveltekit-action': 'true',
        },
        body: 'partnerId=northshire',
      });
      expect(await response.json()).toMatchObject({ type: 'failure', status: 403 });
    } finally {
      await context.close();
    }
  });
});

describe('cross-site requests', () => {
  it('refuses a form POST from another origin even with a valid session cookie, and accepts the same POST from the portal', async () => {
    const context = await newContext(browser, 'desktop');
    try {
      await signIn(context, operatorToken);
      const cookie = `promise-editor=${(await sessionCookie(context))?.value ?? ''}`;
      const post = (origin: string) =>
        fetch(`${federation.portalUrl}/editors/nodes?/suspend`, {
          method: 'POST',
          redirect: 'manual',
          headers: { 'content-type': 'application/x-www-form-urlencoded', origin, cookie },
          body: 'partnerId=riverside',
        });
      const forged = await post('https://attacker.example.org');
      expect(forged.status).toBe(403);
      expect(await forged.text()).toContain('Cross-site POST form submissions are forbidden');
      const riverside = async () =>
        (await federation.hubClient.nodeStatus()).find((node) => node.partnerId === 'riverside');
      expect((await riverside())?.state).toBe('active');

      const genuine = await post(federation.portalUrl);
      expect(genuine.status).toBe(200);
      expect((await riverside())?.state).toBe('suspended');
      await federation.hubClient.reinstateNode({ partnerId: 'riverside' });
    } finally {
      await context.close();
    }
  });
});

describe('editors’ pages', () => {
  it.concurrent.each(Object.keys(VIEWPORTS) as ViewportName[])(
    'have no axe violations and no sideways scrolling at the %s width',
    async (viewport) => {
      const context = await newContext(browser, viewport);
      try {
        const check = async (name: string, page: Page) => {
          const { violations, overflow } = await auditPage(page, name, viewport);
          expect({ name, violations, overflow }).toEqual({ name, violations: [], overflow: 0 });
        };
        const { page: signInPage } = await openPage(
          context,
          `${federation.portalUrl}/editors/sign-in`,
        );
        await check('editors-sign-in', signInPage);
        await signInPage.fill('#token', 'wrong');
        await signInPage.click('main button[type="submit"]');
        await signInPage.locator('.form-field__error').waitFor();
        await check('editors-sign-in-error', signInPage);

        const page = await signIn(context, operatorToken);
        await check('editors-overview', page);
        await page.goto(`${federation.portalUrl}/editors/nodes`);
        await check('editors-nodes-operator', page);
        await page.goto(`${federation.portalUrl}/editors/project52`);
        await check('editors-project52-off', page);
        await page.click('text=Sign out');
        await page.waitForURL(/\/editors\/sign-in/);
        await check('editors-nodes-editor', await signIn(context, editorToken, '/editors/nodes'));
      } finally {
        await context.close();
      }
    },
  );
});
