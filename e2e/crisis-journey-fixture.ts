import type { HubConfigInput } from '@promise-global/hub';
import { fixturePartners, type PartnerFixture } from './portal-fixture.js';

/** What a demo hub's operator sets: the UK's and the US's national numbers. */
export const CRISIS_HELPLINES: HubConfigInput['nationalHelplines'] = {
  GB: [
    { name: 'Emergency services', number: '999', emergency: true },
    { name: 'NHS 111, option 2', number: '111', description: 'Choose option 2 for mental health' },
    { name: 'Samaritans', number: '116 123', description: 'Free, any time' },
    { name: 'Shout', number: '85258', type: 'text', description: 'Text SHOUT, any time' },
  ],
  US: [
    { name: 'Emergency services', number: '911', emergency: true },
    { name: '988 Lifeline', number: '988', description: 'Call or text, any time' },
    { name: '988 Lifeline', number: '988', type: 'text' },
  ],
};

/**
 * The shared fixture plus a partner whose listings hold what a person in crisis meets: a
 * professionals-only emergency line that sorts first by name, a public text line, more lines
 * than fit on a phone's screen, and a deaf peer group reached by textphone, video phone and text.
 */
export function crisisJourneyPartners(): PartnerFixture[] {
  const base = fixturePartners();
  base.push({
    partnerId: 'wessex',
    partner: {
      name: 'Wessex Mental Health Partnership',
      country: 'GB',
      region: 'Wessex',
      website: 'https://wessex.example.org',
      contactEmail: 'promise@wessex.example.org',
      description: 'A fictional partnership for the crisis journey test.',
    },
    organisation: 'Wessex Mental Health NHS Trust',
    services: [
      {
        key: 'liaison',
        assure: true,
        input: {
          name: 'A&E mental health liaison',
          description: 'Mental health nurses in the emergency department, for its staff.',
          urgency: 'emergency',
          available24x7: true,
          phones: [
            {
              number: '01632 960410',
              type: 'voice',
              description: 'For emergency department staff',
            },
          ],
          serviceAreas: [{ name: 'Wessex' }],
          referralRoutes: [{ route: 'named_team', teamName: 'Emergency department' }],
          categories: ['crisis'],
        },
      },
      {
        key: 'textLine',
        assure: true,
        input: {
          name: 'Wessex 24/7 crisis line',
          description: 'Call or text a mental health worker any time.',
          urgency: 'urgent',
          available24x7: true,
          phones: [
            { number: '01632 960420', type: 'voice', description: 'Any time' },
            { number: '01632 960421', type: 'text', description: 'Text if speaking is hard' },
          ],
          serviceAreas: [{ name: 'Wessex' }],
          referralRoutes: [{ route: 'self' }, { route: 'carer_family' }],
          categories: ['crisis'],
        },
      },
      {
        key: 'referrers',
        assure: true,
        input: {
          name: 'Crisis resolution referrals',
          description: 'Referrals from GPs and community teams.',
          urgency: 'urgent',
          available24x7: true,
          phones: [{ number: '01632 960430', type: 'voice', description: 'For referring teams' }],
          serviceAreas: [{ name: 'Wessex' }],
          referralRoutes: [{ route: 'professional' }, { route: 'gp' }],
          categories: ['crisis', 'home_treatment'],
        },
      },
      {
        key: 'deafGroup',
        assure: true,
        input: {
          name: 'Deaf peer and social group',
          description: 'A peer group run in British Sign Language.',
          urgency: 'non_urgent',
          phones: [
            { number: '01632 960440', type: 'textphone' },
            { number: '01632 960441', type: 'video', description: 'For BSL users' },
            { number: '01632 960442', type: 'text' },
          ],
          schedules: [{ byday: ['TH'], opensAt: '18:00', closesAt: '20:00' }],
          serviceAreas: [{ name: 'Wessex' }],
          referralRoutes: [{ route: 'self' }],
          categories: ['peer_support'],
          languages: ['bfi', 'en'],
          locations: [
            { type: 'virtual', name: 'Video meet-up', url: 'https://wessex.example.org/meet' },
          ],
        },
      },
    ],
    innovations: [],
  });
  return base;
}
