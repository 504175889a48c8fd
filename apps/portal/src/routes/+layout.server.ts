import { getPortal } from '#lib/server/portal.js';
import { project52Available } from '#lib/server/project52.js';
import type { LayoutServerLoad } from './$types';

/** Feed links for every page's head (absolute: the hub serves them) and whether bulletins exist. */
export const load: LayoutServerLoad = async () => {
  const hub = getPortal().config.hubPublicUrl;
  const bulletins = await project52Available();
  const feeds = [
    { href: `${hub}/rss.xml`, type: 'application/rss+xml', title: 'New pieces (RSS)' },
    { href: `${hub}/atom.xml`, type: 'application/atom+xml', title: 'New pieces (Atom)' },
    { href: `${hub}/feed.json`, type: 'application/feed+json', title: 'New pieces (JSON Feed)' },
  ];
  if (bulletins) {
    feeds.push(
      {
        href: `${hub}/bulletins/rss.xml`,
        type: 'application/rss+xml',
        title: 'Project 52 bulletins (RSS)',
      },
      {
        href: `${hub}/bulletins/atom.xml`,
        type: 'application/atom+xml',
        title: 'Project 52 bulletins (Atom)',
      },
      {
        href: `${hub}/bulletins/feed.json`,
        type: 'application/feed+json',
        title: 'Project 52 bulletins (JSON Feed)',
      },
    );
  }
  return { feeds, bulletins };
};
