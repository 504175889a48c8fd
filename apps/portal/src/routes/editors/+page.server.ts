import { fromHub } from '#lib/server/hub-errors.js';
import { getPortal } from '#lib/server/portal.js';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
  const nodes = await fromHub(() => getPortal().liveHub.nodeStatus());
  const live = nodes.filter((node) => node.state !== 'removed');
  return {
    nodes: live.length,
    needAttention: live.filter(
      (node) =>
        node.health === 'failing' ||
        node.health === 'withholding' ||
        node.health === 'needs-attention',
    ).length,
    suspended: live.filter((node) => node.state === 'suspended').length,
  };
};
