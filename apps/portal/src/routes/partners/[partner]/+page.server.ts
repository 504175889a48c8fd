import { error } from '@sveltejs/kit';
import { countryName } from '#lib/country-name.js';
import { partnerFollow } from '#lib/server/feeds.js';
import { fromHub } from '#lib/server/hub-errors.js';
import { innovationCards } from '#lib/server/innovation-cards.js';
import { getPortal } from '#lib/server/portal.js';
import { relayedVia } from '#lib/server/relay.js';
import { byUrgency, serviceCards } from '#lib/server/service-cards.js';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
  const { hub, config } = getPortal();
  const [partners, statuses, innovations, services] = await fromHub(() =>
    Promise.all([
      hub.partners(),
      hub.nodeStatus(),
      hub.searchInnovations({ filters: { partners: [params.partner] }, limit: 20 }),
      hub.searchServices({ filters: { partners: [params.partner] }, limit: 30 }),
    ]),
  );
  const summary = partners.find((partner) => partner.partnerId === params.partner);
  if (summary === undefined) error(404, { message: 'Page not found', code: 'NOT_FOUND' });
  const status = statuses.find((node) => node.partnerId === params.partner);
  return {
    partner: {
      id: summary.partnerId,
      name: summary.name,
      country: countryName(summary.country),
      nodeUrl: summary.nodeUrl,
      description: summary.description,
      website: summary.website,
      region: summary.region,
    },
    status: status ?? null,
    follow: partnerFollow(summary.partnerId, summary.name),
    via: relayedVia(status),
    health: summary.health,
    innovations: innovationCards(innovations.items, new Map([[summary.partnerId, summary]])),
    moreInnovations: innovations.nextCursor !== null,
    services: serviceCards(services.items).sort(byUrgency),
    moreServices: services.nextCursor !== null,
    now: Date.now(),
    timeZone: config.timeZone,
  };
};
