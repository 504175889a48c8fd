import { describe, expect, it } from 'vitest';
import { crisisLine, crisisLineInput, homeTreatment, minimalService } from '../test/fixtures.js';
import { type BadField, expectRefusedAt, issuePaths } from '../test/issues.js';
import { Service, ServiceInput } from './service.js';
import {
  REFERRAL_ROUTES,
  SERVICE_CATEGORIES,
  SERVICE_STATUSES,
  URGENCIES,
} from './vocabularies.js';

describe('Service', () => {
  it.each([
    ['a 24/7 crisis line', crisisLine],
    ['a home treatment team', homeTreatment],
    ['a minimal service', minimalService],
  ])('accepts %s', (_, service) => {
    expect(Service.safeParse(service).success).toBe(true);
  });

  it('fills the defaults an author may leave out', () => {
    expect(Service.parse(minimalService)).toMatchObject({
      status: 'active',
      phones: [],
      schedules: [],
      serviceAreas: [],
      locations: [],
      languages: [],
      referralRoutes: [],
      available24x7: false,
    });
    expect(Service.parse(homeTreatment).phones[0]?.type).toBe('voice');
  });

  it('accepts what an author writes, without id or updatedAt', () => {
    expect(ServiceInput.safeParse(crisisLineInput).success).toBe(true);
    expect(Service.safeParse(crisisLineInput).success).toBe(false);
  });

  it.each(SERVICE_STATUSES)('accepts the status %s', (status) => {
    expect(Service.safeParse({ ...minimalService, status }).success).toBe(true);
  });
  it.each(URGENCIES)('accepts the urgency %s', (urgency) => {
    expect(Service.safeParse({ ...minimalService, urgency }).success).toBe(true);
  });
  it.each(SERVICE_CATEGORIES)('accepts the category %s', (category) => {
    expect(Service.safeParse({ ...minimalService, categories: [category] }).success).toBe(true);
  });
  it.each(REFERRAL_ROUTES.filter((r) => r !== 'named_team'))('accepts the route %s', (route) => {
    expect(Service.safeParse({ ...minimalService, referralRoutes: [{ route }] }).success).toBe(
      true,
    );
  });

  it.each<BadField>([
    ['id', 'not-a-uuid'],
    ['organisationId', undefined],
    ['name', ''],
    ['name', 'x'.repeat(201)],
    ['description', undefined],
    ['status', 'closed'],
    ['url', 'javascript:alert(1)'],
    ['email', 'frs at example.org'],
    ['phones.0.number', '01632 96000a'],
    ['phones.1.type', 'pager'],
    ['phones.2.description', ''],
    ['serviceAreas.0.name', ''],
    ['serviceAreas.1.code', 'x'.repeat(33)],
    ['locations.0.type', 'postal'],
    ['locations.0.url', 'vbscript:x'],
    ['languages.1', 'Welsh'],
    ['available24x7', 'yes'],
    ['urgency', 'soon'],
    ['urgency', undefined],
    ['responseStandard.target', '1 hour'],
    ['responseStandard.description', 'x'.repeat(281)],
    ['referralRoutes.0.route', 'police'],
    ['categories', []],
    ['categories.0', 'astrology'],
    ['assuredAt', '2026-01-04'],
    ['reviewDue', '2026-02-30'],
    ['updatedAt', undefined],
  ])('refuses %s = %j with an issue naming the field', (...row) => {
    expectRefusedAt(Service, crisisLine, row);
  });

  it.each<BadField>([
    ['schedules.0.byday', []],
    ['schedules.0.byday.0', 'MON'],
    ['schedules.0.opensAt', '9am'],
    ['schedules.1.closesAt', '24:00'],
    ['locations.0.address.country', 'England'],
    ['locations.0.address.line1', ''],
    ['locations.0.accessibility', 'x'.repeat(1001)],
    ['eligibilityDescription', ' '],
    ['minAge', -1],
    ['minAge', 17.5],
    ['maxAge', 121],
    ['referralRoutes.0.teamName', undefined],
    ['referralRoutes.1.teamName', ''],
  ])('refuses %s = %j with an issue naming the field', (...row) => {
    expectRefusedAt(Service, homeTreatment, row);
  });

  it('refuses a maximum age below the minimum age, naming maxAge', () => {
    expect(issuePaths(Service, { ...homeTreatment, minAge: 30, maxAge: 18 })).toEqual(['maxAge']);
    expect(Service.safeParse({ ...homeTreatment, minAge: 18, maxAge: 18 }).success).toBe(true);
  });

  it('bounds the lists a service carries', () => {
    const many = <T>(n: number, item: T) => Array.from({ length: n }, () => item);
    expect(issuePaths(Service, { ...minimalService, phones: many(11, { number: '111' }) })).toEqual(
      ['phones'],
    );
    expect(issuePaths(Service, { ...minimalService, categories: many(11, 'crisis') })).toContain(
      'categories',
    );
  });
});
