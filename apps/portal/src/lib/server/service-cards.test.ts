import { describe, expect, it } from 'vitest';
import { helpNowOrder, type ServiceCardData } from './service-cards.js';

const EVERY_DAY = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

function card(
  name: string,
  hours: { opensAt: string; closesAt: string } | 'always' | 'unsaid',
  more: { timeZone?: string; distanceKm?: number; urgency?: 'emergency' | 'urgent' } = {},
): ServiceCardData {
  return {
    href: `/services/p/${encodeURIComponent(name)}`,
    partnerId: 'p',
    organisationName: null,
    audience: 'anyone',
    distanceKm: more.distanceKm ?? null,
    service: {
      name,
      urgency: more.urgency ?? 'urgent',
      available24x7: hours === 'always',
      phones: [],
      schedules: typeof hours === 'object' ? [{ byday: [...EVERY_DAY], ...hours }] : [],
      serviceAreas: [],
      referralRoutes: [{ route: 'self' }],
      ...(more.timeZone ? { timeZone: more.timeZone } : {}),
    },
  };
}

// Thursday 3 December 2026, 15:00 in London, 10:00 in New York.
const NOW = new Date('2026-12-03T15:00:00Z');

describe('helpNowOrder', () => {
  it('puts open lines first, then closed ones by how soon they open, each in its own zone', () => {
    const order = helpNowOrder(
      [
        card(
          'A New York evening line',
          { opensAt: '17:00', closesAt: '22:00' },
          {
            timeZone: 'America/New_York',
          },
        ),
        card('B London evening haven', { opensAt: '17:00', closesAt: '23:00' }),
        card('C London night line', { opensAt: '20:00', closesAt: '02:00' }),
        card('D Day café', { opensAt: '10:00', closesAt: '16:00' }),
        card('E Any time', 'always'),
      ],
      NOW,
      'Europe/London',
    ).map((c) => c.service.name);
    expect(order).toEqual([
      'D Day café',
      'E Any time',
      'B London evening haven', // in 2 hours
      'C London night line', // in 5 hours
      'A New York evening line', // 17:00 New York is in 7 hours
    ]);
  });

  it('orders lines alike in hours and urgency nearest first, a line with no place last', () => {
    const order = helpNowOrder(
      [
        card('Far', 'always', { distanceKm: 40 }),
        card('Nowhere', 'always'),
        card('Near', 'always', { distanceKm: 3 }),
      ],
      NOW,
      'Europe/London',
    ).map((c) => c.service.name);
    expect(order).toEqual(['Near', 'Far', 'Nowhere']);
  });

  it('keeps emergency before urgent among open lines, whatever the distance', () => {
    const order = helpNowOrder(
      [
        card('Urgent near', 'always', { distanceKm: 1 }),
        card('Emergency far', 'always', { distanceKm: 90, urgency: 'emergency' }),
      ],
      NOW,
      'Europe/London',
    ).map((c) => c.service.name);
    expect(order).toEqual(['Emergency far', 'Urgent near']);
  });
});
