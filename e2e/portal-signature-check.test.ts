import type { ChildProcess } from 'node:child_process';
import { rotateSigningKey } from '@promise-global/node';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PortalFederation, startPortal, startPortalFederation } from './portal-fixture.js';
import { launchBrowser, newContext, openPage, type WatchedPage } from './support/browser.js';
import { alterRecordData, startTamperingProxy } from './support/tampering-proxy.js';

// A reader checks a piece's signature in their own browser: the page fetches the signed record
// from the hub and the node's keys from the node, and verifies with the SDK's browser entry.
// A second portal sends readers to a hub behind a proxy that rewrites the records it serves.
const SCREENSHOT = '/tmp/portal-signature-check.png';
const closers: (() => Promise<void>)[] = [];
let federation: PortalFederation;
let browser: Browser;
let tamperedPortalUrl: string;
let retiredKid: string;
/** What the proxy in front of the hub does to the records it serves; each test sets it. */
let tamper: (jws: string) => string = (jws) => jws;

beforeAll(async () => {
  [federation, browser] = await Promise.all([startPortalFederation(), launchBrowser()]);
  closers.push(
    () => federation.close(),
    () => browser.close(),
  );
  const proxy = await startTamperingProxy(federation.hub.url, (jws) => tamper(jws));
  closers.push(() => proxy.close());
  const tampered: { child: ChildProcess; url: string } = await startPortal(federation.hub.url, {
    PROMISE_HUB_PUBLIC_URL: proxy.url,
  });
  closers.push(async () => {
    tampered.child.kill('SIGTERM');
  });
  tamperedPortalUrl = tampered.url;
  // Riverside rotates its key after signing its records: they verify with the retired key.
  const riverside = federation.nodes.riverside;
  if (riverside === undefined) throw new Error('no riverside node');
  ({ retiredKid } = await rotateSigningKey(riverside.context));
}, 120_000);

afterAll(async () => {
  for (const close of closers.reverse()) await close();
});

async function withPage<T>(
  url: string,
  run: (watched: WatchedPage) => Promise<T>,
  javaScriptEnabled = true,
): Promise<T> {
  const context = await newContext(browser, 'desktop', { javaScriptEnabled });
  try {
    return await run(await openPage(context, url));
  } finally {
    await context.close();
  }
}

const checkButton = (page: Page) =>
  page.getByRole('button', { name: 'Check this signature yourself' });

async function checkAndRead(page: Page): Promise<string> {
  await checkButton(page).click();
  const result = page.locator('.signature-check__result');
  await result.locator('.signature-check__verified, .signature-check__failed').waitFor();
  return ((await result.textContent()) ?? '').replace(/\s+/g, ' ');
}

