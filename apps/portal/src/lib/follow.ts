/** A `<link rel="alternate">` for a page's head. */
export interface FeedLink {
  href: string;
  type: string;
  title: string;
}

/** One feed the hub serves, in its three formats, and how the portal names it. */
export interface Follow {
  /** What a reader follows, as the visible link says it: "Follow {name}". */
  name: string;
  rss: string;
  atom: string;
  json: string;
  links: FeedLink[];
}

/** The page's own feeds first (a reader offered several takes the first), then the site's, once each. */
export function headFeeds(
  pageFollow: Follow | null | undefined,
  site: readonly FeedLink[],
): FeedLink[] {
  const seen = new Set<string>();
  return [...(pageFollow?.links ?? []), ...site].filter((link) => {
    if (seen.has(link.href)) return false;
    seen.add(link.href);
    return true;
  });
}
