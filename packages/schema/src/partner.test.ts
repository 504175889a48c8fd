import { describe, expect, it } from 'vitest';
import { partner } from '../test/fixtures.js';
import { type BadField, expectRefusedAt } from '../test/issues.js';
import { Partner } from './partner.js';

describe('Partner', () => {
  it('accepts a partner and keeps what it says', () => {
    expect(Partner.parse(partner)).toEqual(partner);
  });

  it('accepts a partner without a region', () => {
    const { region: _, ...withoutRegion } = partner;
    expect(Partner.safeParse(withoutRegion).success).toBe(true);
  });

  it('ignores fields it does not know (a newer minor may add them)', () => {
    expect(Partner.parse({ ...partner, logo: 'https://example.org/logo.png' })).toEqual(partner);
  });

  it.each<BadField>([
    ['id', 'CPFT'],
    ['id', undefined],
    ['name', ''],
    ['name', 'x'.repeat(201)],
    ['country', 'UK'],
    ['country', undefined],
    ['region', '   '],
    ['website', 'javascript:alert(1)'],
    ['website', undefined],
    ['contactEmail', 'not an email'],
    ['baseUrl', 'ftp://node.example.org'],
    ['description', 42],
  ])('refuses %s = %j with an issue naming the field', (...row) => {
    expectRefusedAt(Partner, partner, row);
  });
});
