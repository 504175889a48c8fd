import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The hub's own SMTP sink (a real `smtp-server` on loopback), reused rather than copied.
import { startSmtpSink } from '../apps/hub/src/project52/test-support/smtp-sink.js';
import { fixturePartners, type PortalFederation, startPortalFederation } from './portal-fixture.js';
import {
  auditPage,
  launchBrowser,
  newContext,
  openPage,
  VIEWPORTS,
  type ViewportName,
} from './support/browser.js';

const LIMITED = 'We have had a lot of sign-ups from your connection just now.';

let federation: PortalFederation;
let browser: Browser;
let sink: Awaited<ReturnType<typeof startSmtpSink>>;

// The hub takes one subscription request an hour from one client (the portal, untrusted as a proxy).
beforeAll(async () => {
  sink = await startSmtpSink();
  [federation, browser] = await Promise.all([
    startPortalFederation(fixturePartners().slice(0, 1), {
      hub: {
        limits: { subscriptionsPerClient: [{ limit: 1, windowSeconds: 3_600 }] },
        project52: {
          programmeStart: '2026-W01',
          portalUrl: 'https://portal.example.org',
          send: { weekday: 7, time: '23:59', timeZone: 'UTC', catchUpHours: 72 },
          mailing: {
            secret: 'e2e-mailing-secret-0123456789abcdef',
            from: '"PROMISE Project 52" <project52@example.org>',
            smtp: { host: '127.0.0.1', port: sink.port, security: 'none' },
          },
        },
      },
    }),
    launchBrowser(),
  ]);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await federation?.close();
  await sink?.close();
});

/** Submits an address on /subscribe; returns the text of the page the portal answers with. */
async function subscribe(page: Page, email: string): Promise<string> {
  // Once the network is idle the page is hydrated, so the form is submitted one way, not two.
  await page.goto(`${federation.portalUrl}/subscribe`, { waitUntil: 'networkidle' });
  await page.fill('#subscribe-email', email);
  await Promise.all([
    page.waitForResponse((response) => response.request().method() === 'POST'),
    page.click('main button[type="submit"]'),
  ]);
  await page.locator(`main :text("Check your email"), #subscribe-email-error`).first().waitFor();
  return (await page.locator('main').textContent()) ?? '';
}

describe('the subscribe page over the hub’s per-client limit', () => {
  it('takes the first address, then asks the reader to wait and keeps what they typed', async () => {
    const context = await newContext(browser, 'desktop', { javaScriptEnabled: false });
    try {
      const { page } = await openPage(context, `${federation.portalUrl}/subscribe`);
      let email = 'first-reader@example.org';
      let answer = await subscribe(page, email);
      // Another test may have used the one request already: then this one is limited too.
      if (!answer.includes(LIMITED)) {
        expect(answer).toContain('Check your email');
        email = 'second-reader@example.org';
        answer = await subscribe(page, email);
      }
      expect(answer).toContain(LIMITED);
      expect(await page.inputValue('#subscribe-email')).toBe(email);
    } finally {
      await context.close();
    }
  });

  it.each(Object.keys(VIEWPORTS) as ViewportName[])(
    'shows the limit with no axe violations and no sideways scrolling at the %s width',
    async (viewport) => {
      const context = await newContext(browser, viewport);
      try {
        const { page } = await openPage(context, `${federation.portalUrl}/subscribe`);
        let answer = await subscribe(page, `${viewport}-reader@example.org`);
        if (!answer.includes(LIMITED))
          answer = await subscribe(page, `${viewport}-again@example.org`);
        expect(answer).toContain(LIMITED);
        const { violations, overflow } = await auditPage(page, 'subscribe-limited', viewport);
        expect({ violations, overflow }).toEqual({ violations: [], overflow: 0 });
      } finally {
        await context.close();
      }
    },
  );
});
