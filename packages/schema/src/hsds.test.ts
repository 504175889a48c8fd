import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createAjv } from '../test/ajv.js';
import * as arbitrary from '../test/arbitraries.js';
import {
  crisisLine,
  homeTreatment,
  minimalService,
  ORGANISATION_ID,
  organisation,
} from '../test/fixtures.js';
import { HsdsMappingError, nameUuid, toHsdsService } from './hsds.js';
import { Organisation } from './organisation.js';
import { Service } from './service.js';

const org = Organisation.parse(organisation);
const services = {
  '24/7 crisis line': Service.parse(crisisLine),
  'home treatment with named-team referrals': Service.parse(homeTreatment),
  'minimal service': Service.parse(minimalService),
};
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const hsdsServiceSchema = fileURLToPath(
  new URL('../../../../shared/standards/hsds-3.0/service.json', import.meta.url),
);

describe.skipIf(!existsSync(hsdsServiceSchema))('HSDS 3.0 conformance', () => {
  const validate = createAjv({ validateSchema: false }).compile(
    JSON.parse(readFileSync(hsdsServiceSchema, 'utf8')),
  );
  it.each(Object.entries(services))(
    'maps a %s to a service the official schema accepts',
    (_, service) => {
      const ok = validate(toHsdsService(service, org));
      expect(validate.errors ?? []).toEqual([]);
      expect(ok).toBe(true);
    },
  );
  it('maps any valid service to a service the official schema accepts', () => {
    fc.assert(
      fc.property(arbitrary.service, (doc) => {
        const service = Service.parse({ ...doc, organisationId: ORGANISATION_ID });
        expect(validate(toHsdsService(service, org)) || validate.errors).toBe(true);
      }),
      { numRuns: 50 },
    );
  });
  it('the official schema refuses a mapped service whose phone lost its number', () => {
    const hsds = toHsdsService(services['24/7 crisis line'], org);
    const broken = { ...hsds, phones: hsds.phones.map(({ number: _, ...rest }) => rest) };
    expect(validate(broken)).toBe(false);
  });
});

