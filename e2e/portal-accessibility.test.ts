import type { Browser } from 'playwright-core';
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

beforeAll(async () => {
  [federation, browser] = await Promise.all([startPortalFederation(), launchBrowser()]);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await federation?.close();
});

function pages(ids: Record<string, string>): Array<[string, string]> {
  return [
    ['home', '/'],
    ['innovations', '/innovations'],
    ['innovations-search', '/innovations?q=crisis&theme=crisis_care'],
    ['innovation', `/innovations/northshire/${ids.cafe}`],
    ['services', '/services'],
    ['services-filtered', '/services?route=self&open247=yes'],
    ['services-empty', '/services?q=zebra-crossing-warden&open247=yes&age=15'],
    ['service', `/services/northshire/${ids.crisisCafe}`],
    ['partners', '/partners'],
    ['partner', '/partners/northshire'],
    ['status', '/status'],
    ['accessibility', '/accessibility'],
    ['not-found', '/no-such-page'],
  ];
}

describe('every page', () => {
  // The two widths run side by side in one browser: each has its own context.
  it.concurrent.each(Object.keys(VIEWPORTS) as ViewportName[])(
    'has no WCAG 2.2 AA violations axe-core can find, and no script errors, at the %s width',
    async (viewport) => {
      const context = await newContext(browser, viewport);
      try {
        for (const [name, path] of pages(federation.ids)) {
          const watched = await openPage(context, `${federation.portalUrl}${path}`);
          const { violations, overflow } = await auditPage(watched.page, name, viewport);
          expect({ page: path, overflow }).toEqual({ page: path, overflow: 0 });
          expect({ page: path, violations }).toEqual({ page: path, violations: [] });
          // The not-found page is itself a 404 response, which Chromium logs; nothing else may be.
          const errors = watched.consoleErrors.filter(
            (error) => !(name === 'not-found' && error.includes('404')),
          );
          expect({ page: path, errors }).toEqual({ page: path, errors: [] });
          await watched.page.close();
        }
      } finally {
        await context.close();
      }
    },
  );
});

describe('keyboard use', () => {
  it('offers a skip link first that moves focus to the main content', async () => {
    const context = await newContext(browser, 'desktop');
    try {
      const { page } = await openPage(context, `${federation.portalUrl}/services`);
      await page.keyboard.press('Tab');
      const first = await page.evaluate(() => document.activeElement?.textContent?.trim());
      expect(first).toBe('Skip to main content');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Tab');
      const inMain = await page.evaluate(() => Boolean(document.activeElement?.closest('main')));
      expect(inMain).toBe(true);
    } finally {
      await context.close();
    }
  });

  it('shows a visible focus indicator on links', async () => {
    const context = await newContext(browser, 'desktop');
    try {
      const { page } = await openPage(context, `${federation.portalUrl}/partners`);
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      const style = await page.evaluate(() => {
        const element = document.activeElement;
        if (!element) return null;
        const computed = getComputedStyle(element);
        return {
          outline: computed.outlineStyle,
          background: computed.backgroundColor,
          shadow: computed.boxShadow,
        };
      });
      expect(style).not.toBeNull();
      const visible = style !== null && (style.outline !== 'none' || style.shadow !== 'none');
      expect(visible).toBe(true);
    } finally {
      await context.close();
    }
  });
});
