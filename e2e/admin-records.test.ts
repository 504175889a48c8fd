import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, startWorkspaceNode, type WorkspaceNode } from './admin-fixture.js';
import { launchBrowser, newContext, openPage, screenshot } from './support/browser.js';

// The organisation and service pages share one record form: saving with the revision read,
// refusals placed where staff look, and deleting with a confirmation.
let browser: Browser;
let workspace: WorkspaceNode;
let page: Page;
let consoleErrors: string[];

beforeAll(async () => {
  [browser, workspace] = await Promise.all([launchBrowser(), startWorkspaceNode()]);
  const context = await newContext(browser, 'desktop');
  ({ page, consoleErrors } = await openPage(context, `${workspace.url}/admin/sign-in`));
  await signIn(page, workspace.url, workspace.token);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await workspace?.close();
});

const focusedId = () => page.evaluate(() => document.activeElement?.id ?? '');

describe('record pages of the staff workspace', () => {
  it('refuses to delete an organisation that still runs services, says why and keeps focus on it', async () => {
    await page.goto(`${workspace.url}/admin/organisations/${workspace.organisation.id}`);
    await page.getByRole('heading', { level: 1, name: workspace.organisation.name }).waitFor();
    await page.getByRole('button', { name: 'Delete organisation…' }).click();
    await screenshot(page, 'workspace-organisation-confirm-delete', 'desktop');
    await page.getByRole('button', { name: 'Yes, delete it' }).click();
    await page
      .getByText('This organisation still runs services. Delete or move them first.')
      .waitFor();
    expect(await focusedId()).toBe('form-message');
    expect(await page.getByRole('button', { name: 'Delete organisation…' }).count()).toBe(1);
    expect(
      (await workspace.api('GET', `/api/organisations/${workspace.organisation.id}`)).status,
    ).toBe(200);
  });

  it('tells staff when someone else changed a service first, and saves once they have the latest', async () => {
    await page.goto(`${workspace.url}/admin/services/${workspace.crisisLine.id}`);
    await page.getByRole('heading', { level: 1, name: workspace.crisisLine.name }).waitFor();
    await workspace.api('POST', `/api/services/${workspace.crisisLine.id}/assure`, {});
    await page.getByRole('button', { name: 'Save and publish' }).click();
    await page
      .getByText('Someone else changed this service while you were editing.', { exact: false })
      .waitFor();
    expect(await focusedId()).toBe('form-message');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: workspace.crisisLine.name }).waitFor();
    await page.getByRole('button', { name: 'Save and publish' }).click();
    await page.getByText('Saved and published.', { exact: false }).waitFor();
  });

  it('deletes a service, and an organisation without services, after confirmation, back to the list', async () => {
    await page.getByRole('button', { name: 'Delete service…' }).click();
    await page.getByRole('button', { name: 'Keep it' }).click();
    expect(await page.getByRole('button', { name: 'Yes, delete it' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Delete service…' }).click();
    await page.getByRole('button', { name: 'Yes, delete it' }).click();
    await page.waitForURL(/\/admin\/services$/);
    expect((await workspace.api('GET', `/api/services/${workspace.crisisLine.id}`)).status).toBe(
      404,
    );

    // An organisation with no services: added here, then deleted.
    await page.goto(`${workspace.url}/admin/organisations/new`);
    await page.getByRole('heading', { level: 1, name: 'Add an organisation' }).waitFor();
    await page.getByLabel('Name').fill('Fenland Pop-up Café');
    await page.getByLabel('Kind of organisation').selectOption('vcfse');
    await page.getByRole('button', { name: 'Add organisation' }).click();
    await page.getByText('Organisation added and published.', { exact: false }).waitFor();
    const added = new URL(page.url()).pathname.split('/').at(-1) ?? '';
    await page.getByRole('button', { name: 'Delete organisation…' }).click();
    await page.getByRole('button', { name: 'Yes, delete it' }).click();
    await page.waitForURL(/\/admin\/organisations$/);
    expect((await workspace.api('GET', `/api/organisations/${added}`)).status).toBe(404);
    // Refusals (401 before sign-in, 409 above) are answers the pages handle, not script errors.
    expect(consoleErrors.filter((error) => !/status of 4\d\d/.test(error))).toEqual([]);
  });
});
