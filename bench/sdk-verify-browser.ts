/// <reference lib="dom" />
import { launchBrowser, newContext } from '../e2e/support/browser.js';
import { startOriginServer } from '../e2e/support/origin-server.js';
import type { PinnedKeys } from '../packages/sdk/src/verify/index.js';

export interface BrowserFeedRun {
  records: readonly string[];
  head: string;
  keys: PinnedKeys;
  iss: string;
  partnerId: string;
  now: Date;
}

/**
 * Verifies the same 500-record page with the browser bundle in headless Chromium, five times;
 * returns the median records/s measured inside the page (no transfer time counted).
 */
export async function browserRecordsPerSecond(code: string, run: BrowserFeedRun): Promise<number> {
  const origin = await startOriginServer(
    { '/promise-verify.js': code },
    "import * as sdk from '/promise-verify.js'; window.promiseVerify = sdk;",
  );
  const browser = await launchBrowser();
  try {
    const page = await (await newContext(browser)).newPage();
    await page.goto(origin.url);
    await page.waitForFunction(() => 'promiseVerify' in window);
    return await page.evaluate(
      async ({ records, head, keys, iss, partnerId, nowMs }) => {
        // biome-ignore lint/suspicious/noExplicitAny: the bundle's API, loaded by the page
        const sdk = (window as any).promiseVerify;
        const state = sdk.initialFeedState({ iss, partnerId, keys });
        const now = new Date(nowMs);
        await sdk.verifyFeedPage(state, { records, head }, { now });
        const rates: number[] = [];
        for (let round = 0; round < 5; round += 1) {
          const start = performance.now();
          await sdk.verifyFeedPage(state, { records, head }, { now });
          rates.push(records.length / ((performance.now() - start) / 1000));
        }
        return rates.sort((a, b) => a - b)[2] ?? Number.NaN;
      },
      { ...run, records: [...run.records], nowMs: run.now.getTime() },
    );
  } finally {
    await browser.close();
    await origin.close();
  }
}
