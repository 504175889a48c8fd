import { expect } from 'vitest';
import type * as z from 'zod/mini';

type Path = (string | number)[];

/** A deep copy of `document` with the value at `path` replaced (or removed when `undefined`). */
export function withValue(document: unknown, path: Path, value: unknown): unknown {
  const copy = structuredClone(document);
  let node = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path.at(-1);
  if (last === undefined) return value;
  if (value === undefined) delete node[last];
  else node[last] = value;
  return copy;
}

/** The dotted paths of the issues `schema` reports for `document`; fails the test if it parses. */
export function issuePaths(schema: z.ZodMiniType, document: unknown): string[] {
  const result = schema.safeParse(document);
  expect(result.success, 'expected the document to be refused').toBe(false);
  return (result.error?.issues ?? []).map((issue) => issue.path.join('.'));
}

/** Table rows: a field path, a bad value for it (`undefined` removes the field). */
export type BadField = [path: string, value: unknown];

/** Checks that each bad value is refused with an issue naming its field. */
export function expectRefusedAt(
  schema: z.ZodMiniType,
  valid: unknown,
  [path, value]: BadField,
): void {
  const keys = path.split('.').map((key) => (/^\d+$/.test(key) ? Number(key) : key));
  expect(issuePaths(schema, withValue(valid, keys, value))).toContain(path);
}
