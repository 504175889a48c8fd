/// <reference lib="dom" />
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CRISIS_HELPLINES, crisisJourneyPartners } from './crisis-journey-fixture.js';
import { type PortalFederation, startPortalFederation } from './portal-fixture.js';
import {
  auditPage,
  launchBrowser,
  newContext,
  openPage,
  screenshot,
  type ViewportName,
} from './support/browser.js';

let federation: PortalFederation;
let browser: Browser;

beforeAll(async () => {
  [federation, browser] = await Promise.all([
    startPortalFederation(crisisJourneyPartners(), {
      hub: { nationalHelplines: CRISIS_HELPLINES },
    }),
    launchBrowser(),
  ]);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await federation?.close();
});

async function withPage<T>(
  path: string,
  use: (page: Page) => Promise<T>,
  options: { viewport?: ViewportName | 'reflow'; js?: boolean } = {},
): Promise<T> {
  const context = await newContext(browser, options.viewport ?? 'phone', {
    javaScriptEnabled: options.js ?? true,
  });
  try {
    const { page } = await openPage(context, `${federation.portalUrl}${path}`);
    return await use(page);
  } finally {
    await context.close();
  }
}

/** Top of the first Call button among the services listed (document coordinates, CSS px). */
async function firstServiceCallTop(page: Page): Promise<number> {
  const call = page.locator('main .service-card a.service-card__call').first();
  const box = await call.boundingBox();
  if (!box) throw new Error('no Call button in the results');
  return box.y + (await page.evaluate(() => window.scrollY));
}

/** The weekday and HH:MM in London now: the test's own clock reading, independent of the portal's. */
function londonNow(): { day: string; time: string } {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date());
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return { day: part('weekday'), time: `${part('hour')}:${part('minute')}` };
}

describe('"Find crisis help" on a phone', () => {
  it.each([
    ['with JavaScript', true],
    ['without JavaScript', false],
  ])(
    'puts the first Call on the first screen (top above 700 px) %s, filters folded to one line',
    async (_label, js) => {
      await withPage(
        '/',
        async (page) => {
          await Promise.all([
            page.waitForURL(/urgency=emergency/),
            page.click('text=Find crisis help'),
          ]);
          await page.locator('#crisis-heading').waitFor();
          const top = await firstServiceCallTop(page);
          expect(top).toBeGreaterThan(0);
          expect(top).toBeLessThan(700);
          // The first Call is a line anyone may call, not a professionals' line.
          const firstCard = page.locator('main .service-card').first();
          expect(await firstCard.textContent()).not.toContain('For professionals');
          expect((await page.textContent('.filters__summary'))?.replace(/\s+/g, ' ').trim()).toBe(
            '2 filters · Change',
          );
          expect(await page.locator('details.filters').getAttribute('open')).toBeNull();
          expect(await page.isVisible('input[name="urgency"][value="urgent"]')).toBe(false);
          await keep(page, `crisis-journey-${js ? 'js' : 'nojs'}`, 'phone', js);
        },
        { js },
      );
    },
  );

  it.each([
    ['with JavaScript', true],
    ['without JavaScript', false],
  ])(
    'keeps the first Call on the first screen with three filters %s, and opens them on a tap',
    async (_label, js) => {
      await withPage(
        '/services?urgency=emergency&urgency=urgent&route=self',
        async (page) => {
          expect(await firstServiceCallTop(page)).toBeLessThan(700);
          const summary = page.locator('.filters__summary');
          expect((await summary.textContent())?.replace(/\s+/g, ' ').trim()).toBe(
            '3 filters · Change',
          );
          await summary.click();
          await page.locator('input[name="route"][value="self"]').waitFor({ state: 'visible' });
          expect(await page.isChecked('input[name="route"][value="self"]')).toBe(true);
        },
        { js },
      );
    },
  );

  it.each([
    ['with JavaScript', true],
    ['without JavaScript', false],
  ])('shows the filters beside the results on a wide screen %s', async (_label, js) => {
    await withPage(
      '/services?urgency=emergency&urgency=urgent',
      async (page) => {
        expect(await page.isVisible('input[name="urgency"][value="urgent"]')).toBe(true);
        expect(await firstServiceCallTop(page)).toBeLessThan(700);
        await keep(page, `crisis-journey-${js ? 'js' : 'nojs'}`, 'desktop', js);
      },
      { js, viewport: 'desktop' },
    );
  });
});

