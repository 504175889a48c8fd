import { PublicJwkSet } from '@promise-global/schema';
import { pinKeys, verifyRecord } from '@promise-global/sdk/verify';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PortalFederation, startPortal, startPortalFederation } from './portal-fixture.js';
import { launchBrowser, newContext, openPage } from './support/browser.js';

let federation: PortalFederation;
let browser: Browser;

beforeAll(async () => {
  [federation, browser] = await Promise.all([startPortalFederation(), launchBrowser()]);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await federation?.close();
});

async function withPage<T>(
  path: string,
  run: (page: Page) => Promise<T>,
  javaScriptEnabled = true,
): Promise<T> {
  const context = await newContext(browser, 'desktop', { javaScriptEnabled });
  try {
    const { page } = await openPage(context, `${federation.portalUrl}${path}`);
    return await run(page);
  } finally {
    await context.close();
  }
}

const resultTitles = (page: Page) =>
  page.locator('main article h2 a, main article h3 a').allTextContents();
// Professionals' lines sit under their own h3, so their names are h4: read the names by class.
const serviceNames = (page: Page) =>
  page.locator('main .service-card .service-card__name a').allTextContents();

describe('innovation search', () => {
  it.each([
    ['with JavaScript', true],
    ['without JavaScript', false],
  ])(
    'round-trips a search and a facet through the URL %s, and the back button restores it',
    async (_label, js) => {
      await withPage(
        '/innovations',
        async (page) => {
          expect(await resultTitles(page)).toHaveLength(3);
          await page.fill('#innovation-search', 'crisis');
          await Promise.all([
            page.waitForURL(/q=crisis/),
            page.click('form[aria-label="Search innovations"] .search-row button'),
          ]);
          expect(await resultTitles(page)).toEqual([
            'A crisis café that halved evening A&E visits',
          ]);
          expect(await page.locator('main mark').first().textContent()).toMatch(/crisis/i);

          await page.goto(`${federation.portalUrl}/innovations`);
          await page.check('input[name="theme"][value="reducing_restrictive_practice"]');
          await Promise.all([
            page.waitForURL(/theme=reducing_restrictive_practice/),
            page.click('text=Apply filters'),
          ]);
          expect(await resultTitles(page)).toEqual(['Reducing restraint on acute wards']);
          expect(
            await page.isChecked('input[name="theme"][value="reducing_restrictive_practice"]'),
          ).toBe(true);

          await page.goBack();
          await page.waitForURL((url) => !url.search.includes('theme='));
          // With JavaScript the router restores the page after the URL changes: wait for the list.
          await page.locator('main article').nth(2).waitFor();
          expect(await resultTitles(page)).toHaveLength(3);
          expect(
            await page.isChecked('input[name="theme"][value="reducing_restrictive_practice"]'),
          ).toBe(false);
        },
        js,
      );
    },
  );

  it('filters by partner, country and evidence to exactly the matching pieces', async () => {
    await withPage('/innovations?partner=riverside', async (page) => {
      expect(await resultTitles(page)).toEqual(['Peer specialists in recovery planning']);
    });
    await withPage('/innovations?country=GB&evidence=evaluated', async (page) => {
      expect(await resultTitles(page)).toEqual(['A crisis café that halved evening A&E visits']);
      expect(await page.textContent('main .result-count')).toContain('1 piece');
    });
  });
});

describe('an innovation page', () => {
  it('shows the piece as rendered Markdown with a provenance panel whose JWS the SDK verifies', async () => {
    const node = federation.nodes.northshire;
    if (!node) throw new Error('northshire node missing');
    await withPage(`/innovations/northshire/${federation.ids.cafe}`, async (page) => {
      expect(await page.textContent('h1')).toBe('A crisis café that halved evening A&E visits');
      expect(await page.locator('.prose h2').allTextContents()).toEqual([
        'What we did',
        'What changed',
      ]);
      expect(await page.getAttribute('.prose a', 'rel')).toBe('nofollow noopener');
      const jws = await page.inputValue('#provenance-jws');
      const shownKid = (await page.textContent('.provenance code'))?.trim();
      const jwks = PublicJwkSet.parse(
        await (await fetch(`${node.url}/.well-known/jwks.json`)).json(),
      );
      const verified = await verifyRecord(jws, {
        keys: await pinKeys(jwks),
        iss: node.url,
        partnerId: 'northshire',
      });
      expect(verified.payload.id).toBe(federation.ids.cafe);
      expect(verified.payload.type).toBe('innovation');
      expect(verified.kid).toBe(shownKid);
      expect(await page.textContent('.provenance')).toContain('Verified');
    });
  });

  it('answers 404 with help for a piece that does not exist', async () => {
    const response = await fetch(
      `${federation.portalUrl}/innovations/northshire/00000000-0000-4000-8000-000000000000`,
    );
    expect(response.status).toBe(404);
    const html = await response.text();
    expect(html).toContain('Page not found');
    expect(html).toContain('href="/services?urgency=emergency&amp;urgency=urgent"');
  });
});

