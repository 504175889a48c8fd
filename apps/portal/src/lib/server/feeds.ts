import type { Follow } from '#lib/follow.js';
import { getPortal } from './portal.js';

/**
 * The hub's feed at `{hub}{prefix}/rss.xml` (and `atom.xml`, `feed.json`), absolute to the hub as
 * readers reach it. Prefixes: `` (the network), `/themes/{theme}`, `/partners/{partnerId}`,
 * `/services/crisis` (crisis-service changes), `/bulletins`.
 */
export function follow(name: string, title: string, prefix: string): Follow {
  const base = `${getPortal().config.hubPublicUrl}${prefix}`;
  const rss = `${base}/rss.xml`;
  const atom = `${base}/atom.xml`;
  const json = `${base}/feed.json`;
  return {
    name,
    rss,
    atom,
    json,
    links: [
      { href: rss, type: 'application/rss+xml', title: `${title} (RSS)` },
      { href: atom, type: 'application/atom+xml', title: `${title} (Atom)` },
      { href: json, type: 'application/feed+json', title: `${title} (JSON Feed)` },
    ],
  };
}

export const NETWORK_FEED = { name: 'new pieces', title: 'New pieces', prefix: '' } as const;

export function themeFollow(theme: string, label: string): Follow {
  return follow(label, label, `/themes/${encodeURIComponent(theme)}`);
}

export function partnerFollow(partnerId: string, name: string): Follow {
  return follow(name, `Pieces from ${name}`, `/partners/${encodeURIComponent(partnerId)}`);
}
