import { fromHub } from '$lib/server/hub-errors.js';
import { innovationCards } from '$lib/server/innovation-cards.js';
import { label } from '$lib/server/labels.js';
import { getPortal } from '$lib/server/portal.js';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
  const { hub } = getPortal();
  const [recent, innovationFacets, serviceFacets, partners] = await fromHub(() =>
    Promise.all([
      hub.searchInnovations({ limit: 4 }),
      hub.innovationFacets({}),
      hub.serviceFacets({}),
      hub.partners(),
    ]),
  );
  const directory = new Map(partners.map((partner) => [partner.partnerId, partner]));
  return {
    figures: {
      partners: partners.length,
      countries: new Set(partners.map((partner) => partner.country).filter(Boolean)).size,
      innovations: innovationFacets.kind.reduce((sum, facet) => sum + facet.count, 0),
      services: serviceFacets.urgency.reduce((sum, facet) => sum + facet.count, 0),
    },
    recent: await fromHub(() => innovationCards(hub, recent.items, directory)),
    themes: innovationFacets.theme
      .slice(0, 8)
      .map((facet) => ({ value: facet.value, label: label(facet.value), count: facet.count })),
  };
};
