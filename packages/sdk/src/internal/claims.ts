import type * as z from 'zod/mini';
import { ProtocolError } from '../errors.js';

/** Parses claims with a protocol schema; failures become `CLAIMS_INVALID` listing each issue. */
export function parseClaimsWith<S extends z.ZodMiniType>(
  schema: S,
  claims: unknown,
  what: string,
): z.output<S> {
  const result = schema.safeParse(claims);
  if (!result.success) {
    const issues = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ProtocolError('CLAIMS_INVALID', `${what}: ${issues.join('; ')}`, { issues });
  }
  return result.data;
}
