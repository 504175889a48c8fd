import { Partner } from '@promise-global/schema';
import { error } from '@sveltejs/kit';
import { countryName } from '$lib/country-name.js';
import { fromHub } from '$lib/server/hub-errors.js';
import { innovationCards } from '$lib/server/innovation-cards.js';
import { getPortal } from '$lib/server/portal.js';
import { byUrgency, serviceCards } from '$lib/server/service-cards.js';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
  const { hub } = getPortal();
  const [partners, statuses, record, innovations, services] = await fromHub(() =>
    Promise.all([
      hub.partners(),
      hub.nodeStatus(),
      hub.getRecord({ partnerId: params.partner, type: 'partner', id: params.partner }),
      hub.searchInnovations({ filters: { partners: [params.partner] }, limit: 20 }),
      hub.searchServices({ filters: { partners: [params.partner] }, limit: 30 }),
    ]),
  );
  const summary = partners.find((partner) => partner.partnerId === params.partner);
  if (summary === undefined) error(404, { message: 'Page not found', code: 'NOT_FOUND' });
  const profile = Partner.safeParse(record?.data);
  const cards = await fromHub(() => serviceCards(hub, services.items));
  return {
    partner: {
      id: summary.partnerId,
      name: summary.name,
      country: countryName(summary.country),
      nodeUrl: summary.nodeUrl,
      description: profile.success ? profile.data.description : null,
      website: profile.success ? profile.data.website : null,
      region: profile.success ? (profile.data.region ?? null) : null,
    },
    status: statuses.find((node) => node.partnerId === params.partner) ?? null,
    health: summary.health,
    innovations: await fromHub(() =>
      innovationCards(hub, innovations.items, new Map([[summary.partnerId, summary]])),
    ),
    moreInnovations: innovations.nextCursor !== null,
    services: cards.sort(byUrgency),
    moreServices: services.nextCursor !== null,
    now: Date.now(),
  };
};
