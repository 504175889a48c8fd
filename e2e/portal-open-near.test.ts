/// <reference lib="dom" />
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type PartnerFixture,
  type PortalFederation,
  startPortalFederation,
} from './portal-fixture.js';
import {
  auditPage,
  launchBrowser,
  newContext,
  openPage,
  screenshot,
  type ViewportName,
} from './support/browser.js';
import { fixedClockEnv } from './support/fixed-clock.js';

/**
 * The portal's clock: Thursday 3 December 2026, 15:00 UTC — 15:00 in London, 10:00 in New York.
 * An evening safe haven (17:00–23:00) is not open yet and must not look like a 24/7 line.
 */
const PORTAL_NOW = '2026-12-03T15:00:00Z';
/** Where the browser says the reader is: Havant, to more digits than may leave the browser. */
const READER = { latitude: 50.851_234_5, longitude: -0.981_234_5 };

const EVERY_DAY = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
const place = (name: string, city: string, latitude: number, longitude: number) => ({
  type: 'physical' as const,
  name,
  address: { line1: `1 ${name} Road`, city, country: 'GB' as const },
  latitude,
  longitude,
});

/** Fictional services at real towns' coordinates; phones are Ofcom drama numbers. */
function openNearPartners(): PartnerFixture[] {
  const anyone = [{ route: 'self' as const }, { route: 'carer_family' as const }];
  return [
    {
      partnerId: 'solent',
      partner: {
        name: 'Solent Mental Health Partnership',
        country: 'GB',
        region: 'Hampshire',
        website: 'https://solent.example.org',
        contactEmail: 'promise@solent.example.org',
        description: 'A fictional partnership for the open-now and near-me tests.',
      },
      organisation: 'Solent Mental Health NHS Trust',
      services: [
        {
          key: 'safeHaven',
          assure: true,
          input: {
            name: 'Southsea safe haven',
            description: 'Drop in during the evening if you are struggling.',
            urgency: 'urgent',
            phones: [{ number: '01632 960510', type: 'voice' }],
            schedules: [{ byday: [...EVERY_DAY], opensAt: '17:00', closesAt: '23:00' }],
            timeZone: 'Europe/London',
            serviceAreas: [{ name: 'Portsmouth' }],
            locations: [place('Safe haven', 'Portsmouth', 50.78, -1.09)],
            referralRoutes: anyone,
            categories: ['crisis'],
          },
        },
        {
          key: 'cafe',
          assure: true,
          input: {
            name: 'Havant crisis café',
            description: 'Somewhere calm to talk, in the daytime.',
            urgency: 'urgent',
            phones: [{ number: '01632 960520', type: 'voice' }],
            schedules: [{ byday: [...EVERY_DAY], opensAt: '10:00', closesAt: '16:00' }],
            timeZone: 'Europe/London',
            serviceAreas: [{ name: 'Havant' }],
            locations: [place('Crisis café', 'Havant', 50.85, -0.98)],
            referralRoutes: anyone,
            categories: ['crisis'],
          },
        },
        {
          key: 'line',
          assure: true,
          input: {
            name: 'Solent 24/7 crisis line',
            description: 'Call any time, day or night.',
            urgency: 'urgent',
            available24x7: true,
            phones: [{ number: '01632 960530', type: 'voice' }],
            timeZone: 'Europe/London',
            serviceAreas: [{ name: 'Portsmouth' }, { name: 'Havant' }, { name: 'Winchester' }],
            referralRoutes: anyone,
            categories: ['crisis'],
          },
        },
        {
          key: 'centre',
          assure: true,
          input: {
            name: 'Winchester wellbeing centre',
            description: 'Courses and groups on weekdays.',
            urgency: 'non_urgent',
            phones: [{ number: '01632 960540', type: 'voice' }],
            schedules: [
              { byday: ['MO', 'TU', 'WE', 'TH', 'FR'], opensAt: '09:00', closesAt: '17:00' },
            ],
            timeZone: 'Europe/London',
            serviceAreas: [{ name: 'Winchester' }],
            locations: [place('Wellbeing centre', 'Winchester', 51.06, -1.31)],
            referralRoutes: anyone,
            categories: ['wellbeing'],
          },
        },
      ],
      innovations: [],
    },
    {
      partnerId: 'elmcity',
      partner: {
        name: 'Elm City Recovery Partnership',
        country: 'US',
        region: 'Connecticut',
        website: 'https://elmcity.example.org',
        contactEmail: 'promise@elmcity.example.org',
        description: 'A fictional US partner whose hours are New York time.',
      },
      organisation: 'Elm City Recovery Center',
      services: [
        {
          key: 'warmLine',
          assure: true,
          input: {
            name: 'New Haven evening warm line',
            description: 'Peers answer in the evening, New York time.',
            urgency: 'urgent',
            phones: [{ number: '+1 203 555 0150', type: 'voice' }],
            schedules: [{ byday: [...EVERY_DAY], opensAt: '17:00', closesAt: '22:00' }],
            timeZone: 'America/New_York',
            serviceAreas: [{ name: 'New Haven County' }],
            locations: [
              {
                type: 'physical',
                name: 'Warm line office',
                address: { line1: '1 Elm Street', city: 'New Haven', country: 'US' },
                latitude: 41.31,
                longitude: -72.92,
              },
            ],
            referralRoutes: anyone,
            categories: ['crisis'],
          },
        },
      ],
      innovations: [],
    },
  ];
}