describe('the service finder', () => {
  it.each([
    [
      'route=self',
      ['Harbour Crisis Café', 'Northshire Crisis Line', 'Riverside Wellbeing Sessions'],
    ],
    ['open247=yes', ['Riverside Mobile Crisis Team', 'Northshire Crisis Line']],
    ['area=Riverside+County&urgency=non_urgent', ['Riverside Wellbeing Sessions']],
    ['category=befriending', ['Northshire Befriending']],
    ['route=carer_family&route=gp', ['Northshire Crisis Line', 'Northshire Befriending']],
  ])('with %s returns exactly the matching services', async (query, expected) => {
    await withPage(`/services?${query}`, async (page) => {
      expect([...(await serviceNames(page))].sort()).toEqual([...expected].sort());
    });
  });

  it('filters by the age of the person', async () => {
    await withPage('/services?age=30', async (page) => {
      expect(await serviceNames(page)).not.toContain('Northshire Befriending');
      expect(await serviceNames(page)).toHaveLength(4);
    });
    await withPage('/services?age=70', async (page) => {
      expect(await serviceNames(page)).toContain('Northshire Befriending');
    });
  });

  it('lists crisis services first (lines anyone may call before professionals’), each with a working tel: link and its hours', async () => {
    await withPage('/services', async (page) => {
      const names = await serviceNames(page);
      // Whether the evening café comes first depends on the hour (open now leads): see
      // portal-crisis-journey.test.ts; the professionals' line comes after both whenever.
      expect(names.slice(0, 2).sort()).toEqual(['Harbour Crisis Café', 'Northshire Crisis Line']);
      expect(names[2]).toBe('Riverside Mobile Crisis Team');
      const crisisCards = page.locator('section[aria-labelledby="crisis-heading"] .service-card');
      expect(await crisisCards.count()).toBe(3);
      for (const card of await crisisCards.all()) {
        const href = await card.locator('a[href^="tel:"]').first().getAttribute('href');
        expect(href).toMatch(/^tel:\+?\d{3,15}$/);
        expect(await card.textContent()).toMatch(/Hours:/);
      }
      expect(await page.getAttribute('text=Call 01632 960001', 'href')).toBe('tel:01632960001');
      expect(await page.getAttribute('text=Call +1 203 555 0143', 'href')).toBe('tel:+12035550143');
    });
  });

  it('marks a listing its owner has not confirmed, and shows when the others were checked', async () => {
    await withPage('/services', async (page) => {
      const cafe = page.locator('.service-card', { hasText: 'Harbour Crisis Café' });
      expect(await cafe.textContent()).toContain('Not confirmed by its owner yet');
      const line = page.locator('.service-card', { hasText: 'Northshire Crisis Line' });
      expect(await line.textContent()).toMatch(/Checked on \d{1,2} \w+ \d{4}/);
      expect(await line.textContent()).not.toContain('Not confirmed');
    });
    await withPage(`/services/northshire/${federation.ids.crisisCafe}`, async (page) => {
      expect(await page.textContent('main')).toContain('Check before you rely on this');
      expect(await page.textContent('main')).toContain('You can refer yourself');
    });
  });

  it('describes who can refer in words on the service page', async () => {
    await withPage(`/services/northshire/${federation.ids.crisisLine}`, async (page) => {
      const text = await page.textContent('main .summary-list');
      expect(text).toContain('You can refer yourself');
      expect(text).toContain('Carers and family can call');
      expect(text).toContain('Open 24 hours, every day');
      expect(await page.textContent('main')).toContain('Checked by its owner on');
    });
  });
});

