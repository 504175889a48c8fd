import type { InnovationInput, OrganisationInput, ServiceInput } from '@promise-global/schema';
import type { NodeConfigInput } from '../src/config/config.js';

/** Fictional content only: example.org addresses, Ofcom drama numbers (01632 960xxx). */
export const partnerProfile: NonNullable<NodeConfigInput['partner']> = {
  name: 'Fenland Mental Health Partnership',
  country: 'GB',
  region: 'East of England',
  website: 'https://fenland.example.org',
  contactEmail: 'promise@fenland.example.org',
  description: 'A fictional partner used in tests.',
};

export const organisation: OrganisationInput = {
  name: 'Fenland Crisis Sanctuary',
  description: 'A fictional voluntary-sector crisis sanctuary.',
  website: 'https://sanctuary.example.org',
  email: 'hello@sanctuary.example.org',
  identifiers: [{ scheme: 'charity_number', value: '1000001' }],
  type: 'vcfse',
};

export function service(organisationId: string): ServiceInput {
  return {
    organisationId,
    name: 'Evening sanctuary',
    description: 'A calm place to talk through a crisis in the evening, run with peer workers.',
    phones: [{ number: '01632 960001', type: 'voice' }],
    schedules: [{ byday: ['MO', 'TU', 'WE', 'TH', 'FR'], opensAt: '18:00', closesAt: '23:00' }],
    serviceAreas: [{ name: 'Fenland', code: 'E07000010' }],
    available24x7: false,
    urgency: 'urgent',
    referralRoutes: [{ route: 'self' }, { route: 'carer_family' }],
    categories: ['crisis', 'peer_support'],
  };
}

export const innovation: InnovationInput = {
  title: 'Peer workers on the evening crisis line',
  summary: 'Callers reach someone with lived experience first, and fewer evenings end in A&E.',
  body: 'Since spring, the first voice on our evening crisis line has been a peer worker.\n\nCallers told us they felt heard sooner.',
  kind: 'innovation',
  themes: ['crisis_care', 'peer_support_and_lived_experience'],
  setting: 'Community crisis line',
  evidenceLevel: 'pilot',
  contact: { role: 'Crisis line lead', email: 'crisis-line@fenland.example.org' },
};
