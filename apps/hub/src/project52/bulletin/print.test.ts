import { countWords } from '@promise-global/schema';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fictionalBulletin } from '../test-support/fictional-bulletin.js';
import { renderBulletinPrint } from './print.js';

let browser: Browser;

beforeAll(async () => {
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

async function printedPages(html: string): Promise<number> {
  const page = await browser.newPage();
  try {
    await page.setContent(html, { waitUntil: 'load' });
    const pdf = (await page.pdf({ preferCSSPageSize: true, printBackground: true })).toString(
      'latin1',
    );
    return pdf.match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;
  } finally {
    await page.close();
  }
}

describe('the print view', () => {
  it('fits a 500-word piece on one side of A4', async () => {
    const bulletin = fictionalBulletin({ words: 500 });
    expect(countWords(bulletin.piece.body)).toBe(500);
    expect(await printedPages(renderBulletinPrint(bulletin))).toBe(1);
  });

  it('still fits the 750-word ceiling on one side of A4', async () => {
    const bulletin = fictionalBulletin({ words: 750 });
    expect(countWords(bulletin.piece.body)).toBe(750);
    expect(await printedPages(renderBulletinPrint(bulletin))).toBe(1);
  });

  it('counts pages truly: the same piece twice over runs onto a second side', async () => {
    const bulletin = fictionalBulletin({ words: 750 });
    const doubled = {
      ...bulletin,
      piece: { ...bulletin.piece, body: `${bulletin.piece.body}\n\n${bulletin.piece.body}` },
    };
    expect(await printedPages(renderBulletinPrint(doubled))).toBe(2);
  });
});
