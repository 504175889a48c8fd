import { countWords, pieceWordCount, WORD_LIMIT } from '@promise-global/schema';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fictionalBody, fictionalBulletin } from '../test-support/fictional-bulletin.js';
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

  it('fits the 750-word ceiling with every case-study section and five resource links', async () => {
    // Sections are prose: the fictional body's paragraphs, cut to `count` words.
    const paragraphs = fictionalBody(2_000)
      .split('\n\n')
      .filter((part) => /^[A-Z][a-z]/.test(part) && !part.startsWith('Read'));
    const words = (count: number) => {
      let text = paragraphs.join('\n\n');
      while (countWords(text) > count) text = text.replace(/\s+\S+\s*$/, '.');
      return text;
    };
    const bulletin = fictionalBulletin({ words: 350 });
    const caseStudy = {
      problem: words(100),
      whatWeDid: words(100),
      whatChanged: words(90),
      howToAdopt: words(90),
      resources: Array.from({ length: 5 }, (_, i) => ({
        title: `Toolkit part ${i + 1}`,
        url: `https://example.org/toolkit/${i + 1}`,
      })),
    };
    const piece = { ...bulletin.piece, caseStudy };
    const total = pieceWordCount(piece);
    expect(total).toBeGreaterThan(700);
    expect(total).toBeLessThanOrEqual(WORD_LIMIT);
    const html = renderBulletinPrint({ ...bulletin, piece });
    expect(html).toContain('<h2>How to adopt it</h2>');
    expect(await printedPages(html)).toBe(1);
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