describe('checking a signature in the reader’s browser', () => {
  it('verifies a piece reached by client-side navigation, and says what that proves', async () => {
    await withPage(
      `${federation.portalUrl}/innovations`,
      async ({ page, consoleErrors, requests }) => {
        await page
          .getByRole('link', { name: 'A crisis café that halved evening A&E visits' })
          .click();
        await checkButton(page).waitFor();
        // The verifier is fetched only when asked for.
        const before = requests.length;
        const verdict = await checkAndRead(page);
        expect(verdict).toContain('Signature verified in your browser.');
        expect(verdict).toContain(
          "authentic and unchanged since Northshire Mental Health Partnership's node signed it",
        );
        expect(verdict).toContain('not an endorsement');
        expect(verdict).not.toContain('retired');
        const fetched = requests.slice(before);
        expect(fetched).toContain(`${federation.nodes.northshire?.url}/.well-known/promise-node`);
        expect(
          fetched.some((url) =>
            url.startsWith(`${federation.hub.url}/records/northshire/innovation/`),
          ),
        ).toBe(true);
        await page.locator('.provenance').screenshot({ path: SCREENSHOT });
        expect(consoleErrors).toEqual([]);
      },
    );
  });

  it('verifies a service listing the same way', async () => {
    const url = `${federation.portalUrl}/services/northshire/${federation.ids.crisisLine}`;
    await withPage(url, async ({ page, consoleErrors }) => {
      expect(await checkAndRead(page)).toContain('Signature verified in your browser.');
      expect(consoleErrors).toEqual([]);
    });
  });

  it('verifies a record signed before a key rotation with the key the node retired', async () => {
    const url = `${federation.portalUrl}/innovations/riverside/${federation.ids.peerRecovery}`;
    await withPage(url, async ({ page }) => {
      const verdict = await checkAndRead(page);
      expect(verdict).toContain('Signature verified in your browser.');
      expect(verdict).toContain(`with key ${retiredKid}, a key the node has since retired`);
    });
  });

  it('says the signature does not match when the record it is served was altered', async () => {
    tamper = (jws) => alterRecordData(jws, 'title', 'A crisis café that closed A&E');
    const url = `${tamperedPortalUrl}/innovations/northshire/${federation.ids.cafe}`;
    await withPage(url, async ({ page, consoleErrors }) => {
      const verdict = await checkAndRead(page);
      expect(verdict).toContain('Not verified.');
      expect(verdict).toContain(
        'The signature check failed. The signature does not match the record: it was changed after the node signed it',
      );
      expect(verdict).toContain('Details: SIGNATURE_INVALID record signature does not verify');
      expect(verdict).not.toContain('Signature verified');
      await page
        .locator('.provenance')
        .screenshot({ path: '/tmp/portal-signature-check-tampered.png' });
      expect(consoleErrors).toEqual([]);
    });
  });

  it('says the key is not the node’s when it is served another node’s record', async () => {
    const other = await federation.hubClient.getRecord({
      partnerId: 'riverside',
      type: 'innovation',
      id: federation.ids.peerRecovery ?? '',
    });
    tamper = () => other?.jws ?? '';
    const url = `${tamperedPortalUrl}/innovations/northshire/${federation.ids.cafe}`;
    await withPage(url, async ({ page }) => {
      const verdict = await checkAndRead(page);
      expect(verdict).toContain(
        'Not verified. The signature check failed. The record is signed with a key the node does not publish',
      );
      expect(verdict).toContain('Details: UNKNOWN_KID');
    });
  });

  it('offers no button without JavaScript, and says the check needs it', async () => {
    const url = `${federation.portalUrl}/innovations/northshire/${federation.ids.cafe}`;
    await withPage(
      url,
      async ({ page }) => {
        expect(await checkButton(page).count()).toBe(0);
        expect(await page.locator('.provenance').textContent()).toContain(
          'Checking the signature in this page needs JavaScript.',
        );
      },
      false,
    );
  });

  it('lets pages reach the hub and the member nodes, and nothing else', async () => {
    const response = await fetch(`${federation.portalUrl}/innovations`);
    const policy = response.headers.get('content-security-policy') ?? '';
    const connect = policy
      .split(';')
      .find((directive) => directive.trim().startsWith('connect-src'));
    const origins = [federation.hub.url, ...Object.values(federation.nodes).map((node) => node.url)]
      .map((url) => new URL(url).origin)
      .sort();
    expect(connect?.trim().split(/\s+/).slice(1).sort()).toEqual(["'self'", ...origins].sort());
  });

  // Last: it stops a node.
  it('says the node’s keys could not be fetched when its node is down', async () => {
    const url = `${federation.portalUrl}/services/northshire/${federation.ids.crisisLine}`;
    await withPage(url, async ({ page }) => {
      await checkButton(page).waitFor();
      await federation.nodes.northshire?.close();
      const verdict = await checkAndRead(page);
      expect(verdict).toContain(
        "Not verified. Fetching Northshire Mental Health Partnership's published keys from its node failed. It could not be reached from this browser.",
      );
      expect(verdict).toContain('Details: NETWORK could not reach');
    });
  });
});
