import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  InnovationInput,
  IsoDateTime,
  OrganisationInput,
  Partner,
  ServiceInput,
  Uuid,
} from '@promise-global/schema';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { safeExtend } from 'zod/mini';

/** The folder holding the four demo partners' content. */
export const DEMO_CONTENT_DIR = fileURLToPath(new URL('.', import.meta.url));

/** The demo launcher sets `baseUrl` when it knows the node's port. */
export const DemoPartner = z.object(Partner.shape).omit({ baseUrl: true });
export const DemoOrganisation = z.object({ ...OrganisationInput.shape, id: Uuid });
export const DemoService = safeExtend(ServiceInput, { id: Uuid });
/** A write-up as stored: its fields in front matter, the Markdown after it as `body`. */
export const DemoInnovation = z
  .object({
    ...InnovationInput.shape,
    id: Uuid,
    status: z.enum(['draft', 'submitted']),
    submittedAt: z.optional(IsoDateTime),
  })
  .refine((piece) => (piece.status === 'submitted') === (piece.submittedAt !== undefined), {
    message: 'A submitted piece needs submittedAt; a draft has none',
    path: ['submittedAt'],
  });

export type DemoPartner = z.output<typeof DemoPartner>;
export type DemoOrganisation = z.output<typeof DemoOrganisation>;
export type DemoService = z.output<typeof DemoService>;
export type DemoInnovation = z.output<typeof DemoInnovation>;

export interface DemoPartnerContent {
  partner: DemoPartner;
  organisations: DemoOrganisation[];
  services: DemoService[];
  /** In file-name order (`NN-slug.md`). */
  innovations: DemoInnovation[];
}

export class DemoContentError extends Error {
  readonly code = 'DEMO_CONTENT_INVALID';
  override readonly name = 'DemoContentError';
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`${file}: ${problems.join('; ')}`);
  }
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n([\s\S]*)$/;

function check<T extends z.ZodType>(schema: T, value: unknown, file: string): z.output<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new DemoContentError(
    file,
    result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`),
  );
}

async function readJson(file: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new DemoContentError(file, [(error as Error).message]);
  }
}

/** Splits a Markdown write-up into its front matter and body. */
export function parseInnovationFile(source: string, file: string): DemoInnovation {
  const match = FRONT_MATTER.exec(source);
  if (!match) throw new DemoContentError(file, ['missing --- front matter ---']);
  const fields: unknown = parseYaml(match[1] ?? '');
  if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) {
    throw new DemoContentError(file, ['front matter must be a YAML mapping']);
  }
  return check(DemoInnovation, { ...fields, body: match[2] ?? '' }, file);
}

function checkReferences(content: DemoPartnerContent, folder: string): void {
  const problems: string[] = [];
  const organisationIds = new Set(content.organisations.map((organisation) => organisation.id));
  const serviceIds = new Set(content.services.map((service) => service.id));
  for (const service of content.services) {
    if (!organisationIds.has(service.organisationId)) {
      problems.push(`service ${service.id} names unknown organisation ${service.organisationId}`);
    }
  }
  for (const piece of content.innovations) {
    for (const id of piece.relatedServiceIds) {
      if (!serviceIds.has(id)) problems.push(`write-up ${piece.id} names unknown service ${id}`);
    }
  }
  if (problems.length > 0) throw new DemoContentError(folder, problems);
}

async function loadPartner(folder: string): Promise<DemoPartnerContent> {
  const partner = check(DemoPartner, await readJson(join(folder, 'partner.json')), folder);
  const organisations = check(
    z.array(DemoOrganisation),
    await readJson(join(folder, 'organisations.json')),
    join(folder, 'organisations.json'),
  );
  const services = check(
    z.array(DemoService),
    await readJson(join(folder, 'services.json')),
    join(folder, 'services.json'),
  );
  const innovationsDir = join(folder, 'innovations');
  const files = (await readdir(innovationsDir)).filter((name) => name.endsWith('.md')).sort();
  const innovations: DemoInnovation[] = [];
  for (const name of files) {
    const file = join(innovationsDir, name);
    innovations.push(parseInnovationFile(await readFile(file, 'utf8'), file));
  }
  const content = { partner, organisations, services, innovations };
  checkReferences(content, folder);
  return content;
}

/**
 * Reads every partner folder under `dir` (one folder per partner, named by its id) and returns
 * each partner's content parsed and validated against the schema. Throws `DemoContentError`
 * naming the file and every problem found.
 */
export async function loadDemoContent(dir = DEMO_CONTENT_DIR): Promise<DemoPartnerContent[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const folders = entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name);
  const partners: DemoPartnerContent[] = [];
  for (const name of folders.sort()) {
    const content = await loadPartner(join(dir, name));
    if (content.partner.id !== name) {
      throw new DemoContentError(join(dir, name), [
        `partner id ${content.partner.id} differs from its folder`,
      ]);
    }
    partners.push(content);
  }
  return partners;
}