describe('Help now', () => {
  it('lists lines anyone may call first (open now first), professionals’ lines after, labelled', async () => {
    await withPage('/services?urgency=emergency&urgency=urgent', async (page) => {
      const section = page.locator('section[aria-labelledby="crisis-heading"]');
      const names = await section.locator('.service-card__name').allTextContents();
      const { day, time } = londonNow();
      const cafeOpen =
        ['Mon', 'Tue', 'Wed', 'Thu', 'Fri'].includes(day) && time >= '18:00' && time < '23:00';
      const open = ['Northshire Crisis Line', 'Wessex 24/7 crisis line'];
      const anyone = cafeOpen ? ['Harbour Crisis Café', ...open] : [...open, 'Harbour Crisis Café'];
      expect(names.map((name) => name.trim())).toEqual([
        ...anyone,
        // Professionals: emergency before urgent, then by name.
        'A&E mental health liaison',
        'Riverside Mobile Crisis Team',
        'Crisis resolution referrals',
      ]);
      const professionals = section.locator('.service-card', { hasText: 'For professionals' });
      expect(await professionals.count()).toBe(3);
      expect(await section.locator('h3#professionals-heading').textContent()).toBe(
        'For professionals',
      );
      // The heading comes after every line anyone may call.
      const order = await section.evaluate((root) =>
        [...root.querySelectorAll('.service-card__name, #professionals-heading')].map((el) =>
          el.id === 'professionals-heading' ? '|' : '.',
        ),
      );
      expect(order.join('')).toBe('...|...');
    });
  });
});

describe('contacts', () => {
  it('texts a text line (sms:), calls a voice line (tel:), and never calls a "Text" button', async () => {
    await withPage('/services?urgency=emergency&urgency=urgent', async (page) => {
      expect(await page.getAttribute('a:text("Text 01632 960421")', 'href')).toBe(
        'sms:01632960421',
      );
      expect(await page.getAttribute('a:text("Call 01632 960420")', 'href')).toBe(
        'tel:01632960420',
      );
      const links = await page
        .locator('main a[href^="tel:"], main a[href^="sms:"]')
        .evaluateAll((anchors) =>
          anchors.map((a) => ({
            text: a.textContent?.trim() ?? '',
            href: a.getAttribute('href') ?? '',
          })),
        );
      for (const link of links) {
        const words = link.text.replace(/\s+/g, ' ');
        if (/^Text /.test(words) || /\bText\b/.test(words.split(' ')[0] ?? '')) {
          expect(link.href).toMatch(/^sms:/);
        } else expect(link.href).toMatch(/^tel:/);
      }
    });
  });

  it('names a textphone and a video phone as such, the sign language by name, and links the video meeting', async () => {
    await withPage(`/services/wessex/${federation.ids.deafGroup}`, async (page) => {
      const textphone = page.locator('[data-contact="textphone"]');
      expect(await textphone.textContent()).toBe('Textphone 01632 960440');
      expect(await textphone.getAttribute('href')).toBe('tel:01632960440');
      const video = page.locator('[data-contact="video"]');
      expect(await video.textContent()).toBe('Video phone: 01632 960441');
      expect(await video.evaluate((el) => el.tagName)).not.toBe('A');
      expect(await page.getAttribute('[data-contact="text"]', 'href')).toBe('sms:01632960442');
      expect(await page.locator('main').textContent()).not.toMatch(/Call 01632 96044/);
      const languages = page.locator('dt:text("Languages") + dd');
      expect(await languages.textContent()).toContain('British Sign Language');
      expect(await languages.textContent()).not.toContain('bfi');
      expect(await page.getAttribute('a:text("Join online: Video meet-up")', 'href')).toBe(
        'https://wessex.example.org/meet',
      );
      await auditAndKeep(page, 'service-deaf-group', 'phone');
    });
  });

  it('says a professionals’ line cannot help directly, and points to lines that can', async () => {
    await withPage(`/services/wessex/${federation.ids.liaison}`, async (page) => {
      const note = page.locator('main [role="note"]', { hasText: 'For professionals' });
      expect(await note.textContent()).toContain('cannot help you directly');
      await auditAndKeep(page, 'service-professionals', 'phone');
    });
  });
});

