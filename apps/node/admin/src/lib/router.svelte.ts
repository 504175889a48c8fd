/** The workspace's own paths live under /admin; the node serves index.html for all of them. */
export const BASE = '/admin';

/** The current path, and its query string (`?q=…&cursor=…`, or empty) for paged lists. */
export const location = $state({ path: currentPath(), search: window.location.search });

function currentPath(): string {
  const path = window.location.pathname.replace(/\/+$/, '');
  return path === '' ? BASE : path;
}

/** Moves to `path` (under /admin) without reloading. */
export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (options.replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  location.path = currentPath();
  location.search = window.location.search;
}

window.addEventListener('popstate', () => {
  location.path = currentPath();
  location.search = window.location.search;
});

/**
 * Follows a GET form (a list's search box) without a reload: its fields become the query string,
 * empty ones left out. Without script the browser submits the same form itself.
 */
export function submitSearch(event: SubmitEvent): void {
  const form = event.target;
  if (!(form instanceof HTMLFormElement)) return;
  event.preventDefault();
  const query = new URLSearchParams();
  for (const [name, value] of new FormData(form)) {
    if (typeof value === 'string' && value.trim() !== '') query.set(name, value.trim());
  }
  const text = query.toString();
  navigate(`${new URL(form.action).pathname}${text ? `?${text}` : ''}`);
}

/** Follows same-app links without a reload; anything else (new tab, other sites) is left alone. */
export function interceptLinks(event: MouseEvent): void {
  if (event.defaultPrevented || event.button !== 0) return;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const anchor = (event.target as Element | null)?.closest?.('a');
  if (!anchor || anchor.target || anchor.hasAttribute('download')) return;
  const url = new URL(anchor.href, window.location.href);
  if (url.origin !== window.location.origin) return;
  if (url.pathname !== BASE && !url.pathname.startsWith(`${BASE}/`)) return;
  if (url.hash && url.pathname === window.location.pathname) return;
  event.preventDefault();
  navigate(url.pathname + url.search);
}

export type Route =
  | { page: 'dashboard' }
  | { page: 'sign-in' }
  | { page: 'write-ups' }
  | { page: 'write-up'; id: string | null }
  | { page: 'services' }
  | { page: 'service'; id: string | null }
  | { page: 'organisations' }
  | { page: 'organisation'; id: string | null }
  | { page: 'network' }
  | { page: 'network-piece'; partnerId: string; id: string }
  | { page: 'reports' }
  | { page: 'not-found' };

/** Which page a path shows. */
export function match(path: string): Route {
  const rest = path === BASE ? '' : path.slice(BASE.length + 1);
  const [section, id, more] = rest.split('/');
  if (section === '' || section === undefined) return { page: 'dashboard' };
  if (section === 'sign-in') return { page: 'sign-in' };
  if (section === 'reports' && id === undefined) return { page: 'reports' };
  const one = id === undefined ? undefined : id === 'new' ? null : decodeURIComponent(id);
  if (section === 'write-ups')
    return one === undefined ? { page: 'write-ups' } : { page: 'write-up', id: one };
  if (section === 'services')
    return one === undefined ? { page: 'services' } : { page: 'service', id: one };
  if (section === 'organisations') {
    return one === undefined ? { page: 'organisations' } : { page: 'organisation', id: one };
  }
  if (section === 'network') {
    if (id === undefined) return { page: 'network' };
    if (more !== undefined) {
      return {
        page: 'network-piece',
        partnerId: decodeURIComponent(id),
        id: decodeURIComponent(more),
      };
    }
  }
  return { page: 'not-found' };
}
