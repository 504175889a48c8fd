import type { Innovation } from '@promise-global/schema';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  fillWriteUp,
  signIn,
  startWorkspaceNode,
  type WorkspaceNode,
  wordsOf,
} from './admin-fixture.js';
import {
  launchBrowser,
  newContext,
  openPage,
  runAxe,
  screenshot,
  type ViewportName,
} from './support/browser.js';

let browser: Browser;
let workspace: WorkspaceNode;
let published: Innovation;

beforeAll(async () => {
  browser = await launchBrowser();
  workspace = await startWorkspaceNode();
  const created = await workspace.api<{ rev: number; data: Innovation }>(
    'POST',
    '/api/innovations',
    {
      title: 'A calm room on the acute ward',
      summary: 'A quiet sensory room cut the use of restraint on our acute ward.',
      body: `## What we did\n\n${wordsOf(180)}\n\n## What changed\n\n- fewer restraints\n- calmer nights\n\nRead [the evaluation](https://example.org/evaluation).`,
      kind: 'initiative',
      themes: ['reducing_restrictive_practice'],
      setting: 'Acute inpatient ward',
      evidenceLevel: 'evaluated',
      contact: { role: 'Ward manager', email: 'ward@fenland.example.org' },
    },
  );
  published = created.body.data;
  await workspace.api('POST', `/api/innovations/${published.id}/submit`, {});
});

afterAll(async () => {
  await browser?.close();
  await workspace?.close();
});

/** Runs axe on the page as it stands and saves a screenshot; returns the violations. */
async function check(page: Page, name: string, viewport: ViewportName) {
  await page.evaluate(() => document.fonts.ready);
  const violations = await runAxe(page);
  await screenshot(page, `admin-${name}`, viewport);
  return violations.map((violation) => `${name}: ${violation.id} ${violation.targets.join(', ')}`);
}

async function visit(page: Page, path: string, heading: string | RegExp) {
  await page.goto(`${workspace.url}${path}`, { waitUntil: 'load' });
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  await page.locator('[role="status"]', { hasText: 'Loading' }).waitFor({ state: 'detached' });
}

describe('staff workspace accessibility (axe-core, WCAG 2.2 AA) and screenshots', () => {
  for (const viewport of ['phone', 'desktop'] as const) {
    it(`has no axe violations on any page at ${viewport} width`, async () => {
      const context = await newContext(browser, viewport);
      const { page, consoleErrors } = await openPage(context, `${workspace.url}/admin/sign-in`);
      await page
        .getByRole('heading', { level: 1, name: 'Sign in to the staff workspace' })
        .waitFor();
      const problems = await check(page, 'sign-in', viewport);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.locator('#f-token-error').waitFor();
      problems.push(...(await check(page, 'sign-in-error', viewport)));

      await signIn(page, workspace.url, workspace.token);
      await page.getByRole('heading', { name: 'Your signed feed' }).waitFor();
      problems.push(...(await check(page, 'dashboard', viewport)));

      await visit(page, '/admin/write-ups', 'Write-ups');
      problems.push(...(await check(page, 'write-ups', viewport)));

      await visit(page, '/admin/write-ups/new', 'Write a Project 52 piece');
      await page.getByRole('button', { name: 'Save draft' }).click();
      await page.locator('.error-summary').waitFor();
      problems.push(...(await check(page, 'write-up-errors', viewport)));
      await fillWriteUp(page, 'Peer workers on the evening crisis line');
      await page
        .getByLabel('Text of the piece')
        .fill(`## Why\n\n${wordsOf(510)}\n\nCall 943 476 5919 back.`);
      await page.locator('.word-count--over-target').waitFor();
      problems.push(...(await check(page, 'write-up-new', viewport)));
      await page.getByRole('button', { name: 'Submit to the network' }).click();
      await page.locator('#personal-data-heading').waitFor();
      problems.push(...(await check(page, 'write-up-personal-data', viewport)));

      await visit(page, `/admin/write-ups/${published.id}`, 'Edit write-up');
      await page.getByRole('heading', { name: 'Revisions' }).waitFor();
      problems.push(...(await check(page, 'write-up-submitted', viewport)));

      await visit(page, '/admin/services', 'Services');
      problems.push(...(await check(page, 'services', viewport)));
      await visit(
        page,
        `/admin/services/${workspace.crisisLine.id}`,
        'Fenland Evening Crisis Line',
      );
      await page.getByRole('button', { name: 'Add a location' }).click();
      await page
        .locator('#f-locations-0-accessibility')
        .fill('Step-free entrance; hearing loop at reception.');
      await page.locator('#f-referralRoutes-0-route').selectOption('named_team');
      await page.getByLabel('How quickly it aims to respond').selectOption('other');
      problems.push(...(await check(page, 'service-edit', viewport)));
      await visit(page, '/admin/services/new', 'Add a service');
      await page.getByRole('button', { name: 'Add service' }).click();
      await page.locator('.error-summary').waitFor();
      problems.push(...(await check(page, 'service-new-errors', viewport)));

      await visit(page, '/admin/organisations', 'Organisations');
      problems.push(...(await check(page, 'organisations', viewport)));
      await visit(
        page,
        `/admin/organisations/${workspace.organisation.id}`,
        'Fenland Crisis Partnership',
      );
      problems.push(...(await check(page, 'organisation-edit', viewport)));
      await visit(page, '/admin/nowhere', 'Page not found');
      problems.push(...(await check(page, 'not-found', viewport)));

      expect(problems).toEqual([]);
      expect(consoleErrors.filter((error) => !/status of 4\d\d/.test(error))).toEqual([]);
      await context.close();
    });
  }

  it('moves through the write-up form with the keyboard alone, focus always visible', async () => {
    const context = await newContext(browser, 'desktop');
    const { page } = await openPage(context, `${workspace.url}/admin/sign-in`);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
      'Skip to main content',
    );
    await signIn(page, workspace.url, workspace.token);
    await visit(page, '/admin/write-ups/new', 'Write a Project 52 piece');
    const seen: string[] = [];
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      const focus = await page.evaluate(() => {
        const element = document.activeElement as HTMLElement | null;
        if (!element || element === document.body) return null;
        const style = getComputedStyle(element);
        const visible = style.outlineStyle !== 'none' || style.boxShadow !== 'none';
        return { id: element.id || element.textContent?.trim() || element.tagName, visible };
      });
      if (focus) {
        seen.push(focus.id);
        expect(focus.visible, `focus on ${focus.id} is visible`).toBe(true);
      }
    }
    expect(seen).toEqual(
      expect.arrayContaining(['f-title', 'f-summary', 'f-setting', 'f-contact-email', 'f-body']),
    );
    await context.close();
  });
});
