import { describe, expect, it } from 'vitest';
import { innovation, innovationInput } from '../test/fixtures.js';
import { type BadField, expectRefusedAt, issuePaths } from '../test/issues.js';
import { Innovation, InnovationInput } from './innovation.js';
import {
  EVIDENCE_LEVELS,
  INNOVATION_KINDS,
  INNOVATION_STATUSES,
  INNOVATION_THEMES,
} from './vocabularies.js';

const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');

describe('Innovation', () => {
  it('accepts a write-up', () => {
    expect(Innovation.parse(innovation)).toMatchObject(innovation);
  });

  it('accepts what an author writes and defaults the licence to CC-BY-4.0', () => {
    expect(InnovationInput.parse(innovationInput).licence).toBe('CC-BY-4.0');
    expect(Innovation.safeParse(innovationInput).success).toBe(false);
  });

  it.each(INNOVATION_KINDS)('accepts the kind %s', (kind) => {
    expect(Innovation.safeParse({ ...innovation, kind }).success).toBe(true);
  });
  it.each(INNOVATION_THEMES)('accepts the theme %s', (theme) => {
    expect(Innovation.safeParse({ ...innovation, themes: [theme] }).success).toBe(true);
  });
  it.each(EVIDENCE_LEVELS)('accepts the evidence level %s', (evidenceLevel) => {
    expect(Innovation.safeParse({ ...innovation, evidenceLevel }).success).toBe(true);
  });
  it.each(INNOVATION_STATUSES)('accepts the status %s', (status) => {
    expect(Innovation.safeParse({ ...innovation, status }).success).toBe(true);
  });

  it('accepts a summary of exactly 280 characters and refuses 281', () => {
    expect(Innovation.safeParse({ ...innovation, summary: 's'.repeat(280) }).success).toBe(true);
    expect(issuePaths(Innovation, { ...innovation, summary: 's'.repeat(281) })).toEqual([
      'summary',
    ]);
  });

  it('accepts a body of 750 words (over the 500 target) and refuses 751, naming body', () => {
    expect(Innovation.safeParse({ ...innovation, body: words(600) }).success).toBe(true);
    expect(Innovation.safeParse({ ...innovation, body: words(750) }).success).toBe(true);
    expect(issuePaths(Innovation, { ...innovation, body: words(751) })).toEqual(['body']);
  });

  it('counts words, not Markdown marks or link targets, against the limit', () => {
    const link = '[w](https://x.org "t t") ';
    expect(Innovation.safeParse({ ...innovation, body: link.repeat(750) }).success).toBe(true);
    expect(Innovation.safeParse({ ...innovation, body: `${words(750)} - > #` }).success).toBe(true);
  });

  it.each<BadField>([
    ['id', 'x'],
    ['partnerId', 'Not A Slug'],
    ['title', ''],
    ['title', 'x'.repeat(201)],
    ['summary', undefined],
    ['body', ''],
    ['body', '   '],
    ['kind', 'rumour'],
    ['themes', []],
    [
      'themes',
      [
        'crisis_care',
        'digital',
        'carers',
        'recovery',
        'primary_care',
        'prevention_and_early_intervention',
      ],
    ],
    ['themes.1', 'astrology'],
    ['setting', undefined],
    ['evidenceLevel', 'anecdote'],
    ['outcomes', 'x'.repeat(2001)],
    ['contact.role', ''],
    ['contact.email', 'liaison'],
    ['contact', undefined],
    ['relatedServiceIds.0', 'not-a-uuid'],
    ['licence', ''],
    ['status', 'deleted'],
    ['submittedAt', 'yesterday'],
    ['publishedAt', '2026-02-10'],
    ['updatedAt', undefined],
  ])('refuses %s = %j with an issue naming the field', (...row) => {
    expectRefusedAt(Innovation, innovation, row);
  });
});

describe('structured case study (schema 1.1)', async () => {
  const { pieceWordCount } = await import('./word-count.js');
  const base = {
    title: 'Crisis café',
    summary: 'An evening safe space.',
    body: 'People in crisis found a calm place to talk.',
    kind: 'innovation',
    themes: ['crisis_care'],
    setting: 'Community',
    evidenceLevel: 'pilot',
    contact: { role: 'Manager', email: 'team@example.org' },
  } as const;
  const words = (count: number) => Array.from({ length: count }, () => 'word').join(' ');

  it('takes the optional sections and up to five https resources', () => {
    const parsed = InnovationInput.parse({
      ...base,
      caseStudy: {
        problem: 'Long waits in A&E.',
        whatWeDid: 'Opened a café.',
        whatChanged: 'Fewer people waited.',
        howToAdopt: 'Start with peer workers.',
        resources: [{ title: 'Toolkit', url: 'https://example.org/toolkit' }],
      },
    });
    expect(parsed.caseStudy?.resources).toHaveLength(1);
    expect(InnovationInput.parse(base).caseStudy).toBeUndefined();
  });

  it('refuses http or script resources, and a sixth one', () => {
    for (const url of ['http://example.org', 'javascript:alert(1)', 'data:text/html,x']) {
      expect(
        InnovationInput.safeParse({ ...base, caseStudy: { resources: [{ title: 'x', url }] } })
          .success,
      ).toBe(false);
    }
    const six = Array.from({ length: 6 }, (_, i) => ({
      title: `R${i}`,
      url: `https://e.org/${i}`,
    }));
    expect(InnovationInput.safeParse({ ...base, caseStudy: { resources: six } }).success).toBe(
      false,
    );
  });

  it('counts the sections with the body against the one word limit', () => {
    const piece = { ...base, body: words(400), caseStudy: { problem: words(300) } };
    expect(pieceWordCount(piece)).toBe(700);
    expect(InnovationInput.safeParse(piece).success).toBe(true);
    const over = {
      ...base,
      body: words(400),
      caseStudy: { problem: words(200), howToAdopt: words(151) },
    };
    const result = InnovationInput.safeParse(over);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['caseStudy']);
  });
});
