import { describe, expect, it } from 'vitest';
import { feedUrls } from '../../syndication/feed-document.js';
import { readFeed } from '../../syndication/test-support/read-feed.js';
import { writeFeed } from '../../syndication/write-feed.js';
import { fictionalBulletin } from '../test-support/fictional-bulletin.js';
import { weekLabel } from './bulletin.js';
import { renderBulletinEmail } from './email.js';
import { bulletinFeed } from './feed.js';
import { renderBulletinPage } from './page.js';

const HOSTILE_TITLE = 'Safe haven <img src=x onerror=alert(1)> & "quotes"';
const UNSUBSCRIBE = 'https://hub.example.org/project52/unsubscribe?token=abc.def';

function hostileBulletin() {
  const bulletin = fictionalBulletin({ title: HOSTILE_TITLE });
  return {
    ...bulletin,
    piece: {
      ...bulletin.piece,
      partnerName: 'Trust <b>bold</b>',
      summary: 'Summary </p><script>x()</script>',
    },
    alsoNew: {
      ...bulletin.alsoNew,
      services: [{ title: '<svg onload=x>', partnerName: 'P', url: 'javascript:alert(1)' }],
    },
  };
}

describe('the bulletin email', () => {
  it('uses table layout and inline styles only, with every text element styled', () => {
    const { html } = renderBulletinEmail(fictionalBulletin(), UNSUBSCRIBE);
    expect(html).not.toMatch(/<style|<script|<link|class="/i);
    expect(html).toContain('<table role="presentation"');
    const unstyled = html.match(/<(p|h[1-6]|li|a|td|ul)(?=[\s>])(?![^>]*style=)[^>]*>/g) ?? [];
    expect(unstyled).toEqual([]);
    expect(html).toContain('Week 41, 2026 (5 October to 11 October 2026)');
    expect(html).toContain(`href="${UNSUBSCRIBE}"`);
    expect(html).toContain('Also new in the network');
  });

  it('escapes everything a partner wrote and keeps only http(s) and mailto links', () => {
    const { html, text, subject } = renderBulletinEmail(hostileBulletin(), UNSUBSCRIBE);
    expect(html).not.toMatch(/<img|<svg|<script|<b>|javascript:/i);
    expect(html).toContain(
      'Safe haven &lt;img src=x onerror=alert(1)&gt; &amp; &quot;quotes&quot;',
    );
    expect(html).toContain('&lt;script&gt;alert(');
    expect(html).toContain('href="https://example.org/crisis-cafe"');
    expect(subject).toBe(`Project 52, week 41: ${HOSTILE_TITLE} (Trust <b>bold</b>)`);
    expect(text).toContain(HOSTILE_TITLE.toUpperCase());
  });

  it('has a plain-text twin with the same content and links as text', () => {
    const { text } = renderBulletinEmail(fictionalBulletin(), UNSUBSCRIBE);
    expect(text).not.toMatch(/<(p|a|li|ul|strong|h[1-6]|span)[\s>]/i);
    expect(text).toContain('A CRISIS CAFÉ THAT FEELS LIKE A LIVING ROOM');
    expect(text).toContain(
      'From Northshire Mental Health Partnership · Service story · Community crisis team',
    );
    expect(text).toContain('evaluation summary (https://example.org/crisis-cafe)');
    expect(text).toContain('- open 6pm to 11pm, every day');
    expect(text).toContain('<script>alert("x")</script>'); // shown as the author typed it: it is plain text
    expect(text).toContain(
      '- Evening befriending line (Riverside Wellbeing): https://portal.example.org/services/1',
    );
    expect(text).toContain(`Unsubscribe in one click: ${UNSUBSCRIBE}`);
  });
});

describe('the portal page fragment', () => {
  it('is semantic HTML without inline style or script, with partner text escaped', () => {
    const page = renderBulletinPage(hostileBulletin());
    expect(page.startsWith('<article class="p52-bulletin" data-week="2026-W41">')).toBe(true);
    expect(page).not.toMatch(/style=|<script|<img|<svg|javascript:/i);
    expect(page).toContain('<h1 class="p52-title">Safe haven &lt;img');
    expect(page).toContain('<h2>Why we started</h2>');
    expect(page).toContain('<a href="#">&lt;svg onload=x&gt;</a>');
  });
});

describe('the bulletin feed', () => {
  it('publishes each week as an RSS, Atom and JSON Feed 1.1 entry, newest first, hostile text inert', () => {
    const older = {
      ...fictionalBulletin({ week: '2026-W40' }),
      publishedAt: new Date('2026-09-28T09:00:00Z'),
    };
    const hostile = hostileBulletin();
    const feed = bulletinFeed(
      [older, hostile].map((bulletin) => ({ id: bulletin.url, bulletin })),
      {
        hubUrl: 'https://hub.example.org',
        urls: feedUrls('https://hub.example.org', '/bulletins'),
        homePage: 'https://portal.example.org/bulletins',
      },
    );
    for (const format of ['rss', 'atom', 'json'] as const) {
      const body = writeFeed(feed, format);
      const read = readFeed(body, format);
      expect(read.items.map((item) => item.id)).toEqual([
        'https://hub.example.org/project52/2026-W41',
        'https://hub.example.org/project52/2026-W40',
      ]);
      expect(read.items[0]?.title).toContain(HOSTILE_TITLE);
      expect(read.items[0]?.categories.length).toBeGreaterThan(0);
      if (format !== 'json') expect(body).not.toMatch(/<img src=x|<script>x\(\)/);
    }
    const json = JSON.parse(writeFeed(feed, 'json')) as {
      version: string;
      items: Array<{ content_html: string }>;
    };
    expect(json.version).toBe('https://jsonfeed.org/version/1.1');
    expect(json.items[0]?.content_html).not.toMatch(/<img|<script/);
  });
});

describe('week labels', () => {
  it('name the week-year and its dates across the new year', () => {
    expect(weekLabel('2026-W53')).toBe('Week 53, 2026 (28 December to 3 January 2027)');
    expect(weekLabel('2025-W01')).toBe('Week 1, 2025 (30 December to 5 January 2025)');
  });
});

describe('adoptions in the bulletin', () => {
  const taken = {
    title: 'Riverside Recovery Programme is piloting “A crisis café <b>evenings</b>”',
    partnerName: 'Northshire',
    url: 'https://portal.example.org/innovations/northshire/abc',
  };

  it('lists earlier pieces taken up elsewhere in the email, its text part and the page', () => {
    const bulletin = fictionalBulletin();
    const withAdoptions = { ...bulletin, alsoNew: { ...bulletin.alsoNew, adoptions: [taken] } };
    const { html, text } = renderBulletinEmail(withAdoptions, UNSUBSCRIBE);
    const page = renderBulletinPage(withAdoptions);
    for (const rendered of [html, page]) {
      expect(rendered).toContain('Taken up elsewhere');
      expect(rendered).toContain('piloting “A crisis café &lt;b&gt;evenings&lt;/b&gt;”');
    }
    expect(text).toContain(`Taken up elsewhere:\n- ${taken.title} (Northshire): ${taken.url}`);
  });

  it('leaves the section out when there is none, and reads bulletins frozen before adoptions', () => {
    const { html, text } = renderBulletinEmail(fictionalBulletin(), UNSUBSCRIBE);
    expect(html).not.toContain('Taken up elsewhere');
    expect(text).not.toContain('Taken up elsewhere');
  });
});
