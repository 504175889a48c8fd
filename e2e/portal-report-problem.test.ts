import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from './admin-fixture.js';
import {
  fixturePartners,
  type PartnerFixture,
  type PortalFederation,
  startPortalFederation,
} from './portal-fixture.js';
import { auditPage, launchBrowser, newContext, openPage, VIEWPORTS } from './support/browser.js';
import { eventually } from './support/federation.js';

// The report path end to end: the portal's form (no script needed) → the hub (rate-limited per
// client, signed delivery) → the owning node's workspace inbox → resolved, reply address erased.
const PARTNER = 'northshire';
const HOSTILE =
  '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned=2"> call 01632 960999';
const REPLY = 'reader-9b2e@example.org';

// A structured case study (schema 1.1) on the same partner, for the piece page's sections.
const CASE_STUDY: PartnerFixture['innovations'][number] = {
  key: 'caseStudy',
  input: {
    title: 'Peer workers on the evening crisis line',
    summary: 'Peer workers answer the crisis line in the evenings, with a nurse on call.',
    body: 'We tried something new on the evening crisis line.',
    kind: 'innovation',
    themes: ['crisis_care'],
    setting: 'Crisis line',
    evidenceLevel: 'pilot',
    contact: { role: 'Crisis line lead', email: 'crisis-line@example.org' },
    caseStudy: {
      problem: 'Callers waited **too long** in the evening peak.',
      whatWeDid: '- trained six peer workers\n- added a nurse on call',
      whatChanged: 'Waits fell from 20 to 6 minutes. <script>window.__pwned = 3</script>',
      howToAdopt: 'Start with two peer workers and a clear escalation route.',
      resources: [
        { title: 'Training outline', url: 'https://example.org/training' },
        { title: 'Evaluation', url: 'https://example.org/evaluation' },
      ],
    },
  },
};

let federation: PortalFederation;
let browser: Browser;
let reportUrl: string;
let editorToken: string;

beforeAll(async () => {
  [federation, browser] = await Promise.all([
    startPortalFederation(fixturePartners([CASE_STUDY]).slice(0, 1), {
      // The portal is not a trusted proxy here: every reader shares its one budget of 4.
      hub: { limits: { problemReportsPerClient: [{ limit: 4, windowSeconds: 600 }] } },
      nodesKnowHub: true,
    }),
    launchBrowser(),
  ]);
  reportUrl = `${federation.portalUrl}/services/${PARTNER}/${federation.ids.crisisLine}/report`;
  editorToken = await node().createToken('Sam Editor', 'editor');
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await federation?.close();
});

const node = () => federation.nodes[PARTNER] as NonNullable<PortalFederation['nodes'][string]>;

async function inbox(status = 'open') {
  const response = await fetch(`${node().url}/api/problem-reports?status=${status}`, {
    headers: { authorization: `Bearer ${editorToken}` },
  });
  return (await response.json()) as {
    items: Array<{ id: string; details: string; replyTo: string | null; kind: string }>;
  };
}

/** Fills the form and sends it; answers the POST's status and headers. */
async function sendReport(
  page: Page,
  fields: { kind?: string; details?: string; replyTo?: string },
) {
  if (fields.kind) await page.check(`input[name="kind"][value="${fields.kind}"]`);
  if (fields.details !== undefined) await page.fill('#report-details', fields.details);
  if (fields.replyTo !== undefined) await page.fill('#report-reply-to', fields.replyTo);
  const [response] = await Promise.all([
    page.waitForResponse((answer) => answer.request().method() === 'POST'),
    page.click('main button[type="submit"]'),
  ]);
  await page.waitForLoadState('load');
  return response;
}

async function withPage<T>(
  options: { viewport?: 'desktop' | 'phone'; javaScriptEnabled?: boolean },
  work: (page: Page, context: BrowserContext) => Promise<T>,
): Promise<T> {
  const context = await newContext(browser, options.viewport ?? 'desktop', {
    javaScriptEnabled: options.javaScriptEnabled ?? true,
  });
  try {
    return await work(await context.newPage(), context);
  } finally {
    await context.close();
  }
}

