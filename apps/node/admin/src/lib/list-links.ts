/**
 * The address of a list page: `path` with the current query string `search` changed by
 * `changes` (an empty or undefined value drops the parameter). A new search or filter starts
 * again at the first page, so it drops `cursor` too.
 */
export function listHref(
  path: string,
  search: string,
  changes: Record<string, string | null | undefined>,
): string {
  const query = new URLSearchParams(search);
  if (!('cursor' in changes)) query.delete('cursor');
  for (const [name, value] of Object.entries(changes)) {
    if (value) query.set(name, value);
    else query.delete(name);
  }
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

/** The API query for a list page: the page's own parameters (only those named) and a limit. */
export function apiQuery(search: string, names: readonly string[], limit = 50): string {
  const given = new URLSearchParams(search);
  const query = new URLSearchParams({ limit: String(limit) });
  for (const name of names) {
    const value = given.get(name)?.trim();
    if (value) query.set(name, value);
  }
  return query.toString();
}