let federation: PortalFederation;
let browser: Browser;

beforeAll(async () => {
  [federation, browser] = await Promise.all([
    startPortalFederation(openNearPartners(), { portalEnv: fixedClockEnv(PORTAL_NOW) }),
    launchBrowser(),
  ]);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await federation?.close();
});

interface PageOptions {
  viewport?: ViewportName;
  js?: boolean;
  located?: boolean;
}

async function withPage<T>(
  path: string,
  use: (page: Page, requests: string[]) => Promise<T>,
  options: PageOptions = {},
): Promise<T> {
  const context = await newContext(browser, options.viewport ?? 'phone', {
    javaScriptEnabled: options.js ?? true,
    ...(options.located ? { geolocation: READER, permissions: ['geolocation'] } : {}),
  });
  try {
    const { page, requests } = await openPage(context, `${federation.portalUrl}${path}`);
    return await use(page, requests);
  } finally {
    await context.close();
  }
}

/** Each listed card's name and its opening and distance words, in page order. */
function cards(page: Page) {
  return page.locator('main .service-card').evaluateAll((articles) =>
    articles.map((article) => {
      const tags = [...article.querySelectorAll('.tag')].map((tag) => tag.textContent?.trim());
      return {
        name: article.querySelector('.service-card__name')?.textContent?.trim() ?? '',
        opening: tags.find((tag) => /^(Open now|Opens )/.test(tag ?? '')) ?? null,
        distance: tags.find((tag) => / away$/.test(tag ?? '')) ?? null,
      };
    }),
  );
}

const kmOf = (words: string | null) =>
  words === null ? null : words.startsWith('Under 1') ? 0 : Number(words.replace(/[^\d]/g, ''));

async function expectClean(page: Page, name: string, viewport: ViewportName) {
  const { violations, overflow } = await auditPage(page, name, viewport);
  expect({ name, violations, overflow }).toEqual({ name, violations: [], overflow: 0 });
}

describe('"Open now" with the portal’s clock at 15:00 in London (10:00 in New York)', () => {
  it.each(['phone', 'desktop'] as const)(
    'says on each card whether it is open, in the service’s own time zone (%s)',
    async (viewport) => {
      await withPage(
        '/services',
        async (page) => {
          const listed = await cards(page);
          // Nobody shared a location: no card claims a distance.
          expect(listed.map((card) => card.distance)).toEqual(listed.map(() => null));
          const byName = Object.fromEntries(listed.map((card) => [card.name, card]));
          expect(byName['Southsea safe haven']?.opening).toBe('Opens at 17:00');
          expect(byName['Havant crisis café']?.opening).toBe('Open now');
          expect(byName['Winchester wellbeing centre']?.opening).toBe('Open now');
          // 17:00 New York time is 22:00 in London: the card reads the service's zone, and says
          // so to a reader of a UK portal.
          expect(byName['New Haven evening warm line']?.opening).toBe(
            'Opens at 17:00 (New York time)',
          );
          // A 24/7 line says so, and not twice.
          expect(byName['Solent 24/7 crisis line']?.opening).toBeNull();
          // Help now: open lines first, the evening ones after.
          const order = (await cards(page)).map((card) => card.name);
          expect(order.indexOf('Havant crisis café')).toBeLessThan(
            order.indexOf('Southsea safe haven'),
          );
          // Closed lines: the soonest to open first (17:00 London before 17:00 New York).
          expect(order.indexOf('Southsea safe haven')).toBeLessThan(
            order.indexOf('New Haven evening warm line'),
          );
          // The filters open too, so axe checks the grouped areas and the location button.
          await page.locator('button:has-text("Use my location")').waitFor({ state: 'attached' });
          if ((await page.locator('details.filters').getAttribute('open')) === null) {
            await page.locator('summary.filters__summary').click();
          }
          await page.locator('button:has-text("Use my location")').waitFor();
          await expectClean(page, 'open-near-services', viewport);
        },
        { viewport },
      );
    },
  );

  it.each(['phone', 'desktop'] as const)(
    'says it on the service page, with the time zone its hours are in (%s)',
    async (viewport) => {
      await withPage(
        `/services/elmcity/${federation.ids.warmLine}`,
        async (page) => {
          expect(await page.locator('main .tag-list').textContent()).toContain(
            'Opens at 17:00 (New York time)',
          );
          expect(await page.locator('main').textContent()).toContain(
            'New York time (America/New_York)',
          );
          await expectClean(page, 'open-near-service-page', viewport);
        },
        { viewport },
      );
    },
  );

  it('filters to services open now without JavaScript (a GET form)', async () => {
    await withPage(
      '/services',
      async (page) => {
        await page.locator('summary.filters__summary').click();
        await page.check('input[name="open"][value="now"]');
        await Promise.all([page.waitForURL(/open=now/), page.click('text=Apply filters')]);
        const names = (await cards(page)).map((card) => card.name).sort();
        expect(names).toEqual([
          'Havant crisis café',
          'Solent 24/7 crisis line',
          'Winchester wellbeing centre',
        ]);
        expect((await page.textContent('.filters__summary'))?.replace(/\s+/g, ' ').trim()).toBe(
          '1 filter · Change',
        );
      },
      { viewport: 'desktop', js: false },
    );
  });
});

