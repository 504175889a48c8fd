import { createHash } from 'node:crypto';
import type { Innovation, Organisation, Partner, Service } from '@promise-global/schema';

/** A stable, valid v4-shaped UUID derived from a name (test data must be reproducible). */
export function testUuid(name: string): string {
  const hex = createHash('sha256').update(name).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const WORDS = [
  'crisis',
  'café',
  'peer',
  'support',
  'recovery',
  'carers',
  'community',
  'restraint',
  'reduction',
  'night',
  'sanctuary',
  'befriending',
  'wellbeing',
  'listening',
  'team',
  'home',
  'treatment',
  'ward',
  'primary',
  'care',
  'navigator',
  'deaf',
  'group',
  'sign',
  'language',
  'trust',
  'volunteer',
  'walk',
  'garden',
  'music',
  'art',
  'kitchen',
  'housing',
  'employment',
  'students',
  'veterans',
  'youth',
  'elders',
];

/** Deterministic filler prose: `words` words drawn from a small mental-health vocabulary. */
export function prose(seed: number, words: number): string {
  const out: string[] = [];
  let x = seed * 2654435761 + 1;
  for (let i = 0; i < words; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    out.push(WORDS[x % WORDS.length] ?? 'care');
  }
  return `${out.join(' ')}.`;
}

const when = (index: number) => new Date(Date.UTC(2025, 0, 1) + index * 3_600_000).toISOString();

export function partnerData(partnerId: string, baseUrl: string, country = 'GB'): Partner {
  return {
    id: partnerId,
    name: `Partner ${partnerId}`,
    country: country as Partner['country'],
    website: 'https://example.org/',
    contactEmail: `network@${partnerId}.example.org`,
    baseUrl,
    description: 'A fictional partner used in tests.',
  };
}

export function organisationData(partnerId: string): Organisation {
  return {
    id: testUuid(`${partnerId}/organisation`),
    name: `${partnerId} Community Trust`,
    type: 'vcfse',
    identifiers: [],
    updatedAt: when(0),
  };
}

export function innovationData(
  partnerId: string,
  index: number,
  overrides: Partial<Innovation> = {},
): Innovation {
  return {
    id: testUuid(`${partnerId}/innovation/${index}`),
    partnerId,
    title: `Innovation ${index}: ${prose(index, 4)}`,
    summary: prose(index + 1, 20).slice(0, 270),
    body: prose(index + 2, 420),
    kind: index % 3 === 0 ? 'innovation' : 'idea',
    themes: index % 2 === 0 ? ['crisis_care', 'peer_support_and_lived_experience'] : ['carers'],
    setting: 'Community crisis team',
    evidenceLevel: index % 4 === 0 ? 'evaluated' : 'pilot',
    contact: { role: 'Team manager', email: `team@${partnerId}.example.org` },
    relatedServiceIds: [],
    licence: 'CC-BY-4.0',
    status: 'published',
    publishedAt: when(index),
    updatedAt: when(index),
    ...overrides,
  };
}

export function serviceData(
  partnerId: string,
  index: number,
  overrides: Partial<Service> = {},
): Service {
  return {
    id: testUuid(`${partnerId}/service/${index}`),
    organisationId: testUuid(`${partnerId}/organisation`),
    name: `Service ${index} ${prose(index + 7, 3)}`,
    description: prose(index + 9, 60),
    status: 'active',
    phones: [{ number: '01632 960001', type: 'voice' }],
    schedules: [],
    serviceAreas: [{ name: index % 2 === 0 ? 'Cambridgeshire' : 'Hampshire' }],
    locations: [],
    languages: [],
    available24x7: index % 2 === 0,
    urgency: index % 3 === 0 ? 'emergency' : 'non_urgent',
    referralRoutes: [{ route: 'self' }, ...(index % 2 ? [{ route: 'gp' as const }] : [])],
    categories: index % 2 === 0 ? ['crisis', 'peer_support'] : ['wellbeing'],
    updatedAt: when(index),
    ...overrides,
  };
}