describe('national numbers', () => {
  it('head the finder for the portal’s country (UK), tap to call or text', async () => {
    await withPage('/services?urgency=emergency&urgency=urgent', async (page) => {
      const box = page.locator('main section[aria-labelledby="finder-helplines"]');
      const hrefs = await box
        .locator('a')
        .evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href')));
      expect(hrefs).toEqual(['tel:999', 'tel:111', 'tel:116123', 'sms:85258']);
      expect(await box.locator('a[href="sms:85258"]').textContent()).toContain('Text 85258');
      // On the first screen, above the first service's Call.
      const last = await box.locator('a').last().boundingBox();
      expect((last?.y ?? 1_000) + (last?.height ?? 0)).toBeLessThan(
        await firstServiceCallTop(page),
      );
    });
  });

  it('follow the area chosen: a US area shows 911 and 988', async () => {
    await withPage('/services?area=Riverside+County', async (page) => {
      const box = page.locator('main section[aria-labelledby="finder-helplines"]');
      expect(await box.textContent()).toContain('United States');
      const hrefs = await box
        .locator('a')
        .evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href')));
      expect(hrefs).toEqual(['tel:911', 'tel:988', 'sms:988']);
    });
  });

  it.each(['/', '/innovations', '/partners', '/status', '/accessibility', '/no-such-page'])(
    'are in the help box of %s, every emergency number tap-to-call',
    async (path) => {
      await withPage(path, async (page) => {
        const footer = page.locator('footer section[aria-labelledby="footer-helplines"]');
        expect(await footer.locator('a[href="tel:999"]').count()).toBe(1);
        expect(await footer.locator('a[href="tel:116123"]').count()).toBe(1);
        // No emergency number anywhere on the page is left as plain text.
        const bare = await page.evaluate(() => {
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          const found: string[] = [];
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const parent = node.parentElement;
            if (parent?.closest('script, a')) continue;
            if (/\b(999|911|112)\b/.test(node.textContent ?? ''))
              found.push(node.textContent ?? '');
          }
          return found;
        });
        expect(bare).toEqual([]);
      });
    },
  );
});

describe('reflow at 320 px', () => {
  it('scrolls no page sideways', async () => {
    const paths = [
      '/',
      '/innovations',
      '/innovations?q=crisis&theme=crisis_care',
      `/innovations/northshire/${federation.ids.cafe}`,
      '/services',
      '/services?urgency=emergency&urgency=urgent',
      `/services/wessex/${federation.ids.deafGroup}`,
      `/services/northshire/${federation.ids.crisisCafe}`,
      '/partners',
      '/partners/northshire',
      '/status',
      '/accessibility',
      '/subscribe',
      '/no-such-page',
    ];
    const overflows: Array<{ path: string; overflow: number }> = [];
    const context = await newContext(browser, 'reflow');
    try {
      for (const path of paths) {
        const { page } = await openPage(context, `${federation.portalUrl}${path}`);
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        overflows.push({ path, overflow });
        await page.close();
      }
    } finally {
      await context.close();
    }
    expect(overflows).toEqual(paths.map((path) => ({ path, overflow: 0 })));
  });
});

describe('changed pages', () => {
  it.each(['phone', 'desktop'] as const)(
    'pass axe with no violations at the %s width',
    async (viewport) => {
      const paths: Array<[string, string]> = [
        ['crisis-home', '/'],
        ['crisis-services', '/services'],
        ['crisis-services-filtered', '/services?urgency=emergency&urgency=urgent&route=self'],
        ['crisis-services-us', '/services?area=Riverside+County'],
        ['crisis-deaf-group', `/services/wessex/${federation.ids.deafGroup}`],
        ['crisis-liaison', `/services/wessex/${federation.ids.liaison}`],
        ['crisis-accessibility', '/accessibility'],
      ];
      for (const [name, path] of paths) {
        await withPage(
          path,
          async (page) => {
            const { violations, overflow } = await auditAndKeep(page, name, viewport);
            expect({ path, violations, overflow }).toEqual({ path, violations: [], overflow: 0 });
          },
          { viewport },
        );
      }
    },
  );
});

/** Audits the page (axe, overflow) and screenshots it (e2e/screenshots) for a person to look at. */
function auditAndKeep(page: Page, name: string, viewport: ViewportName) {
  return auditPage(page, name, viewport);
}

/** With JavaScript, audits with axe as well (axe needs the page's script to run); else screenshots. */
async function keep(page: Page, name: string, viewport: ViewportName, js: boolean) {
  if (!js) {
    await screenshot(page, name, viewport);
    return;
  }
  const { violations, overflow } = await auditAndKeep(page, name, viewport);
  expect({ violations, overflow }).toEqual({ violations: [], overflow: 0 });
}
