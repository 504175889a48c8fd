import type { InnovationInput, OrganisationInput, ServiceInput } from '../src/index.js';

/** Fictional examples (example.org addresses, 01632 960xxx numbers) reused across tests. */

export const ORGANISATION_ID = '3f2b8c1a-5d4e-4f6a-9b7c-1d2e3f4a5b6c';

export const partner = {
  id: 'cpft',
  name: 'Example Partnership NHS Foundation Trust',
  country: 'GB',
  region: 'East of England',
  website: 'https://www.example.org',
  contactEmail: 'promise@example.org',
  baseUrl: 'https://node.example.org',
  description: 'A fictional mental-health trust that runs a PROMISE node.',
};

export const organisationInput = {
  name: 'Example Partnership NHS Foundation Trust',
  description: 'Mental-health and community services for a fictional county.',
  website: 'https://www.example.org',
  email: 'enquiries@example.org',
  identifiers: [
    { scheme: 'nhs_ods_code', value: 'RT1' },
    { scheme: 'charity_number', value: '1234567' },
  ],
  type: 'nhs_trust',
} satisfies OrganisationInput;

export const organisation = {
  id: ORGANISATION_ID,
  ...organisationInput,
  updatedAt: '2026-01-05T09:00:00Z',
};

export const crisisLineInput = {
  organisationId: ORGANISATION_ID,
  name: 'First Response Service',
  description: 'A 24-hour mental-health crisis line for people of all ages.',
  url: 'https://www.example.org/first-response',
  email: 'frs@example.org',
  phones: [
    { number: '111', type: 'voice', description: 'Choose the mental-health option' },
    { number: '+44 1632 960001', type: 'voice' },
    { number: '01632 960002', type: 'text', description: 'Text us' },
  ],
  serviceAreas: [
    { name: 'Cambridgeshire', code: 'E10000003' },
    { name: 'Peterborough', code: 'E06000031' },
  ],
  locations: [{ type: 'virtual', name: 'Telephone', url: 'https://www.example.org/call' }],
  languages: ['en', 'cy', 'en-GB'],
  available24x7: true,
  urgency: 'emergency',
  responseStandard: { target: 'PT1H', description: 'We answer and assess within an hour.' },
  referralRoutes: [{ route: 'self' }, { route: 'carer_family' }, { route: 'professional' }],
  categories: ['crisis'],
  assuredAt: '2026-01-04T16:30:00+00:00',
  reviewDue: '2026-07-04',
} satisfies ServiceInput;

export const crisisLine = {
  id: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
  ...crisisLineInput,
  updatedAt: '2026-01-05T09:30:00Z',
};

export const homeTreatment = {
  id: '1b4e28ba-2fa1-41d2-883f-0016d3cca427',
  organisationId: ORGANISATION_ID,
  name: 'Crisis Resolution and Home Treatment Team',
  description: 'Intensive support at home as an alternative to a hospital admission.',
  status: 'active',
  phones: [{ number: '01632 960123', description: 'Referrers only' }],
  schedules: [
    { byday: ['MO', 'TU', 'WE', 'TH', 'FR'], opensAt: '09:00', closesAt: '17:00' },
    { byday: ['SA', 'SU'], opensAt: '10:00', closesAt: '16:00', description: 'Weekend cover' },
  ],
  timeZone: 'Europe/London',
  serviceAreas: [{ name: 'Huntingdonshire' }],
  locations: [
    {
      type: 'physical',
      name: 'Example House',
      address: { line1: '1 Example Road', city: 'Huntingdon', postcode: 'PE29 0AA', country: 'GB' },
      latitude: 52.33,
      longitude: -0.18,
      accessibility: 'Step-free access and a hearing loop.',
    },
  ],
  eligibilityDescription: 'Adults in a mental-health crisis who would otherwise need admission.',
  minAge: 18,
  maxAge: 65,
  urgency: 'urgent',
  responseStandard: { target: 'PT4H', description: 'Seen within four hours of referral.' },
  referralRoutes: [
    { route: 'named_team', teamName: 'First Response Service' },
    {
      route: 'named_team',
      teamName: 'Liaison Psychiatry',
      description: 'From the emergency department',
    },
    { route: 'gp' },
  ],
  categories: ['home_treatment', 'crisis'],
  updatedAt: '2026-02-01T12:00:00.250+01:00',
} satisfies ServiceInput & { id: string; updatedAt: string };

export const minimalService = {
  id: 'a8098c1a-f86e-41c7-8b3f-7d1c2e3a4b5c',
  organisationId: ORGANISATION_ID,
  name: 'Befriending',
  description: 'Weekly calls from a trained volunteer.',
  urgency: 'non_urgent',
  categories: ['befriending'],
  updatedAt: '2026-03-01T08:00:00Z',
} satisfies ServiceInput & { id: string; updatedAt: string };

export const innovationInput = {
  title: 'A calm room in the emergency department',
  summary: 'Turning a side room into a calm space cut waits for people in crisis.',
  body: '## What we did\n\nWe turned a side room into a **calm** space with soft light.\n\nPeople waited less and staff felt safer.',
  kind: 'innovation',
  themes: ['crisis_care', 'reducing_restrictive_practice'],
  setting: 'Emergency department liaison team',
  evidenceLevel: 'pilot',
  outcomes: 'Fewer people left before being seen.',
  contact: { role: 'Liaison team manager', email: 'liaison@example.org' },
  relatedServiceIds: ['7c9e6679-7425-40de-944b-e07fc1f90ae7'],
} satisfies InnovationInput;

export const innovation = {
  id: 'c56a4180-65aa-42ec-a945-5fd21dec0538',
  partnerId: 'cpft',
  ...innovationInput,
  status: 'submitted',
  submittedAt: '2026-02-10T10:00:00Z',
  updatedAt: '2026-02-10T10:00:00Z',
};

/** Another partner (`leeds`) piloting the `cpft` write-up above, as read at one record hash. */
export const adoptionInput = {
  piece: {
    partnerId: 'cpft',
    recordId: innovation.id,
    hash: 'x2R0dC1ycGQ0cFpLbW5vcGZlZ2h0d2F5Y2FmZWxlZWQ',
  },
  stage: 'piloting',
  date: '2026-03-02',
  note: 'Two evening sessions a week in the city centre, run with our peer workers.',
  contactRole: 'Crisis pathway lead',
} as const;

export const adoption = {
  id: '7d9f3b8e-2a41-4c6d-9e0f-5b1a2c3d4e5f',
  partnerId: 'leeds',
  ...adoptionInput,
  updatedAt: '2026-03-02T11:00:00Z',
};