describe('"Use my location"', () => {
  it.each(['phone', 'desktop'] as const)(
    'sorts nearest first, shows how far, and sends only a position rounded to 2 decimals (%s)',
    async (viewport) => {
      await withPage(
        '/services',
        async (page, requests) => {
          // The button exists once the page's script runs (which also folds the filters on a
          // phone); then open the filters if they are folded.
          const button = page.locator('button:has-text("Use my location")');
          await button.waitFor({ state: 'attached' });
          if ((await page.locator('details.filters').getAttribute('open')) === null) {
            await page.locator('summary.filters__summary').click();
          }
          await Promise.all([page.waitForURL(/near=/), button.click()]);
          await page.locator('.near-state').waitFor();
          const url = new URL(page.url());
          expect(url.searchParams.get('near')).toBe('50.85,-0.98');
          // No request the page made carries the position to more than two decimals.
          const sent = requests.filter((request) => request.includes('near='));
          expect(sent.length).toBeGreaterThan(0);
          for (const request of sent) {
            expect(new URL(request).searchParams.get('near')).toBe('50.85,-0.98');
            expect(request).not.toMatch(/50\.851|0\.981/);
          }
          const listed = await cards(page);
          // Help now: open lines first (the café here, then the line with no place), then the
          // evening lines nearest first; then the other services.
          expect(listed.map((card) => card.name)).toEqual([
            'Havant crisis café',
            'Solent 24/7 crisis line',
            'Southsea safe haven',
            'New Haven evening warm line',
            'Winchester wellbeing centre',
          ]);
          const km = Object.fromEntries(listed.map((card) => [card.name, kmOf(card.distance)]));
          expect(km['Havant crisis café']).toBe(0);
          expect(km['Solent 24/7 crisis line']).toBeNull();
          // Havant to Southsea is about 11 km; to Winchester about 30 km; New Haven about 5,500.
          expect(km['Southsea safe haven']).toBeGreaterThanOrEqual(10);
          expect(km['Southsea safe haven']).toBeLessThanOrEqual(13);
          expect(km['Winchester wellbeing centre']).toBeGreaterThanOrEqual(28);
          expect(km['Winchester wellbeing centre']).toBeLessThanOrEqual(33);
          expect(km['New Haven evening warm line']).toBeGreaterThan(5_000);
          await expectClean(page, 'open-near-located', viewport);
        },
        { viewport, located: true },
      );
    },
  );

  it('is absent without JavaScript: the area filter is the way to choose a place', async () => {
    await withPage(
      '/services',
      async (page) => {
        expect(await page.locator('button:has-text("Use my location")').count()).toBe(0);
      },
      { js: false },
    );
  });
});

describe('areas grouped country → region → district', () => {
  it('are nested fieldsets chosen without JavaScript', async () => {
    await withPage(
      '/services',
      async (page) => {
        // Without JavaScript the panel starts open until a filter is applied.
        expect(await page.locator('details.filters').getAttribute('open')).not.toBeNull();
        const groups = await page.locator('fieldset.area-filter').evaluate((area) =>
          [...area.querySelectorAll(':scope > fieldset')].map((country) => ({
            country: country.querySelector('legend')?.textContent?.trim(),
            regions: [...country.querySelectorAll(':scope > fieldset')].map((region) => ({
              region: region.querySelector('legend')?.textContent?.trim(),
              areas: [...region.querySelectorAll('input')].map((input) => input.value),
            })),
          })),
        );
        expect(groups).toEqual([
          {
            country: 'United Kingdom',
            regions: [{ region: 'Hampshire', areas: ['Havant', 'Portsmouth', 'Winchester'] }],
          },
          {
            country: 'United States',
            regions: [{ region: 'Connecticut', areas: ['New Haven County'] }],
          },
        ]);
        await page.check('input[name="area"][value="Winchester"]');
        await Promise.all([page.waitForURL(/area=Winchester/), page.click('text=Apply filters')]);
        const names = (await cards(page)).map((card) => card.name).sort();
        expect(names).toEqual(['Solent 24/7 crisis line', 'Winchester wellbeing centre']);
        await page.locator('summary.filters__summary').click();
        expect(await page.isChecked('input[name="area"][value="Winchester"]')).toBe(true);
        await screenshot(page, 'open-near-areas-nojs', 'phone');
      },
      { js: false },
    );
  });
});
