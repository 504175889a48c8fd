import { countryName } from '#lib/country-name.js';
import { fromHub } from '#lib/server/hub-errors.js';
import { getPortal } from '#lib/server/portal.js';
import { relayedVia } from '#lib/server/relay.js';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ setHeaders }) => {
  const nodes = await fromHub(() => getPortal().liveHub.nodeStatus());
  setHeaders({ 'cache-control': 'no-store' });
  return {
    now: Date.now(),
    nodes: nodes
      .filter((node) => node.state !== 'removed')
      .map((node) => ({ ...node, countryName: countryName(node.country), via: relayedVia(node) }))
      .sort((a, b) => a.name.localeCompare(b.name)),
  };
};
