import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as z from 'zod/mini';
import {
  Adoption,
  AdoptionInput,
  FeedHead,
  FeedPage,
  Innovation,
  InnovationInput,
  MembershipStatement,
  NodeDescriptor,
  Organisation,
  OrganisationInput,
  Partner,
  Ping,
  RecordPayload,
  Service,
  ServiceInput,
} from '../src/index.js';

/** Every public type that gets a JSON Schema file, by file name. */
export const PUBLIC_SCHEMAS = {
  Partner,
  Organisation,
  OrganisationInput,
  Service,
  ServiceInput,
  Innovation,
  InnovationInput,
  Adoption,
  AdoptionInput,
  RecordPayload,
  FeedHead,
  FeedPage,
  NodeDescriptor,
  MembershipStatement,
  Ping,
} as const satisfies Record<string, z.ZodMiniType>;

export type PublicSchemaName = keyof typeof PUBLIC_SCHEMAS;

/**
 * The draft 2020-12 JSON Schema of one public type, describing what a writer may send (`io:
 * 'input'`): defaulted fields are optional and unknown fields are allowed, as the compatibility
 * rule says. Checks zod runs in code (refinements such as the word limit) are not expressible
 * and are named in the schema's description instead.
 */
export function toPublicJsonSchema(name: PublicSchemaName): Record<string, unknown> {
  const schema = z.toJSONSchema(PUBLIC_SCHEMAS[name], {
    target: 'draft-2020-12',
    io: 'input',
    unrepresentable: 'any',
    override: ({ zodSchema, jsonSchema }) => {
      // `z.undefined()` marks a field that must be absent (a record has data or a tombstone).
      if (zodSchema._zod.def.type === 'undefined') jsonSchema.not = {};
    },
  });
  return { ...schema, $id: `https://promise.global/schema/v1/${name}.json`, title: name };
}

/** Writes `<Name>.json` for every public type into `directory`; returns the paths written. */
export async function writeJsonSchemas(directory: string): Promise<string[]> {
  await mkdir(directory, { recursive: true });
  const written: string[] = [];
  for (const name of Object.keys(PUBLIC_SCHEMAS) as PublicSchemaName[]) {
    const path = join(directory, `${name}.json`);
    await writeFile(path, `${JSON.stringify(toPublicJsonSchema(name), null, 2)}\n`);
    written.push(path);
  }
  return written;
}
