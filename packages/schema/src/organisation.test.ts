import { describe, expect, it } from 'vitest';
import { organisation, organisationInput } from '../test/fixtures.js';
import { type BadField, expectRefusedAt } from '../test/issues.js';
import { Organisation, OrganisationInput } from './organisation.js';
import { ORGANISATION_TYPES } from './vocabularies.js';

describe('Organisation', () => {
  it('accepts an organisation', () => {
    expect(Organisation.parse(organisation)).toEqual(organisation);
  });

  it('accepts what an author writes, defaulting identifiers to none', () => {
    const { identifiers: _, ...rest } = organisationInput;
    expect(OrganisationInput.parse(rest).identifiers).toEqual([]);
  });

  it.each(ORGANISATION_TYPES)('accepts the type %s', (type) => {
    expect(Organisation.safeParse({ ...organisation, type }).success).toBe(true);
  });

  it.each<BadField>([
    ['id', 'abc'],
    ['id', undefined],
    ['name', ' '],
    ['description', 'x'.repeat(4001)],
    ['website', 'data:text/html,hi'],
    ['email', 'enquiries'],
    ['identifiers.0.scheme', 'passport'],
    ['identifiers.1.value', ''],
    ['type', 'bank'],
    ['type', undefined],
    ['updatedAt', '2026-01-05'],
  ])('refuses %s = %j with an issue naming the field', (...row) => {
    expectRefusedAt(Organisation, organisation, row);
  });

  it('refuses more than ten identifiers', () => {
    const identifiers = Array.from({ length: 11 }, (_, i) => ({ scheme: 'other', value: `${i}` }));
    expect(OrganisationInput.safeParse({ ...organisationInput, identifiers }).success).toBe(false);
  });
});