describe('a piece with case-study sections', () => {
  it('shows each section under its heading, and the links, at both widths with axe clean', async () => {
    for (const viewport of ['phone', 'desktop'] as const) {
      const context = await newContext(browser, viewport);
      try {
        const { page, consoleErrors } = await openPage(
          context,
          `${federation.portalUrl}/innovations/${PARTNER}/${federation.ids.caseStudy}`,
        );
        const headings = await page.locator('article h2').allTextContents();
        expect(headings.slice(0, 5)).toEqual([
          'The problem',
          'What we did',
          'What changed',
          'How to adopt it',
          'Resources',
        ]);
        expect(await page.locator('#section-whatWeDid + .prose li').count()).toBe(2);
        expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
        expect(
          await page
            .locator('.resource-list a')
            .evaluateAll((links) => links.map((link) => link.getAttribute('href'))),
        ).toEqual(['https://example.org/training', 'https://example.org/evaluation']);
        const audit = await auditPage(page, 'piece-case-study', viewport);
        expect(audit).toEqual({ violations: [], overflow: 0 });
        expect(consoleErrors).toEqual([]);
      } finally {
        await context.close();
      }
    }
  });
});

describe('reporting a problem with a listing', () => {
  it('links from the service page to a form that passes axe at both widths', async () => {
    for (const viewport of ['phone', 'desktop'] as const) {
      const context = await newContext(browser, viewport);
      try {
        const { page, consoleErrors } = await openPage(
          context,
          `${federation.portalUrl}/services/${PARTNER}/${federation.ids.crisisLine}`,
        );
        await page.click('text=Report a problem with this listing');
        await page.waitForURL(reportUrl);
        await page.locator('h1', { hasText: 'Report a problem with this listing' }).waitFor();
        const audit = await auditPage(page, 'report-problem-form', viewport);
        expect(audit).toEqual({ violations: [], overflow: 0 });
        expect(consoleErrors).toEqual([]);
      } finally {
        await context.close();
      }
    }
    expect(VIEWPORTS.phone.width).toBe(375);
  });

  it('without script: sends the report, which reaches the owning node and leaves the hub', async () => {
    await withPage({ javaScriptEnabled: false }, async (page) => {
      // Once the network is idle the page is hydrated: what is typed is not reset by hydration.
      await page.goto(reportUrl, { waitUntil: 'networkidle' });
      const response = await sendReport(page, {
        kind: 'wrong_phone',
        details: HOSTILE,
        replyTo: REPLY,
      });
      expect(response.status()).toBe(200);
      expect(await page.locator('main h1').textContent()).toBe('Thank you for telling us');
    });
    const delivered = await eventually(async () => {
      const found = (await inbox()).items.find((item) => item.details === HOSTILE);
      if (!found) throw new Error('not in the inbox yet');
      return found;
    });
    expect(delivered).toMatchObject({ kind: 'wrong_phone', replyTo: REPLY });
    await eventually(async () => expect(await federation.hub.context.reports.waiting()).toBe(0));
    // Never published: not in the node's feed, nor anywhere the hub serves the listing.
    const feed = await (await fetch(`${node().url}/feed?after=0&limit=1000`)).text();
    expect(feed).not.toContain('01632 960999');
    const record = await federation.hubClient.getRecord({
      partnerId: PARTNER,
      type: 'service',
      id: federation.ids.crisisLine as string,
    });
    expect(JSON.stringify(record)).not.toContain('01632 960999');
  });

  it('keeps what the reader typed and says what to fix: no choice, bad email, over 1000 characters', async () => {
    // The form is a plain POST with or without script; script is on here for axe.
    await withPage({ viewport: 'phone' }, async (page) => {
      // Once the network is idle the page is hydrated: what is typed is not reset by hydration.
      await page.goto(reportUrl, { waitUntil: 'networkidle' });
      let response = await sendReport(page, { details: 'No choice made', replyTo: 'not-an-email' });
      expect(response.status()).toBe(400);
      const summary = (await page.locator('.error-summary').textContent()) ?? '';
      expect(summary).toContain('Choose what is wrong');
      expect(summary).toContain('Enter an email address like name@example.org');
      expect(await page.inputValue('#report-details')).toBe('No choice made');
      const audit = await auditPage(page, 'report-problem-errors', 'phone');
      expect(audit.violations).toEqual([]);
      // maxlength stops typing, not a crafted request: the portal checks again.
      await page.check('input[name="kind"][value="other"]');
      await page.fill('#report-reply-to', '');
      await page.evaluate(() => {
        const area = document.querySelector<HTMLTextAreaElement>('#report-details');
        if (area) {
          area.removeAttribute('maxlength');
          area.value = 'x'.repeat(1001);
        }
      });
      response = await sendReport(page, {});
      expect(response.status()).toBe(400);
      expect(await page.locator('.error-summary').textContent()).toContain(
        '1000 characters or fewer',
      );
    });
    expect((await inbox()).items.some((item) => item.details.startsWith('xxx'))).toBe(false);
  });

  it('the hub refuses bad input sent past the portal', async () => {
    const send = (input: Record<string, unknown>) =>
      federation.hubClient
        .reportProblem({
          partnerId: PARTNER,
          serviceId: federation.ids.crisisLine as string,
          kind: 'other',
          details: 'x',
          ...input,
        } as Parameters<PortalFederation['hubClient']['reportProblem']>[0])
        .then(
          () => 'OK',
          (error: { code: string }) => error.code,
        );
    expect(await send({ details: 'x'.repeat(1001) })).toBe('BAD_REQUEST');
    expect(await send({ replyTo: 'nobody' })).toBe('BAD_REQUEST');
    expect(await send({ kind: 'fire' })).toBe('BAD_REQUEST');
    expect(await send({ serviceId: 'no-such-listing' })).toBe('NOT_FOUND');
  });

  it('staff see the report as text in the workspace inbox and resolve it; the reply address is erased', async () => {
    for (const viewport of ['phone', 'desktop'] as const) {
      await withPage({ viewport }, async (page) => {
        const dialogs: string[] = [];
        page.on('dialog', (dialog) => {
          dialogs.push(dialog.message());
          void dialog.dismiss();
        });
        await signIn(page, node().url, editorToken);
        await page.goto(`${node().url}/admin/reports`);
        await page.locator('.report-details').first().waitFor();
        expect(await page.locator('.report-details').first().textContent()).toBe(HOSTILE);
        expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
        expect(dialogs).toEqual([]);
        const audit = await auditPage(page, 'workspace-reports-inbox', viewport);
        expect(audit).toEqual({ violations: [], overflow: 0 });
      });
    }
    await withPage({}, async (page) => {
      await signIn(page, node().url, editorToken);
      await page.goto(`${node().url}/admin/reports`);
      await page.click('button:has-text("Mark as resolved")');
      await page.locator('text=the reader’s email address is deleted').waitFor();
    });
    const rows = await node().context.database.client.execute(
      'SELECT reply_to, resolved_by FROM problem_reports',
    );
    expect(rows.rows.map((row) => [row.reply_to, row.resolved_by])).toEqual([[null, 'Sam Editor']]);
    expect((await inbox('resolved')).items).toHaveLength(1);
  });

  it('over the per-client limit the reader gets a kind 429 with Retry-After, and what they typed back', async () => {
    await withPage({ viewport: 'phone' }, async (page) => {
      let response: Awaited<ReturnType<typeof sendReport>> | undefined;
      for (let attempt = 0; attempt < 6; attempt++) {
        // Once the network is idle the page is hydrated: what is typed is not reset by hydration.
        await page.goto(reportUrl, { waitUntil: 'networkidle' });
        response = await sendReport(page, { kind: 'wrong_hours', details: `Attempt ${attempt}` });
        if (response.status() !== 200) break;
        if (attempt === 0) {
          expect(await page.locator('main h1').textContent()).toBe('Thank you for telling us');
          expect((await auditPage(page, 'report-problem-sent', 'phone')).violations).toEqual([]);
        }
      }
      expect(response?.status()).toBe(429);
      const retryAfter = Number(response?.headers()['retry-after']);
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(600);
      expect(await page.locator('main').textContent()).toContain('Please wait a few minutes');
      expect(await page.inputValue('#report-details')).toMatch(/^Attempt \d$/);
      const audit = await auditPage(page, 'report-problem-limited', 'phone');
      expect(audit.violations).toEqual([]);
    });
  });
});
