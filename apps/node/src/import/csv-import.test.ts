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
    expect(errors.map((e) => `${e.field}:${e.message}`)).toEqual([
      'colour:Unknown column (see the documented layout)',
      'name:Required column is missing',
    ]);
  });
});
