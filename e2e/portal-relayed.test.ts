import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixturePartners, type PortalFederation, startPortalFederation } from './portal-fixture.js';
import {
  auditPages,
  cleanAudit,
  launchBrowser,
  newContext,
  openPage,
  VIEWPORTS,
  type ViewportName,
} from './support/browser.js';

let federation: PortalFederation;
let browser: Browser;
let upstreamUrl: string;

// Northshire is enrolled at the portal's hub; Riverside at an upstream hub that hub consumes.
beforeAll(async () => {
  [federation, browser] = await Promise.all([
    startPortalFederation(fixturePartners(), { upstreamPartners: ['riverside'] }),
    launchBrowser(),
  ]);
  upstreamUrl = federation.upstream?.url ?? '';
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await federation?.close();
});

describe('a partner relayed by an upstream hub', () => {
  it('shows on the network status page which hub its records come through, and nothing for a direct node', async () => {
    const context = await newContext(browser, 'desktop', { javaScriptEnabled: false });
    try {
      const { page } = await openPage(context, `${federation.portalUrl}/status`);
      const relayed = page.locator('[data-partner="riverside"]');
      const via = relayed.locator('dd', { hasText: 'via' });
      expect(await via.textContent()).toContain(`via ${new URL(upstreamUrl).host}`);
      expect(await via.locator('a').getAttribute('href')).toBe(upstreamUrl);
      expect(await relayed.getAttribute('data-health')).toBe('healthy');
      const direct = page.locator('[data-partner="northshire"]');
      expect(await direct.locator('dt', { hasText: 'Comes through' }).count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  it('says on its partner page that its records reach this network through that hub', async () => {
    const context = await newContext(browser, 'desktop', { javaScriptEnabled: false });
    try {
      const { page } = await openPage(context, `${federation.portalUrl}/partners/riverside`);
      const sentence = page.locator('main p', { hasText: 'reach this network through' });
      expect(await sentence.textContent()).toContain(new URL(upstreamUrl).host);
      expect(await sentence.locator('a').getAttribute('href')).toBe(upstreamUrl);
      expect(await page.locator('main').textContent()).toContain(
        'Peer specialists in recovery planning',
      );
      const direct = await openPage(context, `${federation.portalUrl}/partners/northshire`);
      expect(await direct.page.locator('main p', { hasText: 'reach this network' }).count()).toBe(
        0,
      );
    } finally {
      await context.close();
    }
  });

  it.concurrent.each(Object.keys(VIEWPORTS) as ViewportName[])(
    'keeps the status and partner pages free of axe violations and sideways scrolling at the %s width',
    async (viewport) => {
      const pages = [
        ['status-relayed', '/status'],
        ['partner-relayed', '/partners/riverside'],
      ] as const;
      const audits = await auditPages(browser, federation.portalUrl, pages, viewport);
      expect(audits).toEqual(pages.map(([, path]) => cleanAudit(path)));
    },
  );
});
