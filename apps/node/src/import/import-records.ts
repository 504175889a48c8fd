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
  /** Called after each item, for a progress bar: items done, all items, items committed so far. */
  onProgress?: (done: number, total: number, committed: number) => void;
  /** Recorded as the author of any personal-data confirmation. */
  tokenId?: string;
  /** Items per write transaction (default {@link IMPORT_CHUNK_ITEMS}). */
  chunkItems?: number;
}

/**
 * Items written per transaction: short enough (a fraction of a second) that the running node's
 * own writes get in between chunks instead of waiting out their busy timeout.
 */
export const IMPORT_CHUNK_ITEMS = 250;

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
 * JSON layout `export` writes). Every row is validated first: a bad row refuses the whole file
 * and changes nothing. Rows are then written in chunks of {@link IMPORT_CHUNK_ITEMS}, each one
 * transaction, so the node keeps answering while a large file goes in; a row refused while
 * writing (say, a service of an unknown organisation) rolls back its chunk and stops the import,
 * and `ImportError.imported` says how many items the earlier chunks committed. A file of at most
 * one chunk is all or nothing.
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

/** One item of the file to write, by its row (for the report). */
interface ImportStep {
  row: string;
  /** Writes the item; counts what it wrote in `summary`. */
  run(w: Writer, summary: ImportSummary): Promise<void>;
}

async function runPlan(
  ctx: NodeContext,
  { plan, errors }: { plan: ImportPlan; errors: RowError[] },
  options: ImportOptions,
): Promise<ImportSummary> {
  if (errors.length > 0) throw new ImportError(errors);
  const summary: ImportSummary = {
    organisations: 0,
    reusedOrganisations: 0,
    services: 0,
    innovations: 0,
    submitted: 0,
    records: 0,
  };
  const steps = planSteps(ctx, plan);
  const size = Math.max(1, options.chunkItems ?? IMPORT_CHUNK_ITEMS);
  let committed = 0;
  for (let first = 0; first < steps.length; first += size) {
    const chunk = steps.slice(first, first + size);
    const counts = await write(ctx, async (w) => {
      const tally = { ...summary };
      const counting: Writer = {
        ...w,
        publish: async (change) => {
          tally.records++;
          return w.publish(change);
        },
      };
      const failures: RowError[] = [];
      for (const [index, step] of chunk.entries()) {
        try {
          await step.run(counting, tally);
        } catch (error) {
          if (!(error instanceof NodeError)) throw error;
          failures.push(...rowErrors(step.row, error));
        }
        options.onProgress?.(first + index + 1, steps.length, committed);
      }
      if (failures.length > 0) throw new ImportError(failures, committed);
      return tally;
    });
    Object.assign(summary, counts);
    committed += chunk.length;
    options.onProgress?.(first + chunk.length, steps.length, committed);
  }
  return summary;
}

function rowErrors(row: string, error: NodeError): RowError[] {
  const issues = error.details?.issues;
  if (!Array.isArray(issues)) return [{ row, field: error.code, message: error.message }];
  return (issues as { path: string; message: string }[]).map((issue) => ({
    row,
    field: issue.path,
    message: issue.message,
  }));
}

function planSteps(ctx: NodeContext, plan: ImportPlan): ImportStep[] {
  const steps: ImportStep[] = [];
  const { partner } = plan;
  if (partner) {
    steps.push({
      row: 'partner',
      run: async (w) => {
        const identity = { partnerId: ctx.config.partnerId, baseUrl: ctx.signer.iss() };
        await putPartner(w, identity, partner);
      },
    });
  }
  // Organisation refs (CSV) resolve to ids as their chunks commit; later chunks read them here.
  const refs = new Map<string, string>();
  for (const item of plan.organisations) {
    steps.push({
      row: item.row,
      run: async (w, summary) => {
        const existing =
          item.ref === undefined ? undefined : await findReusable(w, item.id, item.fields.name);
        if (existing) {
          summary.reusedOrganisations++;
          if (item.ref) refs.set(item.ref, existing);
          return;
        }
        const created = await createOrganisation(w, item.fields, item.id);
        if (item.ref) refs.set(item.ref, created.data.id);
        summary.organisations++;
      },
    });
  }
  for (const item of plan.services) {
    steps.push({
      row: item.row,
      run: async (w, summary) => {
        const organisationId = item.organisationRef
          ? refs.get(item.organisationRef)
          : item.fields.organisationId;
        if (!organisationId) return; // its organisation failed and is reported already
        await createService(w, { ...item.fields, organisationId }, item.id, {
          keepAssurance: true,
        });
        summary.services++;
      },
    });
  }
  for (const item of plan.innovations) {
    steps.push({
      row: item.row,
      run: async (w, summary) => {
        const created = await createInnovation(w, ctx.config.partnerId, item.fields, item.id);
        summary.innovations++;
        if (!item.submit) return;
        await submitInnovation(w, created.data.id, {
          tokenId: 'import',
          confirmPersonalData: item.confirmPersonalData,
          submittedAt: item.submittedAt,
        });
        summary.submitted++;
      },
    });
  }
  return steps;
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
