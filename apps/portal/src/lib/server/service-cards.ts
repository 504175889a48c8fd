import { IanaTimeZone, Phone, REFERRAL_ROUTES, Schedule, URGENCIES } from '@promise-global/schema';
import type { ServiceHit } from '@promise-global/sdk/client/hub';
import type { ServiceSummary } from '@promise-global/ui';
import { openingStatus } from '@promise-global/ui/format';
import { z } from 'zod';

export interface ServiceCardData {
  href: string;
  partnerId: string;
  service: ServiceSummary;
  organisationName: string | null;
  /** Who may call: `anyone` (self or carer referral), `professionals` (only staff refer), or unsaid. */
  audience: Audience;
  /** Kilometres from the reader's rounded position to its nearest place, when both are known. */
  distanceKm: number | null;
}

export type Audience = 'anyone' | 'professionals' | 'unsaid';

/** Who may call a line, from its referral routes: self or carer referral means anyone may. */
export function audienceOf(routes: readonly string[]): Audience {
  if (routes.includes('self') || routes.includes('carer_family')) return 'anyone';
  return routes.length > 0 ? 'professionals' : 'unsaid';
}

const URGENCY_ORDER = ['emergency', 'urgent', 'non_urgent'];

/** Emergency first, then urgent crisis help, then the rest; the hub's order within each. */
export function byUrgency(a: ServiceCardData, b: ServiceCardData): number {
  return URGENCY_ORDER.indexOf(a.service.urgency) - URGENCY_ORDER.indexOf(b.service.urgency);
}

const AUDIENCE_ORDER: readonly Audience[] = ['anyone', 'unsaid', 'professionals'];

/**
 * "Help now" order: lines anyone may call first, professionals' lines last; within each, open
 * now (hours read in the service's own time zone, else `timeZone`) before closed, then emergency
 * before urgent, then (closed lines) the soonest to open, then nearest (when the reader shared
 * where they are; a line with no place after those with one), then name, then link (a stable
 * tie-break whatever order the hub sent).
 */
export function helpNowOrder(
  cards: readonly ServiceCardData[],
  now: Date,
  timeZone: string,
): ServiceCardData[] {
  const keyed = cards.map((card) => {
    const opening = openingStatus(card.service, now, card.service.timeZone ?? timeZone);
    return {
      card,
      audience: AUDIENCE_ORDER.indexOf(card.audience),
      closed: opening.state === 'open' ? 0 : 1,
      // Among closed lines of one urgency, the soonest to open first (no hours listed: 0).
      opensIn: opening.state === 'opens' ? opening.inMinutes : 0,
      distance: card.distanceKm ?? Number.POSITIVE_INFINITY,
      urgency: URGENCY_ORDER.indexOf(card.service.urgency),
    };
  });
  keyed.sort(
    (a, b) =>
      a.audience - b.audience ||
      a.closed - b.closed ||
      a.urgency - b.urgency ||
      a.opensIn - b.opensIn ||
      (a.distance === b.distance ? 0 : a.distance < b.distance ? -1 : 1) ||
      a.card.service.name.localeCompare(b.card.service.name, 'en') ||
      (a.card.href < b.card.href ? -1 : a.card.href > b.card.href ? 1 : 0),
  );
  return keyed.map((entry) => entry.card);
}

// A card names routes by kind only; a named team's route needs its team name, which hits omit.
const CARD_ROUTES = REFERRAL_ROUTES.filter(
  (route): route is Exclude<typeof route, 'named_team'> => route !== 'named_team',
);

/** What a card shows, checked: the hub's index holds it already (no record reads per hit). */
const CardFields = z.object({
  name: z.string(),
  urgency: z.enum(URGENCIES),
  available24x7: z.boolean(),
  phones: z.array(Phone),
  schedules: z.array(Schedule),
  timeZone: z.string().optional(),
  serviceAreas: z.array(z.object({ name: z.string() })),
  referralRoutes: z.array(z.object({ route: z.enum(CARD_ROUTES) })),
  assuredAt: z.string().optional(),
  reviewDue: z.string().optional(),
});

/** Cards for a page of service hits, straight from the hits' fields. */
export function serviceCards(hits: readonly ServiceHit[]): ServiceCardData[] {
  return hits.flatMap((hit) => {
    const parsed = CardFields.safeParse({
      name: hit.name,
      urgency: hit.urgency,
      available24x7: hit.available24x7,
      phones: hit.phones,
      schedules: hit.schedules,
      // A zone this runtime cannot read falls back to the portal's, rather than failing the page.
      timeZone:
        hit.timeZone && IanaTimeZone.safeParse(hit.timeZone).success ? hit.timeZone : undefined,
      serviceAreas: hit.areas.map((name) => ({ name })),
      referralRoutes: hit.referralRoutes
        .filter((route) => route !== 'named_team')
        .map((route) => ({ route })),
      assuredAt: hit.assuredAt ?? undefined,
      reviewDue: hit.reviewDue ?? undefined,
    });
    if (!parsed.success) return [];
    const service: ServiceSummary = parsed.data;
    return [
      {
        href: `/services/${encodeURIComponent(hit.partnerId)}/${encodeURIComponent(hit.id)}`,
        partnerId: hit.partnerId,
        service,
        organisationName: hit.organisationName,
        audience: audienceOf(hit.referralRoutes),
        distanceKm: hit.distanceKm ?? null,
      },
    ];
  });
}
