import { describe, expect, it } from 'vitest';
import { dropOneWord, withoutValue, withQuery } from './empty-search.js';

describe('ways on from an empty search', () => {
  it('offers the query with one word left out, each way', () => {
    expect(dropOneWord('crisis café night')).toEqual(['café night', 'crisis night', 'crisis café']);
    expect(dropOneWord('restraint')).toEqual([]);
    expect(dropOneWord('  a  b ')).toEqual(['b', 'a']);
  });

  it('removes one filter value and keeps the rest of the search', () => {
    const url = new URL(
      'https://portal.example.org/innovations?q=peer&theme=a&theme=b&page=2&cursor=x',
    );
    expect(withoutValue(url, 'theme', 'a')).toBe('/innovations?q=peer&theme=b');
    expect(withoutValue(url, 'theme', 'b')).toBe('/innovations?q=peer&theme=a');
    expect(withQuery(url, 'crisis')).toBe('/innovations?q=crisis&theme=a&theme=b');
    expect(withQuery(new URL('https://p.example/innovations?q=x'), null)).toBe('/innovations');
  });
});
