import { CONTROL_CHARACTERS } from '@promise-global/schema';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XSS_CORPUS } from '../packages/ui/test/xss-corpus.js';
import { fixturePartners, type PortalFederation, startPortalFederation } from './portal-fixture.js';
import { launchBrowser, newContext, openPage } from './support/browser.js';

const HOSTILE_TITLE = 'Hostile piece <script>alert("title")</script>';

let federation: PortalFederation;
let browser: Browser;

beforeAll(async () => {
  const partners = fixturePartners([
    {
      key: 'hostile',
      input: {
        title: HOSTILE_TITLE,
        summary: 'Summary with <img src=x onerror=alert("summary")> and javascript:alert(1) in it.',
        // Entries with control characters are refused at input now (text hygiene, schema tests);
        // the renderer's own test still runs them all.
        body: XSS_CORPUS.map((entry) => entry.markdown)
          .filter((markdown) => !CONTROL_CHARACTERS.test(markdown))
          .join('\n\n'),
        kind: 'idea',
        themes: ['digital'],
        setting: '<svg onload=alert("setting")>',
        evidenceLevel: 'idea',
        outcomes: '<iframe src="https://evil.example/"></iframe>',
        contact: { role: '<b onmouseover=alert(1)>Lead</b>', email: 'lead@northshire.example.org' },
      },
    },
  ]);
  [federation, browser] = await Promise.all([startPortalFederation(partners), launchBrowser()]);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await federation?.close();
});

interface DomFindings {
  handlers: string[];
  foreignElements: string[];
  badLinks: string[];
}

describe('hostile Markdown signed by a real node', () => {
  it.each([
    ['the piece itself', () => `/innovations/northshire/${federation.ids.hostile}`],
    ['search results that match it', () => '/innovations?q=alert'],
    ['the home page', () => '/'],
    ['its partner page', () => '/partners/northshire'],
  ])(
    'stays inert on %s: no dialog, no handler, no foreign element, no outside request',
    async (_label, path) => {
      const context = await newContext(browser, 'desktop');
      try {
        const watched = await openPage(context, `${federation.portalUrl}${path()}`);
        const { page } = watched;
        await page.mouse.move(200, 400);
        await page.keyboard.press('Tab');
        await page.waitForTimeout(300);
        const findings = await page.evaluate((): DomFindings => {
          const handlers: string[] = [];
          for (const element of document.querySelectorAll('*')) {
            for (const attribute of element.attributes) {
              if (
                attribute.name.startsWith('on') ||
                (attribute.name === 'style' && element.closest('main'))
              ) {
                handlers.push(`${element.tagName}[${attribute.name}]`);
              }
            }
          }
          const foreignElements = [
            ...document.querySelectorAll(
              'main script, main iframe, main object, main embed, main svg, main math, main img, main style, main base, main meta, main link',
            ),
            // The portal's own search forms post to itself; any other form would be the author's.
            ...[...document.querySelectorAll('form')].filter(
              (form) => !form.action.startsWith(`${location.origin}/`),
            ),
          ].map((element) => element.tagName);
          const badLinks = [...document.querySelectorAll('a[href]')]
            .map((anchor) => (anchor as HTMLAnchorElement).href)
            .filter((href) => !/^(https?:|mailto:|tel:)/.test(href));
          return { handlers, foreignElements, badLinks };
        });
        expect(findings).toEqual({ handlers: [], foreignElements: [], badLinks: [] });
        expect(watched.dialogs).toEqual([]);
        const outside = watched.requests.filter((url) => !url.startsWith(federation.portalUrl));
        expect(outside).toEqual([]);
      } finally {
        await context.close();
      }
    },
  );

  it('shows the hostile markup as the text the author typed', async () => {
    const context = await newContext(browser, 'phone');
    try {
      const { page } = await openPage(
        context,
        `${federation.portalUrl}/innovations/northshire/${federation.ids.hostile}`,
      );
      expect(await page.textContent('h1')).toBe(HOSTILE_TITLE);
      const prose = (await page.textContent('.prose')) ?? '';
      expect(prose).toContain('<script>alert(1)</script>');
      expect(prose).toContain('<svg onload=alert(1)>');
      const protocols = await page
        .locator('.prose a')
        .evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).protocol));
      for (const protocol of protocols) expect(['http:', 'https:', 'mailto:']).toContain(protocol);
    } finally {
      await context.close();
    }
  });
});
