import { ServiceInput, Uuid } from '@promise-global/schema';
import { parse } from 'csv-parse/sync';
import type { z } from 'zod';
import { CSV_COLUMNS, columnFor, organisationRowToInput, serviceRowToInput } from './csv-layout.js';
import { type ImportPlan, issueInWords, type RowError } from './import-plan.js';

const NIL_UUID = '00000000-0000-0000-0000-000000000000';

/**
 * Reads the HSDS-style services CSV (layout in README and `examples/services.csv`): one service
 * per row, with its organisation's columns; rows naming the same organisation share it.
 * Rows are numbered as a spreadsheet shows them (the header is row 1).
 */
export function planCsvImport(text: string): { plan: ImportPlan; errors: RowError[] } {
  const plan: ImportPlan = { organisations: [], services: [], innovations: [] };
  const errors: RowError[] = [];
  let rows: string[][];
  try {
    rows = parse(text, {
      bom: true,
      skip_empty_lines: true,
      relax_column_count: false,
      trim: true,
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { plan, errors: [{ row: 'file', field: '(csv)', message }] };
  }
  const [header, ...records] = rows;
  if (!header)
    return { plan, errors: [{ row: 'file', field: '(csv)', message: 'The file is empty' }] };
  const unknown = header.filter((column) => !CSV_COLUMNS.includes(column));
  for (const column of unknown) {
    errors.push({
      row: 'row 1',
      field: column,
      message: 'Unknown column (see the documented layout)',
    });
  }
  const missing = ['organization_name', 'name'].filter((required) => !header.includes(required));
  for (const column of missing) {
    errors.push({ row: 'row 1', field: column, message: `${column} is a required column` });
  }
  // Every row is still checked (unknown columns ignored), so one run reports every problem.

  const organisationsByRef = new Map<string, ImportPlan['organisations'][number]>();
  records.forEach((record, index) => {
    const row = `row ${index + 2}`;
    const cells = Object.fromEntries(header.map((column, i) => [column, record[i] ?? '']));
    const orgId = cells.organization_id || undefined;
    const ref = orgId ?? `name:${(cells.organization_name ?? '').toLowerCase()}`;
    const report = (issues: z.core.$ZodIssue[], prefix: 'organization' | 'service') => {
      for (const issue of issues) {
        const field = columnFor(prefix, issue.path);
        if (missing.includes(field)) continue;
        errors.push({ row, field, message: issueInWords(issue, field) });
      }
    };
    if (orgId !== undefined && !Uuid.safeParse(orgId).success) {
      errors.push({ row, field: 'organization_id', message: 'Must be a UUID' });
    }
    if (!organisationsByRef.has(ref)) {
      const organisation = organisationRowToInput(cells);
      if (organisation.success) {
        const planned = { row, id: orgId, ref, fields: organisation.data };
        organisationsByRef.set(ref, planned);
        plan.organisations.push(planned);
      } else {
        report(organisation.error.issues, 'organization');
      }
    }
    const serviceId = cells.id || undefined;
    if (serviceId !== undefined && !Uuid.safeParse(serviceId).success) {
      errors.push({ row, field: 'id', message: 'Must be a UUID' });
    }
    const service = ServiceInput.safeParse(serviceRowToInput(cells, NIL_UUID));
    if (service.success) {
      plan.services.push({ row, id: serviceId, organisationRef: ref, fields: service.data });
    } else {
      report(service.error.issues, 'service');
    }
  });
  return { plan, errors };
}