describe('security headers', () => {
  it('sends a strict policy and the other headers on pages and on static assets', async () => {
    const response = await fetch(`${federation.portalUrl}/`);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toMatch(/script-src 'self' 'sha256-[^']+'/);
    expect(csp).not.toContain("'nonce-");
    // A public page a CDN may keep briefly; the editors' area never.
    expect(response.headers.get('cache-control')).toBe(
      'public, max-age=60, stale-while-revalidate=300',
    );
    expect(response.headers.get('etag')).toMatch(/^"[\w-]+"$/);
    const signIn = await fetch(`${federation.portalUrl}/editors/sign-in`);
    expect(signIn.headers.get('cache-control')).toBe('no-store');
    expect(csp).not.toContain("'unsafe-inline'");
    expect(csp).not.toContain("'unsafe-eval'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    const html = await response.text();
    const asset = /\/_app\/immutable\/[^"]+\.js/.exec(html)?.[0];
    expect(asset).toBeDefined();
    for (const path of [asset ?? '', '/favicon.svg']) {
      const assetResponse = await fetch(`${federation.portalUrl}${path}`);
      expect(assetResponse.status).toBe(200);
      expect(assetResponse.headers.get('x-content-type-options')).toBe('nosniff');
      expect(assetResponse.headers.get('content-security-policy')).toContain(
        "frame-ancestors 'none'",
      );
    }
  });
});

describe('security headers on the https portal and on personal answers', () => {
  it('states the charset of every page', async () => {
    for (const path of ['/', '/innovations', '/no-such-page']) {
      const response = await fetch(`${federation.portalUrl}${path}`);
      await response.body?.cancel();
      expect({ path, type: response.headers.get('content-type') }).toEqual({
        path,
        type: 'text/html; charset=utf-8',
      });
    }
  });

  it('sends HSTS on pages and assets only when its origin is https', async () => {
    const plain = await fetch(`${federation.portalUrl}/favicon.svg`);
    await plain.body?.cancel();
    expect(plain.headers.get('strict-transport-security')).toBeNull();
    const https = await startPortal(federation.hub.url, { ORIGIN: 'https://portal.example.org' });
    try {
      for (const path of ['/', '/favicon.svg', '/no-such-page']) {
        const response = await fetch(`${https.url}${path}`);
        await response.body?.cancel();
        expect({ path, hsts: response.headers.get('strict-transport-security') }).toEqual({
          path,
          hsts: 'max-age=31536000; includeSubDomains',
        });
      }
    } finally {
      const exited = new Promise((resolve) => https.child.once('exit', resolve));
      https.child.kill('SIGTERM');
      await exited;
    }
  });

  it('lets no cache keep the answer to a form a reader sent', async () => {
    const response = await fetch(`${federation.portalUrl}/subscribe`, {
      method: 'POST',
      headers: {
        origin: federation.portalUrl,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: 'email=reader%40example.org',
    });
    await response.body?.cancel();
    expect(response.headers.get('cache-control')).toBe('no-store');
  });
});

describe('a node that goes down', () => {
  it('shows as failing on the status page while its last good content stays browsable', async () => {
    const riverside = federation.nodes.riverside;
    if (!riverside) throw new Error('riverside node missing');
    await riverside.close();
    await federation.hubClient.syncNode({ partnerId: 'riverside' }).catch(() => undefined);
    await withPage('/status', async (page) => {
      const card = page.locator('[data-partner="riverside"]');
      expect(await card.getAttribute('data-health')).toBe('failing');
      expect(await card.textContent()).toContain('Failing');
      expect(await page.getAttribute('[data-partner="northshire"]', 'data-health')).toBe('healthy');
    });
    await withPage(`/innovations/riverside/${federation.ids.peerRecovery}`, async (page) => {
      expect(await page.textContent('h1')).toBe('Peer specialists in recovery planning');
    });
  });
});

describe('a finder search that finds nothing', () => {
  it('offers to take back each thing asked for, one at a time, and the crisis lines', async () => {
    const asked = '/services?q=zebra-crossing-warden&open247=yes&age=15';
    await withPage(asked, async (page) => {
      const ways = page.locator('.no-results a');
      expect(await ways.allTextContents()).toEqual([
        'Search without the words “zebra-crossing-warden”',
        'Include services not open all hours',
        'Any age',
        'See every crisis line',
      ]);
      await ways.first().click();
      await page.waitForURL((url) => !url.search.includes('zebra'));
      expect(new URL(page.url()).search).toBe('?open247=yes&age=15');
    });
  });
});

describe('when the hub itself is down', () => {
  it('answers 503 with a page that says so and still points to crisis help', async () => {
    await federation.hub.close();
    // A question no reader asked before: the portal's short shared cache cannot answer it.
    const response = await fetch(`${federation.portalUrl}/services?q=asked-only-now`);
    expect(response.status).toBe(503);
    const html = await response.text();
    expect(html).toContain('not answering just now');
    expect(html).toContain('<a href="tel:999">999</a>');
  });
});
