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
  recordDataSchemas,
  SCHEMA_VERSION,
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

/**
 * The file whose schema a record's `data` must satisfy, per record type (docs/protocol.md §4.2):
 * derived from `recordDataSchemas`, so a new record type without a published schema fails here.
 */
export function recordTypeSchemaFiles(): Record<string, string> {
  return Object.fromEntries(
    Object.entries(recordDataSchemas).map(([type, schema]) => {
      const name = (Object.keys(PUBLIC_SCHEMAS) as PublicSchemaName[]).find(
        (candidate) => PUBLIC_SCHEMAS[candidate] === schema,
      );
      if (!name) throw new Error(`record type ${type} has no public JSON Schema`);
      return [type, `${name}.json`];
    }),
  );
}

/** Every file of the published JSON Schema folder, by file name, as the text written. */
export function jsonSchemaFiles(): Record<string, string> {
  const text = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
  const files: Record<string, string> = {
    'index.json': text({
      description:
        "JSON Schemas (draft 2020-12) of PROMISE data and messages. A record's `data` must satisfy the file named for its `type` in `recordData` (docs/protocol.md §4.2).",
      schemaVersion: SCHEMA_VERSION,
      recordData: recordTypeSchemaFiles(),
      files: Object.keys(PUBLIC_SCHEMAS).map((name) => `${name}.json`),
    }),
  };
  for (const name of Object.keys(PUBLIC_SCHEMAS) as PublicSchemaName[])
    files[`${name}.json`] = text(toPublicJsonSchema(name));
  return files;
}

/** Writes the JSON Schema folder into `directory`; returns the paths written. */
export async function writeJsonSchemas(directory: string): Promise<string[]> {
  await mkdir(directory, { recursive: true });
  const written: string[] = [];
  for (const [file, content] of Object.entries(jsonSchemaFiles())) {
    const path = join(directory, file);
    await writeFile(path, content);
    written.push(path);
  }
  return written;
}
