import { describe, expect, it } from 'vitest';
import { apiQuery, listHref } from './list-links.js';

describe('list links', () => {
  it('keeps the search and filters on a page link, and starts a new search at the first page', () => {
    const search = '?q=crisis&review=due&cursor=abc';
    expect(listHref('/admin/services', search, { cursor: 'def' })).toBe(
      '/admin/services?q=crisis&review=due&cursor=def',
    );
    expect(listHref('/admin/services', search, { review: 'checked' })).toBe(
      '/admin/services?q=crisis&review=checked',
    );
    expect(listHref('/admin/services', search, { q: null, review: '' })).toBe('/admin/services');
  });

  it('sends the API only the parameters a page names, trimmed, with a limit', () => {
    expect(apiQuery('?q=+crisis+&cursor=abc&limit=5000&review=', ['q', 'review', 'cursor'])).toBe(
      'limit=50&q=crisis&cursor=abc',
    );
    expect(apiQuery('', ['q'], 8)).toBe('limit=8');
  });
});
