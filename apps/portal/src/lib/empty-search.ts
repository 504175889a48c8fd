/** One way on from a search that found nothing: a link, what it does, and how many it finds. */
export interface Suggestion {
  href: string;
  text: string;
  count?: number;
}

const MAX_DROPS = 4;

/** The query with one word left out, each way (first words first), for "nearest matches". */
export function dropOneWord(q: string): string[] {
  const words = q.split(/\s+/).filter(Boolean);
  if (words.length < 2) return [];
  return words
    .slice(0, MAX_DROPS)
    .map((_, index) => words.filter((__, other) => other !== index).join(' '));
}

/** The URL's search without one value of one parameter (and without its page or cursor). */
export function withoutValue(
  url: Pick<URL, 'pathname' | 'search'>,
  name: string,
  value: string,
): string {
  const params = new URLSearchParams(url.search);
  const kept = params.getAll(name).filter((other) => other !== value);
  params.delete(name);
  for (const other of kept) params.append(name, other);
  params.delete('cursor');
  params.delete('page');
  const search = params.toString();
  return search ? `${url.pathname}?${search}` : url.pathname;
}

/** The URL's search with `q` replaced (filters kept; page and cursor dropped). */
export function withQuery(url: Pick<URL, 'pathname' | 'search'>, q: string | null): string {
  const params = new URLSearchParams(url.search);
  if (q) params.set('q', q);
  else params.delete('q');
  params.delete('cursor');
  params.delete('page');
  const search = params.toString();
  return search ? `${url.pathname}?${search}` : url.pathname;
}
