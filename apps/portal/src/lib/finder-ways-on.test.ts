import { describe, expect, it } from 'vitest';
import { finderWaysOn } from './finder-ways-on.js';

const url = (search: string) => new URL(`https://portal.example.org/services?${search}`);
const labelOf = (_param: string, value: string) => value.toUpperCase();

describe('ways on from an empty finder search', () => {
  it('takes back one thing at a time, keeping the rest, and always offers the crisis lines', () => {
    const ways = finderWaysOn(
      url('q=cafe&category=peer_support&area=Havant&open=now&age=15&page=2'),
      {
        q: 'cafe',
        lists: { categories: ['peer_support'], areas: ['Havant'] },
        openNow: true,
        open247: false,
        age: 15,
      },
      labelOf,
    );
    expect(ways).toEqual([
      {
        href: '/services?category=peer_support&area=Havant&open=now&age=15',
        text: 'Search without the words “cafe”',
      },
      { href: '/services?q=cafe&area=Havant&open=now&age=15', text: 'Remove “PEER_SUPPORT”' },
      { href: '/services?q=cafe&category=peer_support&open=now&age=15', text: 'Remove “HAVANT”' },
      {
        href: '/services?q=cafe&category=peer_support&area=Havant&age=15',
        text: 'Include services closed now',
      },
      { href: '/services?q=cafe&category=peer_support&area=Havant&open=now', text: 'Any age' },
      { href: '/services?urgency=emergency&urgency=urgent', text: 'See every crisis line' },
    ]);
  });

  it('offers only the crisis lines when nothing was asked', () => {
    const asked = { q: '', lists: {}, openNow: false, open247: false, age: null };
    expect(finderWaysOn(url(''), asked, labelOf).map((way) => way.text)).toEqual([
      'See every crisis line',
    ]);
  });
});
