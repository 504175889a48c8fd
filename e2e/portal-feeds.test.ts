/// <reference lib="dom" />
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeedFormat } from '../apps/hub/src/syndication/feed-document.js';
import { type ReadFeed, readFeed } from '../apps/hub/src/syndication/test-support/read-feed.js';
import { type PortalFederation, startPortalFederation } from './portal-fixture.js';
import {
  auditPages,
  cleanAudit,
  launchBrowser,
  newContext,
  openPage,
  VIEWPORTS,
  type ViewportName,
} from './support/browser.js';
import { freePort } from './support/free-port.js';

let federation: PortalFederation;
let browser: Browser;

beforeAll(async () => {
  const port = await freePort();
  [federation, browser] = await Promise.all([
    startPortalFederation(undefined, {
      hub: { portalUrl: `http://127.0.0.1:${port}` },
      portalEnv: { PORT: String(port) },
    }),
    launchBrowser(),
  ]);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await federation?.close();
});

interface PageFeeds {
  alternates: { type: string; href: string; title: string }[];
  follow: { rss: string | null; atom: string | null; json: string | null; text: string } | null;
  cards: { href: string; title: string; themes: string[] }[];
}

/** What the portal page offers and lists, read from its DOM. */
function readPage(page: Page): Promise<PageFeeds> {
  return page.evaluate(() => {
    const follow = document.querySelector('.follow-feed');
    const href = (selector: string) =>
      follow?.querySelector<HTMLAnchorElement>(selector)?.href ?? null;
    return {
      alternates: [...document.querySelectorAll<HTMLLinkElement>('link[rel="alternate"]')].map(
        (link) => ({ type: link.type, href: link.href, title: link.title }),
      ),
      follow: follow
        ? {
            rss: href('a[type="application/rss+xml"]'),
            atom: href('a[type="application/atom+xml"]'),
            json: href('a[type="application/feed+json"]'),
            text: follow.textContent?.replace(/\s+/g, ' ').trim() ?? '',
          }
        : null,
      cards: [...document.querySelectorAll('.result-list .innovation-card')].map((card) => ({
        href: card.querySelector<HTMLAnchorElement>('.innovation-card__title a')?.href ?? '',
        title: card.querySelector('.innovation-card__title')?.textContent?.trim() ?? '',
        themes: [...card.querySelectorAll('.innovation-card__themes li')].map(
          (item) => item.textContent?.trim() ?? '',
        ),
      })),
    };
  });
}

/** Fetches a feed, checks Chromium's XML parser takes it (well-formed), and reads it with feedsmith. */
async function fetchFeed(page: Page, url: string, format: FeedFormat): Promise<ReadFeed> {
  const response = await fetch(url);
  expect(response.status, url).toBe(200);
  const body = await response.text();
  if (format !== 'json') {
    const wellFormed = await page.evaluate(
      (xml) =>
        new DOMParser().parseFromString(xml, 'application/xml').querySelector('parsererror') ===
        null,
      body,
    );
    expect(wellFormed, url).toBe(true);
  }
  return readFeed(body, format);
}

const FOLLOWED: Array<[string, string, string]> = [
  ['the network', '/innovations', 'Follow new pieces'],
  ['one theme', '/innovations?theme=crisis_care', 'Follow Crisis care'],
  ['another theme', '/innovations?theme=peer_support_and_lived_experience', 'Follow Peer support'],
  ['one partner, from the search', '/innovations?partner=riverside', 'Follow Riverside Recovery'],
  ['one partner, from its page', '/partners/northshire', 'Follow Northshire Mental Health'],
];

describe('feeds a reader can follow from the portal', () => {
  it.each(FOLLOWED)(
    '%s: the page’s feeds list what it lists, with its themes, and each item opens its page',
    async (_name, path, followText) => {
      const context = await newContext(browser, 'desktop');
      try {
        const { page } = await openPage(context, `${federation.portalUrl}${path}`);
        const offered = await readPage(page);
        expect(offered.follow?.text).toContain(followText);
        expect(offered.cards.length).toBeGreaterThan(0);
        const { rss, atom, json } = offered.follow ?? {};
        // The page's own feeds come first in its head, so a reader offered the page takes them.
        expect(offered.alternates.slice(0, 3).map((link) => [link.type, link.href])).toEqual([
          ['application/rss+xml', rss],
          ['application/atom+xml', atom],
          ['application/feed+json', json],
        ]);
        for (const [url, format] of [
          [rss, 'rss'],
          [atom, 'atom'],
          [json, 'json'],
        ] as const) {
          const feed = await fetchFeed(page, url ?? '', format);
          expect(
            feed.items.map((item) => ({
              href: item.link,
              title: item.title,
              themes: item.categories,
            })),
            `${path} ${format}`,
          ).toEqual(offered.cards);
          for (const item of feed.items) {
            const record = await fetch(item.json ?? '');
            expect(record.status, item.json).toBe(200);
          }
        }
        for (const card of offered.cards) {
          const opened = await fetch(card.href);
          expect(opened.status, card.href).toBe(200);
          expect(await opened.text()).toContain(card.title.replace(/&/g, '&amp;'));
        }
      } finally {
        await context.close();
      }
    },
  );

  it('offers crisis-service changes on the service finder, each opening the listing', async () => {
    const context = await newContext(browser, 'desktop');
    try {
      const { page } = await openPage(context, `${federation.portalUrl}/services`);
      const offered = await readPage(page);
      expect(offered.follow?.text).toContain('Follow changes to crisis services');
      const feed = await fetchFeed(page, offered.follow?.atom ?? '', 'atom');
      const titles = feed.items.map((item) => item.title);
      expect(titles).toEqual(
        expect.arrayContaining([
          'New: Northshire Crisis Line (Northshire Mental Health Partnership)',
          'New: Harbour Crisis Café (Northshire Mental Health Partnership)',
          'New: Riverside Mobile Crisis Team (Riverside Recovery Programme)',
          // The café's owner has never confirmed the listing.
          'Check overdue: Harbour Crisis Café (Northshire Mental Health Partnership)',
        ]),
      );
      expect(titles.some((title) => title?.includes('Befriending'))).toBe(false);
      for (const item of feed.items) {
        const opened = await fetch(item.link ?? '');
        expect(opened.status, item.link).toBe(200);
      }
      for (const format of ['rss', 'json'] as const) {
        const other = await fetchFeed(
          page,
          (format === 'rss' ? offered.follow?.rss : offered.follow?.json) ?? '',
          format,
        );
        expect(other.items.map((item) => item.title)).toEqual(titles);
      }
    } finally {
      await context.close();
    }
  });

  it('offers no feed for a list no feed follows (a text search, two filters)', async () => {
    const context = await newContext(browser, 'desktop');
    try {
      for (const path of ['/innovations?q=crisis', '/innovations?theme=crisis_care&kind=idea']) {
        const { page } = await openPage(context, `${federation.portalUrl}${path}`);
        expect((await readPage(page)).follow, path).toBeNull();
        await page.close();
      }
    } finally {
      await context.close();
    }
  });

  it.concurrent.each(Object.keys(VIEWPORTS) as ViewportName[])(
    'shows the Follow links accessibly at the %s width',
    async (viewport) => {
      const pages = [
        ['feeds-theme', '/innovations?theme=crisis_care'],
        ['feeds-partner', '/partners/northshire'],
        ['feeds-services', '/services'],
      ] as const;
      const audits = await auditPages(browser, federation.portalUrl, pages, viewport);
      expect(audits).toEqual(pages.map(([, path]) => cleanAudit(path)));
    },
  );
});