describe('toHsdsService', () => {
  const crisis = toHsdsService(services['24/7 crisis line'], org);
  const team = toHsdsService(services['home treatment with named-team referrals'], org);
  const minimal = toHsdsService(services['minimal service'], org);

  it('writes a 24/7 service as an every-day 00:00–23:59 schedule and as an attribute', () => {
    expect(crisis.schedules).toHaveLength(1);
    expect(crisis.schedules[0]).toMatchObject({
      freq: 'WEEKLY',
      byday: 'MO,TU,WE,TH,FR,SA,SU',
      opens_at: '00:00',
      closes_at: '23:59',
    });
    const flag = crisis.attributes.find((a) => a.taxonomy_term.code === 'available_24x7');
    expect(flag?.value).toBe('true');
    expect(minimal.attributes.find((a) => a.taxonomy_term.code === 'available_24x7')?.value).toBe(
      'false',
    );
  });

  it('writes authored schedules with byday as a comma list', () => {
    expect(team.schedules.map((s) => [s.byday, s.opens_at, s.closes_at, s.description])).toEqual([
      ['MO,TU,WE,TH,FR', '09:00', '17:00', undefined],
      ['SA,SU', '10:00', '16:00', 'Weekend cover'],
    ]);
  });

  it('carries urgency, response standard, referral routes and categories as attributes', () => {
    const byCode = new Map(team.attributes.map((a) => [a.taxonomy_term.code, a]));
    expect(byCode.get('urgency.urgent')?.value).toBe('urgent');
    expect(byCode.get('response_standard')?.value).toBe('PT4H');
    expect(team.wait_time).toBe('Seen within four hours of referral.');
    const teams = team.attributes.filter(
      (a) => a.taxonomy_term.code === 'referral_route.named_team',
    );
    expect(teams.map((a) => a.value)).toEqual(['First Response Service', 'Liaison Psychiatry']);
    expect(byCode.has('referral_route.gp')).toBe(true);
    expect(byCode.get('category.home_treatment')?.taxonomy_term.name).toBe('Home treatment');
    expect(byCode.has('category.crisis')).toBe(true);
    for (const a of team.attributes) {
      expect(a.link_id).toBe(team.id);
      expect(a.taxonomy_term_id).toBe(a.taxonomy_term.id);
    }
  });

  it('gives the same taxonomy term the same id in every service', () => {
    const termId = (hsds: typeof crisis, code: string) =>
      hsds.attributes.find((a) => a.taxonomy_term.code === code)?.taxonomy_term.id;
    expect(termId(crisis, 'category.crisis')).toBeDefined();
    expect(termId(crisis, 'category.crisis')).toBe(termId(team, 'category.crisis'));
  });

  it('maps dates, phones, areas, languages, locations and the organisation', () => {
    expect(crisis.assured_date).toBe('2026-01-04');
    expect(crisis.last_modified).toBe('2026-01-05T09:30:00.000Z');
    expect(team.last_modified).toBe('2026-02-01T11:00:00.250Z');
    expect(crisis.phones.map((p) => [p.number, p.type])).toEqual([
      ['111', 'voice'],
      ['+44 1632 960001', 'voice'],
      ['01632 960002', 'text'],
    ]);
    expect(crisis.service_areas[1]).toMatchObject({
      name: 'Peterborough',
      uri: 'http://statistics.data.gov.uk/id/statistical-geography/E06000031',
    });
    expect(crisis.service_areas[1]?.attributes?.[0]?.value).toBe('E06000031');
    expect(crisis.languages.map((l) => [l.code, l.name, l.note])).toEqual([
      ['en', 'English', undefined],
      ['cy', 'Welsh', undefined],
      ['en', 'British English', 'en-GB'],
    ]);
    expect(team.minimum_age).toBe(18);
    expect(team.maximum_age).toBe(65);
    expect(team.service_at_locations[0]?.location.addresses?.[0]).toMatchObject({
      address_1: '1 Example Road',
      city: 'Huntingdon',
      postal_code: 'PE29 0AA',
      country: 'GB',
    });
    expect(crisis.organization).toMatchObject({ id: ORGANISATION_ID, name: org.name });
    expect(crisis.organization_id).toBe(ORGANISATION_ID);
    expect(crisis.organization.organization_identifiers.map((i) => i.identifier_scheme)).toEqual([
      'GB-NHS',
      undefined,
    ]);
  });

  it('leaves out what the service does not say', () => {
    expect(minimal).not.toHaveProperty('assured_date');
    expect(minimal).not.toHaveProperty('wait_time');
    expect(minimal).not.toHaveProperty('url');
    expect(minimal.phones).toEqual([]);
    expect(minimal.schedules).toEqual([]);
    expect(minimal.status).toBe('active');
  });

  it('derives stable, unique version-5 ids for every nested object', () => {
    expect(toHsdsService(services['24/7 crisis line'], org)).toEqual(crisis);
    const ids = [
      ...crisis.phones,
      ...crisis.schedules,
      ...crisis.service_areas,
      ...crisis.languages,
      ...crisis.attributes,
      ...crisis.service_at_locations,
    ].map((x) => x.id);
    for (const id of ids) expect(id).toMatch(UUID);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('refuses an organisation that does not run the service', () => {
    const other = { ...org, id: '00000000-0000-4000-8000-000000000001' };
    expect(() => toHsdsService(services['minimal service'], other)).toThrow(HsdsMappingError);
  });
});

describe('nameUuid', () => {
  it('matches the RFC 9562 version-5 example for www.example.com in the DNS namespace', () => {
    expect(nameUuid('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'www.example.com')).toBe(
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    );
  });
});

describe('toHsdsService places (1.1)', () => {
  it('writes a place’s coordinates as the HSDS location latitude and longitude', () => {
    const hsds = toHsdsService(services['home treatment with named-team referrals'], org);
    expect(hsds.service_at_locations[0]?.location).toMatchObject({
      latitude: 52.33,
      longitude: -0.18,
    });
    const crisis = toHsdsService(services['24/7 crisis line'], org);
    expect(crisis.service_at_locations[0]?.location).not.toHaveProperty('latitude');
  });
});
