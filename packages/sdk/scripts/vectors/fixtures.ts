import type { Innovation, Organisation, Partner, Service } from '@promise-global/schema';
import { type SigningKey, signingKeyFromSeed } from '../../src/keys/index.js';

/**
 * Deterministic fixtures for the conformance vectors, tests and benchmarks. All content is
 * fictional (example.org addresses, 01632 960xxx numbers). Keys come from fixed seeds.
 */
export const NOW = 1_793_610_000; // 2026-11-02T09:00:00Z
export const NOW_DATE = new Date(NOW * 1000);
export const NODE_A = 'https://node-a.example.org';
export const NODE_B = 'https://node-b.example.org';
export const HUB = 'https://hub.example.org';

function seed(byte: number): Uint8Array {
  return new Uint8Array(32).fill(byte);
}

/** Seeds (hex) of every fixture key, published with the vectors so anyone can rebuild them. */
export const KEY_SEEDS = {
  nodeA: seed(0xa1),
  nodeANext: seed(0xa2),
  nodeAThird: seed(0xa3),
  nodeB: seed(0xb1),
  hub: seed(0xc1),
  attacker: seed(0xe1),
} as const;

export type FixtureKeys = Record<keyof typeof KEY_SEEDS, SigningKey>;

export async function fixtureKeys(): Promise<FixtureKeys> {
  const entries = await Promise.all(
    Object.entries(KEY_SEEDS).map(
      async ([name, bytes]) => [name, await signingKeyFromSeed(bytes)] as const,
    ),
  );
  return Object.fromEntries(entries) as FixtureKeys;
}

export const partnerA = {
  id: 'example-a',
  name: 'Example A Mental Health Partnership',
  country: 'GB',
  region: 'East of England',
  website: 'https://www.example.org',
  contactEmail: 'promise-a@example.org',
  baseUrl: NODE_A,
  description: 'A fictional partner that runs node A of the conformance vectors.',
} satisfies Partner;

export const partnerB = {
  ...partnerA,
  id: 'example-b',
  name: 'Example B Crisis Alliance',
  contactEmail: 'promise-b@example.org',
  baseUrl: NODE_B,
} satisfies Partner;

export const organisation = {
  id: '3f2b8c1a-5d4e-4f6a-9b7c-1d2e3f4a5b6c',
  name: 'Example A NHS Foundation Trust',
  identifiers: [{ scheme: 'nhs_ods_code', value: 'RZZ' }],
  type: 'nhs_trust',
  updatedAt: '2026-11-01T10:00:00Z',
} satisfies Omit<Organisation, 'identifiers'> & { identifiers: Organisation['identifiers'] };

export const service = {
  id: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
  organisationId: organisation.id,
  name: 'First Response Line',
  description: 'A fictional 24-hour crisis line for people of all ages.',
  phones: [{ number: '01632 960001', type: 'voice' }],
  available24x7: true,
  urgency: 'emergency',
  referralRoutes: [{ route: 'self' }, { route: 'carer_family' }],
  categories: ['crisis'],
  updatedAt: '2026-11-01T11:00:00Z',
} satisfies Partial<Service>;

const SENTENCES = [
  'The team turned a quiet side room into a calm space with soft light and comfortable chairs.',
  'People in crisis waited less, and staff said they felt safer during the busiest evenings.',
  'Peer supporters met each person within the hour and stayed with them until a plan was agreed.',
  'Carers told us they finally knew who to call, and when, because the card was in every room.',
  'We measured waiting times for three months before the change and three months after it.',
];

/** A Project 52 write-up whose record JWS is about 3.5 KB, as in the benchmark (§11.1). */
export function innovation(id: string, words = 290): Innovation {
  const paragraphs: string[] = [];
  let count = 0;
  for (let index = 0; count < words; index += 1) {
    const sentence = SENTENCES[index % SENTENCES.length] ?? '';
    paragraphs.push(sentence);
    count += sentence.split(' ').length;
  }
  return {
    id,
    partnerId: partnerA.id,
    title: 'A calm room in the emergency department',
    summary: 'Turning a side room into a calm space cut waits for people in crisis.',
    body: `## What we did\n\n${paragraphs.join('\n\n')}`,
    kind: 'innovation',
    themes: ['crisis_care', 'peer_support_and_lived_experience'],
    setting: 'Emergency department liaison team',
    evidenceLevel: 'pilot',
    contact: { role: 'Liaison team manager', email: 'liaison@example.org' },
    relatedServiceIds: [service.id],
    licence: 'CC-BY-4.0',
    status: 'submitted',
    submittedAt: '2026-11-01T12:00:00Z',
    updatedAt: '2026-11-01T12:00:00Z',
  };
}
