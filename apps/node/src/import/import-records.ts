import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { normaliseText } from '@promise-global/schema';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { NodeContext } from '../context.js';
import { organisations } from '../db/schema.js';
import { NodeError } from '../errors.js';
import { createInnovation, submitInnovation } from '../resources/innovations.js';
import { createOrganisation } from '../resources/organisations.js';
import { putPartner } from '../resources/partner.js';
import { createService } from '../resources/services.js';
import { type Writer, write } from '../write.js';
import { planCsvImport } from './csv-import.js';
import { ImportError, type ImportPlan, type RowError } from './import-plan.js';
import { planJsonImport } from './json-import.js';

export interface ImportOptions {
  /** `csv` or `json`; by default from the file's extension. */
  format?: 'csv' | 'json';
  /** Called after each item, for a progress bar. */
  onProgress?: (done: number, total: number) => void;
  /** Recorded as the author of any personal-data confirmation. */
  tokenId?: string;
}

export interface ImportSummary {
  organisations: number;
  /** Organisations the file named that already existed and were reused (CSV). */
  reusedOrganisations: number;
  services: number;
  innovations: number;
  submitted: number;
  /** Feed records the import appended. */
  records: number;
}

/**
 * Imports organisations, services and write-ups from a file (the HSDS-style services CSV, or the
 * JSON layout `export` writes). All or nothing: every row is validated first, everything is
 * written in one transaction, and any problem throws `ImportError` with a per-row report.
 *
 * @example
 * const summary = await importRecords(node.context, 'examples/services.csv');
 */
export async function importRecords(
  ctx: NodeContext,
  file: string,
  options: ImportOptions = {},
): Promise<ImportSummary> {
  const text = await readFile(file, 'utf8');
  const format = options.format ?? (extname(file).toLowerCase() === '.csv' ? 'csv' : 'json');
  if (format === 'csv') return runPlan(ctx, planCsvImport(text.normalize('NFC')), options);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new ImportError([{ row: 'file', field: '(json)', message }]);
  }
  return importJson(ctx, value, options);
}

/** Imports an already-parsed JSON import document (see `importRecords`). */
export function importJson(ctx: NodeContext, value: unknown, options: ImportOptions = {}) {
  return runPlan(ctx, planJsonImport(normaliseText(value)), options);
}

async function runPlan(
  ctx: NodeContext,
  { plan, errors }: { plan: ImportPlan; errors: RowError[] },
  options: ImportOptions,
): Promise<ImportSummary> {
  if (errors.length > 0) throw new ImportError(errors);
  const total =
    (plan.partner ? 1 : 0) +
    plan.organisations.length +
    plan.services.length +
    plan.innovations.length;
  let done = 0;
  const step = () => options.onProgress?.(++done, total);
  return write(ctx, async (w) => {
    const failures: RowError[] = [];
    const attempt = async (row: string, work: () => Promise<void>) => {
      try {
        await work();
      } catch (error) {
        if (!(error instanceof NodeError)) throw error;
        const issues = error.details?.issues;
        if (Array.isArray(issues)) {
          for (const issue of issues as { path: string; message: string }[]) {
            failures.push({ row, field: issue.path, message: issue.message });
          }
        } else {
          failures.push({ row, field: error.code, message: error.message });
        }
      }
      step();
    };
    const summary = await applyPlan(ctx, w, plan, attempt);
    if (failures.length > 0) throw new ImportError(failures);
    return summary;
  });
}

async function applyPlan(
  ctx: NodeContext,
  w: Writer,
  plan: ImportPlan,
  attempt: (row: string, work: () => Promise<void>) => Promise<void>,
): Promise<ImportSummary> {
  const summary: ImportSummary = {
    organisations: 0,
    reusedOrganisations: 0,
    services: 0,
    innovations: 0,
    submitted: 0,
    records: 0,
  };
  const publish = w.publish;
  const counting: Writer = {
    ...w,
    publish: async (change) => {
      summary.records++;
      return publish(change);
    },
  };
  const { partner } = plan;
  if (partner) {
    await attempt('partner', async () => {
      const identity = { partnerId: ctx.config.partnerId, baseUrl: ctx.signer.iss() };
      await putPartner(counting, identity, partner);
    });
  }
  const refs = new Map<string, string>();
  for (const item of plan.organisations) {
    await attempt(item.row, async () => {
      const existing =
        item.ref === undefined ? undefined : await findReusable(w, item.id, item.fields.name);
      if (existing) {
        summary.reusedOrganisations++;
        if (item.ref) refs.set(item.ref, existing);
        return;
      }
      const created = await createOrganisation(counting, item.fields, item.id);
      if (item.ref) refs.set(item.ref, created.data.id);
      summary.organisations++;
    });
  }
  for (const item of plan.services) {
    await attempt(item.row, async () => {
      const organisationId = item.organisationRef
        ? refs.get(item.organisationRef)
        : item.fields.organisationId;
      if (!organisationId) return; // its organisation failed and is reported already
      await createService(counting, { ...item.fields, organisationId }, item.id, {
        keepAssurance: true,
      });
      summary.services++;
    });
  }
  for (const item of plan.innovations) {
    await attempt(item.row, async () => {
      const created = await createInnovation(counting, ctx.config.partnerId, item.fields, item.id);
      summary.innovations++;
      if (!item.submit) return;
      await submitInnovation(counting, created.data.id, {
        tokenId: 'import',
        confirmPersonalData: item.confirmPersonalData,
        submittedAt: item.submittedAt,
      });
      summary.submitted++;
    });
  }
  return summary;
}

/** An organisation a CSV row may share: the same id, or else a live one of the same name. */
async function findReusable(w: Writer, id: string | undefined, name: string) {
  const [row] = await w.tx
    .select({ id: organisations.id })
    .from(organisations)
    .where(
      and(
        id
          ? eq(organisations.id, id)
          : sql`json_extract(${organisations.data}, '$.name') = ${name}`,
        isNull(organisations.deletedAt),
      ),
    );
  return row?.id;
}
