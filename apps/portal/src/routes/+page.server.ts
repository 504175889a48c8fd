import type { Project52Week } from '@promise-global/sdk/client/hub';
import { countryName } from '#lib/country-name.js';
import { fromHub } from '#lib/server/hub-errors.js';
import { innovationCards } from '#lib/server/innovation-cards.js';
import { label } from '#lib/server/labels.js';
import { getPortal } from '#lib/server/portal.js';
import { innovationPath } from '#lib/server/portal-paths.js';
import { project52Schedule } from '#lib/server/project52.js';
import type { PageServerLoad } from './$types';

function weekCard(week: Project52Week) {
  return {
    week: week.week,
    label: week.label,
    title: week.title ?? 'A piece to be announced',
    partnerName: week.partnerName ?? week.partnerId,
    href: innovationPath(week.partnerId, week.recordId),
  };
}

export const load: PageServerLoad = async () => {
  const { hub } = getPortal();
  const [recent, innovationFacets, serviceFacets, partners, schedule] = await fromHub(() =>
    Promise.all([
      hub.searchInnovations({ limit: 4, sort: 'newest' }),
      hub.innovationFacets({}),
      hub.serviceFacets({}),
      hub.partners(),
      project52Schedule(),
    ]),
  );
  const directory = new Map(partners.map((partner) => [partner.partnerId, partner]));
  const thisWeek = schedule?.thisWeek ?? null;
  // The week's piece leads the page with its summary (from its bulletin); the recent list leaves it out.
  const bulletin = thisWeek ? await hub.bulletin({ week: thisWeek.week }).catch(() => null) : null;
  const cards = innovationCards(recent.items, directory);
  return {
    figures: {
      partners: partners.length,
      countries: new Set(partners.map((partner) => partner.country).filter(Boolean)).size,
      innovations: recent.total,
      services: serviceFacets.urgency.reduce((sum, facet) => sum + facet.count, 0),
    },
    thisWeek: thisWeek
      ? {
          ...weekCard(thisWeek),
          card: bulletin
            ? {
                href: innovationPath(bulletin.piece.partnerId, bulletin.piece.recordId),
                title: bulletin.piece.title,
                summary: bulletin.piece.summary,
                excerpt: [],
                partnerName: bulletin.piece.partnerName,
                country: countryName(directory.get(bulletin.piece.partnerId)?.country),
                kind: label(bulletin.piece.kind),
                themes: bulletin.piece.themes.map(label),
                date: undefined,
              }
            : null,
        }
      : null,
    comingUp: (schedule?.comingUp ?? []).slice(0, 4).map(weekCard),
    recent: thisWeek
      ? cards.filter((card) => card.href !== innovationPath(thisWeek.partnerId, thisWeek.recordId))
      : cards,
    themes: innovationFacets.theme
      .slice(0, 8)
      .map((facet) => ({ value: facet.value, label: label(facet.value), count: facet.count })),
  };
};
