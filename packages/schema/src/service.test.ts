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

  describe('time zone (1.1)', () => {
    it.each(['Europe/London', 'America/New_York', 'America/Argentina/Buenos_Aires', 'UTC'])(
      'accepts the IANA zone %s',
      (timeZone) => {
        expect(Service.parse({ ...homeTreatment, timeZone }).timeZone).toBe(timeZone);
      },
    );

    it.each([
      ['an unknown zone', 'Europe/Atlantis'],
      ['a UTC offset', '+01:00'],
      ['an abbreviation', 'BST'],
      ['a lower-case name', 'europe/london'],
      ['an empty string', ''],
      ['a path trick', 'Europe/../London'],
      ['a very long name', `Europe/${'A'.repeat(80)}`],
    ])('refuses %s with a message naming the field', (_, timeZone) => {
      const result = Service.safeParse({ ...homeTreatment, timeZone });
      expect(result.success).toBe(false);
      const paths = new Set(result.error?.issues.map((issue) => issue.path.join('.')));
      expect([...paths]).toEqual(['timeZone']);
      expect(result.error?.issues[0]?.message).toMatch(/IANA time zone|too long|Too big/i);
    });

    it('is optional: a service written at 1.0 still reads', () => {
      const { timeZone: _, ...older } = homeTreatment;
      expect(Service.parse(older).timeZone).toBeUndefined();
    });
  });

  describe('place coordinates (1.1)', () => {
    const place = homeTreatment.locations[0];
    const at = (latitude: unknown, longitude: unknown) => ({
      ...homeTreatment,
      locations: [{ ...place, latitude, longitude }],
    });

    it('accepts WGS84 degrees at the edges of their range', () => {
      expect(Service.safeParse(at(-90, 180)).success).toBe(true);
      expect(Service.safeParse(at(90, -180)).success).toBe(true);
      expect(Service.parse(at(50.9, -1.4)).locations[0]).toMatchObject({
        latitude: 50.9,
        longitude: -1.4,
      });
    });

    it.each([
      ['latitude above 90', 90.01, 0, 'locations.0.latitude'],
      ['latitude below -90', -91, 0, 'locations.0.latitude'],
      ['longitude above 180', 0, 180.5, 'locations.0.longitude'],
      ['longitude below -180', 0, -181, 'locations.0.longitude'],
      ['a latitude as a string', '50.9', 0, 'locations.0.latitude'],
      ['a latitude that is not a number', Number.NaN, 0, 'locations.0.latitude'],
      ['a latitude without a longitude', 50.9, undefined, 'locations.0.longitude'],
      ['a longitude without a latitude', undefined, -1.4, 'locations.0.latitude'],
    ])('refuses %s', (_, latitude, longitude, path) => {
      expect(issuePaths(Service, at(latitude, longitude))).toEqual([path]);
    });
  });
});
