import { countryName } from '#lib/country-name.js';
import { fromHub } from '#lib/server/hub-errors.js';
import { getPortal } from '#lib/server/portal.js';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
  const partners = await fromHub(() => getPortal().hub.partners());
  return {
    partners: partners
      .map((partner) => ({ ...partner, countryName: countryName(partner.country) }))
      .sort((a, b) => a.name.localeCompare(b.name)),
  };
};
