import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { planCsvImport } from './csv-import.js';

const sample = (name: string) =>
  readFile(new URL(`../../examples/${name}`, import.meta.url), 'utf8');

describe('services CSV layout', () => {
  it('reads the sample file: shared organisations, lists, schedules, referral routes', async () => {
    const { plan, errors } = planCsvImport(await sample('services.csv'));
    expect(errors).toEqual([]);
    expect(plan.organisations.map((o) => o.fields.name)).toEqual([
      'Fenland Mental Health Partnership NHS Trust',
      'Riverside Sanctuary',
    ]);
    expect(plan.services).toHaveLength(4);
    const homeTreatment = plan.services[1]?.fields;
    expect(homeTreatment).toMatchObject({
      schedules: [
        { byday: ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'], opensAt: '08:00', closesAt: '22:00' },
      ],
      referralRoutes: [{ route: 'named_team', teamName: 'First Response Crisis Line' }],
      minAge: 18,
      responseStandard: { target: 'PT4H' },
    });
    expect(plan.services[0]?.fields.available24x7).toBe(true);
  });

  it('reports every bad cell by row and column', async () => {
    const { errors } = planCsvImport(await sample('services-with-bad-row.csv'));
    expect(errors.map((e) => `${e.row}:${e.field}`)).toEqual([
      'row 3:available_24x7',
      'row 3:urgency',
      'row 3:categories',
    ]);
  });

  it('refuses unknown columns and a missing name column', () => {
    const { errors } = planCsvImport('organization_name,colour\nX,blue\n');
    expect(errors.map((e) => `${e.field}:${e.message}`).slice(0, 2)).toEqual([
      'colour:Unknown column (see the documented layout)',
      'name:name is a required column',
    ]);
    // The missing column is reported once, not again for every row.
    expect(errors.filter((e) => e.field === 'name')).toHaveLength(1);
  });

  it('reports every kind of problem in one pass, in words', () => {
    const { errors } = planCsvImport(
      [
        'organization_name,name,urgency,colour',
        'Fenland Trust,,soon,blue',
        ',Crisis line,crisis,green',
      ].join('\n'),
    );
    const report = errors.map((e) => `${e.row} ${e.field}: ${e.message}`);
    expect(report).toEqual(
      expect.arrayContaining([
        'row 1 colour: Unknown column (see the documented layout)',
        'row 2 name: name is required',
        expect.stringMatching(/^row 2 urgency: Invalid option/),
        'row 3 organization_name: organization_name is required',
        'row 3 description: description is required',
      ]),
    );
    expect(report.join('\n')).not.toMatch(/received undefined/);
  });

  it('reads a place’s coordinates and the time zone of the hours (schema 1.1), in words when wrong', () => {
    const header =
      'organization_name,organization_type,name,description,urgency,categories,location_name,city,address_1,latitude,longitude,time_zone';
    const { plan, errors } = planCsvImport(
      [
        header,
        'Solent Trust,nhs_trust,Safe haven,Evenings.,urgent,crisis,Safe haven,Portsmouth,1 High St,50.78,-1.09,Europe/London',
        'Solent Trust,nhs_trust,Café,Days.,urgent,crisis,Café,Havant,2 High St,north,-0.98,Europe/Atlantis',
        'Solent Trust,nhs_trust,Line,Any time.,urgent,crisis,Line,Havant,3 High St,95,,',
      ].join('\n'),
    );
    expect(plan.services[0]?.fields).toMatchObject({
      timeZone: 'Europe/London',
      locations: [{ name: 'Safe haven', latitude: 50.78, longitude: -1.09 }],
    });
    expect(errors.map((e) => `${e.row}:${e.field}`).sort()).toEqual([
      'row 3:latitude',
      'row 3:time_zone',
      'row 4:latitude',
      'row 4:longitude',
    ]);
    expect(errors.find((e) => e.field === 'time_zone')?.message).toMatch(/IANA time zone/);
  });
});
