import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// Tokens made by the hub's own code, for links that have expired by now.
import { confirmationToken, unsubscribeToken } from '../apps/hub/src/project52/mailing/tokens.js';
// The hub's own SMTP sink (a real `smtp-server` on loopback), reused rather than copied.
import { startSmtpSink } from '../apps/hub/src/project52/test-support/smtp-sink.js';
import { type PortalFederation, startPortalFederation } from './portal-fixture.js';
import {
  auditPage,
  launchBrowser,
  newContext,
  openPage,
  runAxe,
  screenshot,
  VIEWPORTS,
  type ViewportName,
} from './support/browser.js';

const HUB_PUBLIC_URL = 'https://hub.example.org';

/** The ISO 8601 week of a date, e.g. `2026-W47`. */
function isoWeekOf(date: Date): string {
  const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const weekday = day.getUTCDay() || 7;
  day.setUTCDate(day.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((day.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${day.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/**
 * Project 52 starting this week, sent on Sundays at 23:59 UTC, so nothing goes out while the test
 * runs (unless it runs in the last minute of a week) and this week is still open to pieces.
 */
const MAILING_SECRET = 'e2e-mailing-secret-0123456789abcdef';

function project52(smtpPort: number) {
  return {
    programmeStart: isoWeekOf(new Date()),
    portalUrl: 'https://portal.example.org',
    send: { weekday: 7, time: '23:59', timeZone: 'UTC', catchUpHours: 72 },
    mailing: {
      secret: MAILING_SECRET,
      from: '"PROMISE Project 52" <project52@example.org>',
      smtp: { host: '127.0.0.1', port: smtpPort, security: 'none' as const },
    },
  };
}

const CAFE = 'A crisis café that halved evening A&E visits';
const RESTRAINT = 'Reducing restraint on acute wards';
const PEER = 'Peer specialists in recovery planning';

let federation: PortalFederation;
let browser: Browser;
let editorToken: string;
let thisWeek: string;
let nextWeek: string;
/** 14 weeks ahead: past the 12 weeks the schedule once cut "coming up" to. */
let farWeek: string;
let sink: Awaited<ReturnType<typeof startSmtpSink>>;

beforeAll(async () => {
  sink = await startSmtpSink();
  [federation, browser] = await Promise.all([
    startPortalFederation(undefined, {
      hub: { project52: project52(sink.port) },
      portalEnv: { PROMISE_HUB_PUBLIC_URL: HUB_PUBLIC_URL },
    }),
    launchBrowser(),
  ]);
  editorToken = (await federation.hubClient.createToken({ name: 'Eda', role: 'editor' })).token;
  thisWeek = isoWeekOf(new Date());
  nextWeek = isoWeekOf(new Date(Date.now() + 7 * 86_400_000));
  farWeek = isoWeekOf(new Date(Date.now() + 14 * 7 * 86_400_000));
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await federation?.close();
  await sink?.close();
});

async function signIn(context: BrowserContext): Promise<Page> {
  const { page } = await openPage(context, `${federation.portalUrl}/editors/project52`);
  await page.fill('#token', editorToken);
  await Promise.all([
    page.waitForURL((url) => url.pathname === '/editors/project52'),
    page.click('main button[type="submit"]'),
  ]);
  return page;
}

/** `2026-W07` as the pages say it: "week 7, 2026". */
const inWords = (week: string) => `week ${Number(week.slice(6))}, ${week.slice(0, 4)}`;

const piece = (page: Page, title: string) =>
  page.locator('.queue-item', { has: page.locator('h3', { hasText: title }) });

async function submitAndWait(page: Page, click: () => Promise<void>, outcome: string) {
  await click();
  await page.locator(outcome).first().waitFor();
}

describe('the Project 52 queue, run from the portal', () => {
  it('approves, asks for changes, swaps weeks and shows refusals beside the control; the home page and bulletins follow', async () => {
    // The queue with pieces waiting (decision forms open) passes axe at both widths.
    for (const viewport of Object.keys(VIEWPORTS) as ViewportName[]) {
      const waiting = await newContext(browser, viewport);
      try {
        const page = await signIn(waiting);
        for (const summary of await page.locator('details.decision summary').all())
          await summary.click();
        await screenshot(page, 'editors-project52-waiting', viewport);
        expect({ viewport, violations: await runAxe(page) }).toEqual({ viewport, violations: [] });
      } finally {
        await waiting.close();
      }
    }
    const context = await newContext(browser, 'desktop');
    try {
      const page = await signIn(context);
      expect(await page.locator('.queue-item h3').allTextContents()).toEqual([
        CAFE,
        RESTRAINT,
        PEER,
      ]);

      // Places are counted among the pieces waiting.
      expect(await piece(page, CAFE).locator('p.muted').textContent()).toContain(
        'first in the queue',
      );
      expect(await piece(page, PEER).locator('p.muted').textContent()).toContain(
        'number 3 in the queue',
      );
      await submitAndWait(
        page,
        () => piece(page, CAFE).locator('button', { hasText: 'Approve' }).click(),
        `.action-done:has-text("Approved “${CAFE}” for ${inWords(thisWeek)}.")`,
      );
      await submitAndWait(
        page,
        () => piece(page, PEER).locator('button', { hasText: 'Approve' }).click(),
        `.action-done:has-text("Approved “${PEER}” for ${inWords(nextWeek)}.")`,
      );
      // The confirmation is where the reader is taken: the top of the page, focused.
      expect(await page.evaluate(() => document.activeElement?.className)).toContain('action-done');
      // A lone waiting piece is first in the queue, whatever its place among all pieces.
      expect(await piece(page, RESTRAINT).locator('p.muted').textContent()).toContain(
        'first in the queue',
      );
      // A second editor's page, opened before the note below: its view goes stale.
      const secondEditor = await newContext(browser, 'desktop');
      const stalePage = await signIn(secondEditor);
      const restraint = piece(page, RESTRAINT);
      await restraint.locator('summary', { hasText: 'Ask for changes' }).click();
      await restraint.locator('textarea[name="note"]').fill('Please add the number of wards.');
      await submitAndWait(
        page,
        () => restraint.locator('button', { hasText: 'Send the note' }).click(),
        `.action-done:has-text("Asked for changes to “${RESTRAINT}”.")`,
      );
      expect(await page.locator('main').textContent()).toContain('Please add the number of wards.');

      // Deciding on the stale view is refused (409) in words, beside the control; nothing logged.
      try {
        const staleRestraint = piece(stalePage, RESTRAINT);
        await staleRestraint.locator('summary', { hasText: 'Decline' }).click();
        await staleRestraint.locator('textarea[name="reason"]').fill('Out of scope.');
        await staleRestraint.locator('button', { hasText: 'Decline the piece' }).click();
        await staleRestraint.locator('.action-error').waitFor();
        expect(await staleRestraint.locator('.action-error').textContent()).toContain(
          'Not done: Eda decided first, and this piece is now sent back for changes.',
        );
        const log = (await federation.hubClient.project52Queue()).decisions;
        expect(log.map((decision) => decision.type)).toEqual([
          'approve',
          'approve',
          'request_changes',
        ]);
      } finally {
        await secondEditor.close();
      }

      const schedule = await federation.hubClient.project52Schedule();
      expect(schedule.weeks.map((week) => [week.week, week.title])).toEqual([
        [thisWeek, CAFE],
        [nextWeek, PEER],
      ]);

      // The pin's example is a week ahead, never a past one.
      const cafeWeek = page.locator(`[data-week="${thisWeek}"]`);
      const example =
        (await cafeWeek.locator('input[name="week"]').getAttribute('placeholder')) ?? '';
      expect(example > nextWeek).toBe(true);
      // A refused pin says why, beside the pin control.
      await cafeWeek.locator('input[name="week"]').fill('2020-W01');
      await cafeWeek.locator('button', { hasText: 'Pin' }).click();
      await cafeWeek.locator('.action-error').waitFor();
      expect(await cafeWeek.locator('.action-error').textContent()).toContain(
        'That week is before the schedule starts.',
      );

      await page.selectOption('#week-a', thisWeek);
      await page.selectOption('#week-b', nextWeek);
      await submitAndWait(
        page,
        () => page.click('text=Swap >> nth=-1'),
        `.action-done:has-text("Swapped: “${PEER}” now runs in ${inWords(thisWeek)} and “${CAFE}” now runs in ${inWords(nextWeek)}.")`,
      );
      // Recent decisions name the pieces.
      const log = await page.locator('.decision-log li').allTextContents();
      expect(log[0]).toContain(`Swapped weeks “${CAFE}” and “${PEER}”`);
      expect(log.find((line) => line.includes('Asked for changes'))).toContain(`“${RESTRAINT}”`);
      const swapped = await federation.hubClient.project52Schedule();
      expect(swapped.thisWeek?.title).toBe(PEER);
      expect(swapped.comingUp.map((week) => week.title)).toEqual([CAFE]);
      await screenshot(page, 'editors-project52-after', 'desktop');

      await page.goto(`${federation.portalUrl}/`);
      expect(await page.locator('main').textContent()).toContain('This week’s piece');
      expect(await page.locator('.latest h3').first().textContent()).toContain(PEER);
      expect(await page.locator('.coming-up li').allTextContents()).toEqual([
        expect.stringContaining(CAFE),
      ]);

      await page.goto(`${federation.portalUrl}/bulletins/${thisWeek}`);
      expect(await page.locator('h1').textContent()).toBe(PEER);
      expect(await page.locator('a', { hasText: 'Print view' }).getAttribute('href')).toBe(
        `${HUB_PUBLIC_URL}/bulletins/${thisWeek}/print`,
      );
      await page.click('text=Read the piece');
      await page.waitForURL(/\/innovations\/riverside\//);

      // A piece pinned 14 weeks out is still "coming up"; this week's bulletin comes first.
      await page.goto(`${federation.portalUrl}/editors/project52`);
      const cafeNext = page.locator(`[data-week="${nextWeek}"]`);
      await cafeNext.locator('input[name="week"]').fill(farWeek);
      await submitAndWait(
        page,
        () => cafeNext.locator('button', { hasText: /^Pin$/ }).click(),
        `.action-done:has-text("Pinned “${CAFE}” to ${inWords(farWeek)}.")`,
      );
      await page.goto(`${federation.portalUrl}/bulletins`);
      expect(await page.locator('main h2').allTextContents()).toEqual([
        'This week',
        'Coming up',
        expect.stringContaining('bulletin'),
        'Archive',
      ]);
      expect(await page.locator('.bulletin-list--this-week').textContent()).toContain(PEER);
      const comingUp = page.locator('h2:has-text("Coming up") + ul li');
      expect(await comingUp.allTextContents()).toEqual([expect.stringContaining(CAFE)]);
      expect(await comingUp.locator('a').first().getAttribute('href')).toBe(
        `/bulletins/${farWeek}`,
      );
    } finally {
      await context.close();
    }
  });
});

describe('feeds and the mailing list', () => {
  it('links the hub’s feeds and the bulletin feeds in every page’s head, at the hub’s public URL', async () => {
    const html = await (await fetch(`${federation.portalUrl}/partners`)).text();
    const links = [
      ...html.matchAll(/<link rel="alternate" type="([^"]+)" title="[^"]+" href="([^"]+)"/g),
    ].map(([, type, href]) => `${type} ${href}`);
    expect(links).toEqual([
      `application/rss+xml ${HUB_PUBLIC_URL}/rss.xml`,
      `application/atom+xml ${HUB_PUBLIC_URL}/atom.xml`,
      `application/feed+json ${HUB_PUBLIC_URL}/feed.json`,
      `application/rss+xml ${HUB_PUBLIC_URL}/bulletins/rss.xml`,
      `application/atom+xml ${HUB_PUBLIC_URL}/bulletins/atom.xml`,
      `application/feed+json ${HUB_PUBLIC_URL}/bulletins/feed.json`,
    ]);
  });

  it.each([
    ['with JavaScript', true],
    ['without JavaScript', false],
  ])(
    'answers a subscription the same way whether or not the address is already on the list (%s)',
    async (_label, javaScriptEnabled) => {
      const context = await newContext(browser, 'phone', { javaScriptEnabled });
      try {
        const answers: string[] = [];
        for (const email of [
          'reader@example.org',
          'reader@example.org',
          'someone.else@example.org',
        ]) {
          const { page } = await openPage(context, `${federation.portalUrl}/bulletins`);
          // Hydrated once the network is idle, so the form is submitted one way, not two.
          await page.waitForLoadState('networkidle');
          await page.fill('#subscribe-email', email);
          await Promise.all([
            page.waitForURL(/\/subscribe$/),
            page.click('.subscribe__form button'),
          ]);
          answers.push((await page.locator('main').textContent()) ?? '');
        }
        expect(answers[0]).toContain('Check your email');
        expect(new Set(answers).size).toBe(1);
        // The hub did mail the new address a confirmation link (the page never says so), after
        // answering: wait for its outbox.
        await federation.hub.project52?.outbox?.idle();
        const confirmations = sink.accepted.filter((mail) =>
          mail.envelopeTo.includes('someone.else@example.org'),
        );
        expect(confirmations.length).toBeGreaterThan(0);
        const { page } = await openPage(context, `${federation.portalUrl}/subscribe`);
        await page.fill('#subscribe-email', 'not an address');
        await page.evaluate(() =>
          document.querySelector('#subscribe-email')?.setAttribute('type', 'text'),
        );
        await page.click('main button[type="submit"]');
        await page.locator('#subscribe-email-error').waitFor();
        expect(await page.locator('#subscribe-email-error').textContent()).toContain(
          'Enter an email address like name@example.org.',
        );
      } finally {
        await context.close();
      }
    },
  );
});

describe('the links in the emails', () => {
  /** The mailed link, opened on the portal under test (the hub mails the configured portal's address). */
  const onPortal = (link: string) => {
    const url = new URL(link);
    expect(url.origin).toBe('https://portal.example.org');
    return `${federation.portalUrl}${url.pathname}${url.search}`;
  };

  async function subscriberOf(address: string) {
    const subscriber = await federation.hub.project52?.subscribers.findByAddress(address);
    if (!subscriber) throw new Error(`${address} is not on the list`);
    return subscriber;
  }

  // The pages have no script of their own: the run without JavaScript is the same journey (axe
  // needs JavaScript, so it checks the pages in the runs with it).
  it.each([
    ['phone', true],
    ['desktop', true],
    ['phone', false],
  ] as [ViewportName, boolean][])(
    'confirm and unsubscribe on portal pages, only when the reader presses the button (%s, JavaScript %s)',
    async (viewport, javaScriptEnabled) => {
      const address = `links-${viewport}-${javaScriptEnabled}@example.org`;
      const hub = federation.hub.project52;
      if (!hub) throw new Error('Project 52 is off');
      await federation.hubClient.subscribe({ email: address });
      // The link as the hub mails it (the hub's tests read it from the email itself).
      const link = hub
        .links()
        .confirmUrl(
          confirmationToken(
            MAILING_SECRET,
            await subscriberOf(address),
            new Date(Date.now() + 86_400_000),
          ),
        );
      const context = await newContext(browser, viewport, { javaScriptEnabled });
      try {
        const check = async (name: string, page: Page) => {
          if (!javaScriptEnabled) return;
          const { violations, overflow } = await auditPage(page, name, viewport);
          expect({ name, violations, overflow }).toEqual({ name, violations: [], overflow: 0 });
        };
        // Opening the link (as a mail scanner does) changes nothing.
        const { page } = await openPage(context, onPortal(link));
        expect(await page.locator('h1').textContent()).toBe('Confirm your subscription');
        expect(await page.locator('.site-header, header').count()).toBeGreaterThan(0);
        expect((await subscriberOf(address)).state).toBe('pending');
        await check('subscribe-confirm', page);
        await Promise.all([page.waitForLoadState(), page.click('main button[type="submit"]')]);
        await page.locator('h1', { hasText: 'You are subscribed' }).waitFor();
        expect((await subscriberOf(address)).state).toBe('confirmed');
        await check('subscribe-confirmed', page);
        // The same link again says so, and changes nothing.
        await page.goto(onPortal(link));
        await page.click('main button[type="submit"]');
        await page.locator('h1', { hasText: 'You are already subscribed' }).waitFor();

        // An expired confirmation link offers the form again.
        const subscriber = await subscriberOf(address);
        const expired = confirmationToken(
          MAILING_SECRET,
          subscriber,
          new Date(Date.now() - 60_000),
        );
        await page.goto(
          `${federation.portalUrl}/subscribe/confirm?token=${encodeURIComponent(expired)}`,
        );
        await page.click('main button[type="submit"]');
        await page.locator('h1', { hasText: 'This link has expired' }).waitFor();
        expect(await page.locator('#subscribe-email').count()).toBe(1);
        await check('subscribe-confirm-expired', page);

        // A bulletin's unsubscribe link: a page with a button, which unsubscribes.
        const unsubscribeLink = hub
          .links()
          .unsubscribePageUrl?.(unsubscribeToken(MAILING_SECRET, subscriber, new Date()));
        await page.goto(onPortal(unsubscribeLink ?? ''));
        expect(await page.locator('h1').textContent()).toBe('Unsubscribe from Project 52');
        expect((await subscriberOf(address)).state).toBe('confirmed');
        await check('subscribe-unsubscribe', page);
        await page.click('main button[type="submit"]');
        await page.locator('h1', { hasText: 'You are unsubscribed' }).waitFor();
        expect((await subscriberOf(address)).state).toBe('unsubscribed');
        await check('subscribe-unsubscribed', page);

        // Expired, tampered and missing tokens are told apart.
        const old = unsubscribeToken(
          MAILING_SECRET,
          subscriber,
          new Date(Date.now() - 61 * 86_400_000),
        );
        await page.goto(
          `${federation.portalUrl}/subscribe/unsubscribe?token=${encodeURIComponent(old)}`,
        );
        await page.click('main button[type="submit"]');
        await page.locator('h1', { hasText: 'This unsubscribe link has expired' }).waitFor();
        await page.goto(
          `${federation.portalUrl}/subscribe/unsubscribe?token=${encodeURIComponent(`${old}x`)}`,
        );
        await page.click('main button[type="submit"]');
        await page.locator('h1', { hasText: 'This link does not work' }).waitFor();
        await page.goto(`${federation.portalUrl}/subscribe/unsubscribe`);
        expect(await page.locator('h1').textContent()).toBe('This link does not work');
        await check('subscribe-unsubscribe-broken', page);
      } finally {
        await context.close();
      }
    },
  );
});

describe('Project 52 pages', () => {
  it.concurrent.each(Object.keys(VIEWPORTS) as ViewportName[])(
    'have no axe violations and no sideways scrolling at the %s width',
    async (viewport) => {
      const context = await newContext(browser, viewport);
      try {
        const check = async (name: string, page: Page) => {
          const { violations, overflow } = await auditPage(page, name, viewport);
          expect({ name, violations, overflow }).toEqual({ name, violations: [], overflow: 0 });
        };
        const page = await signIn(context);
        await check('editors-project52', page);
        const scheduled = (await federation.hubClient.project52Schedule()).weeks[0];
        if (!scheduled) throw new Error('nothing scheduled');
        const piecePath = `/innovations/${scheduled.partnerId}/${scheduled.recordId}`;
        for (const [name, path] of [
          ['piece-project52', piecePath],
          ['innovations-empty', '/innovations?q=peer+zzyzx&theme=digital'],
          ['home-project52', '/'],
          ['bulletins', '/bulletins'],
          ['bulletin', `/bulletins/${thisWeek}`],
          ['subscribe', '/subscribe'],
        ] as const) {
          await page.goto(`${federation.portalUrl}${path}`);
          await check(name, page);
          if (name === 'piece-project52') {
            // The piece names its week, shows one date, and says what "verified" means.
            const main = ((await page.locator('main').textContent()) ?? '').replace(/\s+/g, ' ');
            expect(await page.locator('.project52-week a').getAttribute('href')).toBe(
              `/bulletins/${scheduled.week}`,
            );
            expect(await page.locator('.project52-week').textContent()).toContain(
              `Project 52 · ${inWords(scheduled.week)} (this week)`,
            );
            expect(main).not.toContain('Shared');
            expect(main).not.toContain('Signed at');
            expect(main).toContain('does not mean the PROMISE Network has reviewed or endorses');
            const keys = page.locator('.provenance__keys a');
            expect(await keys.getAttribute('href')).toMatch(/\/\.well-known\/jwks\.json$/);
            const jwks = await fetch((await keys.getAttribute('href')) ?? '');
            expect(((await jwks.json()) as { keys: unknown[] }).keys.length).toBeGreaterThan(0);
          }
          if (name === 'innovations-empty') {
            // An empty result offers ways on: a word left out, the filter removed, themes.
            const nearest = page.locator('.no-results a', { hasText: 'Search for “peer”' });
            expect(await nearest.count()).toBe(0); // "peer" alone still has the filter: no digital piece
            const remove = page.locator('.no-results a', { hasText: 'Remove the filter' });
            expect(await remove.getAttribute('href')).toBe('/innovations?q=peer+zzyzx');
            const all = page.locator('.no-results a', { hasText: 'Search all pieces for' });
            expect(await all.count()).toBe(0);
            expect(await page.locator('.no-results__themes a').count()).toBeGreaterThan(0);
            await page.goto(`${federation.portalUrl}/innovations?q=peer+zzyzx`);
            await page.locator('.no-results a', { hasText: 'Search for “peer”' }).click();
            await page.waitForURL(/q=peer$/);
            expect(await page.locator('.result-list li').count()).toBeGreaterThan(0);
          }
        }
        await page.fill('#subscribe-email', `axe-${viewport}@example.org`);
        await Promise.all([page.waitForURL(/\/subscribe$/), page.click('.subscribe__form button')]);
        await page.locator('text=Check your email').first().waitFor();
        await check('subscribe-done', page);
      } finally {
        await context.close();
      }
    },
  );
});
