import { normaliseText, Uuid } from '@promise-global/schema';
import type { Context } from 'hono';
import { z } from 'zod';
import { type FieldIssue, NodeError, validationFailed } from '../errors.js';
import type { Versioned } from '../resources/revision.js';

/** Zod's issues as `{ path, message }`, one per bad field. */
export function fieldIssues(error: z.core.$ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.length > 0 ? issue.path.map(String).join('.') : '(body)',
    message: issue.message,
  }));
}

/** Whether a `Content-Type` is `application/json` or a `+json` type (parameters aside, any case). */
export function isJsonType(contentType: string | undefined): boolean {
  return /^application\/(?:[\w.-]+\+)?json\s*(?:;|$)/i.test(contentType ?? '');
}

/**
 * Reads a JSON request body with every string in NFC; an empty body reads as `fallback` when one
 * is given. A body sent as anything but JSON (text/plain, a form, multipart, XML) is refused with
 * 415 before it is parsed.
 */
export async function readJson(c: Context, fallback?: unknown): Promise<unknown> {
  const text = await c.req.text();
  if (text.trim() === '' && fallback !== undefined) return fallback;
  if (!isJsonType(c.req.header('content-type'))) {
    throw new NodeError(
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      'Send the body as JSON, with Content-Type: application/json',
    );
  }
  try {
    return normaliseText(JSON.parse(text));
  } catch {
    throw new NodeError(400, 'INVALID_JSON', 'The request body is not valid JSON');
  }
}

/** Parses `value` with `schema`, or fails with 400 listing every bad field. */
export function parseFields<S extends z.core.$ZodType>(schema: S, value: unknown): z.output<S> {
  const result = z.safeParse(schema, value);
  if (!result.success) throw validationFailed(fieldIssues(result.error));
  return result.data;
}

const OptionalId = z.object({ id: z.optional(Uuid) });

/** Parses a create body: the resource's fields plus an optional client-chosen `id` (a UUID). */
export function parseCreate<S extends z.core.$ZodType>(
  schema: S,
  value: unknown,
): { fields: z.output<S>; id: string | undefined } {
  const fields = z.safeParse(schema, value);
  const id = OptionalId.safeParse(
    typeof value === 'object' && value !== null && !Array.isArray(value) ? value : {},
  );
  const issues = [
    ...(id.success ? [] : fieldIssues(id.error)),
    ...(fields.success ? [] : fieldIssues(fields.error)),
  ];
  if (!fields.success || !id.success || issues.length > 0) throw validationFailed(issues);
  return { fields: fields.data, id: id.data.id };
}

/** The revision an `If-Match` header names (`"3"`), or `undefined` for none or `*`. */
export function ifMatch(c: Context): number | undefined {
  const header = c.req.header('if-match')?.trim();
  if (header === undefined || header === '*') return undefined;
  const match = /^(?:W\/)?"?(\d{1,15})"?$/.exec(header);
  if (!match) {
    throw validationFailed([{ path: 'If-Match', message: 'Use the ETag of the record, e.g. "3"' }]);
  }
  return Number(match[1]);
}

/** Replies with a record and its revision as the ETag. */
export function versioned<T>(c: Context, value: Versioned<T>, status: 200 | 201 = 200): Response {
  c.header('ETag', `"${value.rev}"`);
  return c.json(value, status);
}

/** A `?flag=true` query parameter. */
export function queryFlag(c: Context, name: string): boolean {
  const value = c.req.query(name);
  return value === 'true' || value === '1';
}
