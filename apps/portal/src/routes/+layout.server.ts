import { follow, NETWORK_FEED } from '#lib/server/feeds.js';
import { helplinesFor } from '#lib/server/helplines.js';
import { project52Available } from '#lib/server/project52.js';
import type { LayoutServerLoad } from './$types';

/**
 * Feed links for every page's head (absolute: the hub serves them), whether bulletins exist, and
 * the portal's country's national numbers for every page's help box.
 */
export const load: LayoutServerLoad = async () => {
  const [bulletins, helplines] = await Promise.all([project52Available(), helplinesFor()]);
  const feeds = [
    ...follow(NETWORK_FEED.name, NETWORK_FEED.title, NETWORK_FEED.prefix).links,
    ...(bulletins
      ? follow('Project 52 bulletins', 'Project 52 bulletins', '/bulletins').links
      : []),
  ];
  return { feeds, bulletins, helplines };
};
