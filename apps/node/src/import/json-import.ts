import {
  InnovationInput,
  IsoDateTime,
  OrganisationInput,
  ServiceInput,
  Uuid,
} from '@promise-global/schema';
import { z } from 'zod';
import { PartnerInput } from '../resources/partner.js';
import { type ImportPlan, issueInWords, type RowError } from './import-plan.js';

const ItemMeta = z.object({ id: z.optional(Uuid) });
const InnovationMeta = z.object({
  id: z.optional(Uuid),
  status: z.enum(['draft', 'submitted']).default('draft'),
  submittedAt: z.optional(IsoDateTime),
  confirmPersonalData: z.boolean().default(false),
});

const ImportFile = z.object({
  partner: z.unknown().optional(),
  organisations: z.array(z.unknown()).default([]),
  services: z.array(z.unknown()).default([]),
  innovations: z.array(z.unknown()).default([]),
});

const TOP_LEVEL_KEYS = ['partner', 'organisations', 'services', 'innovations'];
/** What `export` writes beside the data; read past on import. */
const EXPORT_METADATA = ['format', 'exportedAt', 'partnerId', 'schemaVersion'];

/** Keys a file has that the layout does not (`{"service": …}` would otherwise import nothing). */
function unknownTopLevelKeys(value: unknown): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [];
  return Object.keys(value).filter(
    (key) => !TOP_LEVEL_KEYS.includes(key) && !EXPORT_METADATA.includes(key),
  );
}

/**
 * Reads the JSON import layout (also what `export` writes): `{ partner?, organisations: [],
 * services: [], innovations: [] }`. Items are the schema package's input shapes plus an optional
 * `id`; an innovation may say `status: "submitted"` to be published at once.
 */
export function planJsonImport(value: unknown): { plan: ImportPlan; errors: RowError[] } {
  const errors: RowError[] = [];
  const plan: ImportPlan = { organisations: [], services: [], innovations: [] };
  const unknownKeys = unknownTopLevelKeys(value);
  if (unknownKeys.length > 0) {
    const named = unknownKeys.map((key) => JSON.stringify(key)).join(', ');
    const message = `unknown top-level ${unknownKeys.length === 1 ? 'key' : 'keys'} ${named}; an import file holds ${TOP_LEVEL_KEYS.join(', ')}`;
    return { plan, errors: [{ row: 'file', field: '(root)', message }] };
  }
  const file = ImportFile.safeParse(value);
  if (!file.success) {
    for (const issue of file.error.issues) {
      const field = issue.path.join('.') || '(root)';
      errors.push({ row: 'file', field, message: issueInWords(issue, field) });
    }
    return { plan, errors };
  }
  const check = <S extends z.core.$ZodType>(schema: S, item: unknown, row: string) => {
    const result = z.safeParse(schema, item);
    if (result.success) return result.data;
    for (const issue of result.error.issues) {
      const field = issue.path.join('.') || '(item)';
      errors.push({ row, field, message: issueInWords(issue, field) });
    }
    return undefined;
  };
  if (file.data.partner !== undefined)
    plan.partner = check(PartnerInput, file.data.partner, 'partner');
  file.data.organisations.forEach((item, index) => {
    const row = `organisations[${index}]`;
    const meta = check(ItemMeta, item, row);
    const fields = check(OrganisationInput, item, row);
    if (meta && fields) plan.organisations.push({ row, id: meta.id, fields });
  });
  file.data.services.forEach((item, index) => {
    const row = `services[${index}]`;
    const meta = check(ItemMeta, item, row);
    const fields = check(ServiceInput, item, row);
    if (meta && fields) plan.services.push({ row, id: meta.id, fields });
  });
  file.data.innovations.forEach((item, index) => {
    const row = `innovations[${index}]`;
    const meta = check(InnovationMeta, item, row);
    const fields = check(InnovationInput, item, row);
    if (meta && fields) {
      plan.innovations.push({
        row,
        id: meta.id,
        submit: meta.status === 'submitted',
        submittedAt: meta.submittedAt,
        confirmPersonalData: meta.confirmPersonalData,
        fields,
      });
    }
  });
  return { plan, errors };
}
