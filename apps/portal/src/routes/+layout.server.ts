import { follow, NETWORK_FEED } from '#lib/server/feeds.js';
import { project52Available } from '#lib/server/project52.js';
import type { LayoutServerLoad } from './$types';

/** Feed links for every page's head (absolute: the hub serves them) and whether bulletins exist. */
export const load: LayoutServerLoad = async () => {
  const bulletins = await project52Available();
  const feeds = [
    ...follow(NETWORK_FEED.name, NETWORK_FEED.title, NETWORK_FEED.prefix).links,
    ...(bulletins
      ? follow('Project 52 bulletins', 'Project 52 bulletins', '/bulletins').links
      : []),
  ];
  return { feeds, bulletins };
};
