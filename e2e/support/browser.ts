/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// Page callbacks passed to page.evaluate run in the browser: they are typed against the DOM.
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

/** Debian's Chromium (apt); browsers are never downloaded (`playwright install` is not used). */
export const CHROMIUM_PATH = process.env.PROMISE_CHROMIUM ?? '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Phone and desktop widths every page is checked at. */
export const VIEWPORTS = {
  phone: { width: 375, height: 812 },
  desktop: { width: 1280, height: 900 },
} as const;

export type ViewportName = keyof typeof VIEWPORTS;

/** The narrowest width content must reflow to without sideways scrolling (WCAG 1.4.10: 320 CSS px). */
export const REFLOW_VIEWPORT = { width: 320, height: 640 } as const;

/** Screenshots land here (git-ignored) so a person can look at them after a run. */
export const SCREENSHOT_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'screenshots');

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const require = createRequire(import.meta.url);
let axeSource: string | undefined;

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

/** A fresh context (own cookies and cache) at the given width; close it when done. */
export function newContext(
  browser: Browser,
  viewport: ViewportName | 'reflow' = 'desktop',
  options: {
    javaScriptEnabled?: boolean;
    /** A position the page's geolocation reports (grant `geolocation` in `permissions` too). */
    geolocation?: { latitude: number; longitude: number };
    permissions?: string[];
  } = {},
): Promise<BrowserContext> {
  return browser.newContext({
    viewport: viewport === 'reflow' ? REFLOW_VIEWPORT : VIEWPORTS[viewport],
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    reducedMotion: 'reduce',
    ...(options.geolocation ? { geolocation: options.geolocation } : {}),
    ...(options.permissions ? { permissions: options.permissions } : {}),
  });
}

/** A page that records console errors and failed requests, for tests to assert on. */
export interface WatchedPage {
  page: Page;
  consoleErrors: string[];
  requests: string[];
  dialogs: string[];
}

export async function openPage(context: BrowserContext, url: string): Promise<WatchedPage> {
  const page = await context.newPage();
  const watched: WatchedPage = { page, consoleErrors: [], requests: [], dialogs: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') watched.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => watched.consoleErrors.push(error.message));
  page.on('request', (request) => watched.requests.push(request.url()));
  page.on('dialog', (dialog) => {
    watched.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(url, { waitUntil: 'load' });
  return watched;
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** Runs axe-core's WCAG 2.2 A/AA rules on the page; returns the violations (empty when clean). */
export async function runAxe(page: Page): Promise<AxeViolation[]> {
  axeSource ??= (require('axe-core') as { source: string }).source;
  // Evaluated through the DevTools protocol: the portal's CSP rightly refuses injected script tags.
  await page.evaluate(axeSource);
  return page.evaluate(async (tags) => {
    interface AxeResult {
      violations: Array<{
        id: string;
        impact: string | null;
        help: string;
        nodes: Array<{ target: unknown[] }>;
      }>;
    }
    const axe = (
      window as unknown as { axe: { run(context: Document, options: object): Promise<AxeResult> } }
    ).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.map(String).join(' ')),
    }));
  }, AXE_TAGS);
}

/** Saves a full-page screenshot as `<name>-<viewport>.png` in {@link SCREENSHOT_DIR}. */
export async function screenshot(
  page: Page,
  name: string,
  viewport: ViewportName,
): Promise<string> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}-${viewport}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/**
 * What every portal page must pass at each width: axe's WCAG rules, and no sideways scrolling
 * (WCAG 1.4.10 reflow: `overflow` is 0). Screenshots the page too, for people to look at.
 */
export async function auditPage(
  page: Page,
  name: string,
  viewport: ViewportName,
): Promise<{ violations: AxeViolation[]; overflow: number }> {
  const violations = await runAxe(page);
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  await screenshot(page, name, viewport);
  return { violations, overflow };
}

/** One page's audit at one width: what a test expects to be empty (or 0). */
export interface PageAudit {
  path: string;
  violations: AxeViolation[];
  overflow: number;
  errors: string[];
}

/**
 * Opens each `[screenshot name, path]` of the site at `baseUrl` in a fresh context at the given
 * width and audits it ({@link auditPage}), with the page's script errors.
 */
export async function auditPages(
  browser: Browser,
  baseUrl: string,
  pages: ReadonlyArray<readonly [string, string]>,
  viewport: ViewportName,
): Promise<PageAudit[]> {
  const context = await newContext(browser, viewport);
  try {
    const audits: PageAudit[] = [];
    for (const [name, path] of pages) {
      const watched = await openPage(context, `${baseUrl}${path}`);
      const { violations, overflow } = await auditPage(watched.page, name, viewport);
      audits.push({ path, violations, overflow, errors: watched.consoleErrors });
      await watched.page.close();
    }
    return audits;
  } finally {
    await context.close();
  }
}

/** What {@link auditPages} finds on a clean page. */
export function cleanAudit(path: string): PageAudit {
  return { path, violations: [], overflow: 0, errors: [] };
}
