import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** One bad field of a request: a dotted path and what is wrong with it. */
export interface FieldIssue {
  path: string;
  message: string;
}

/**
 * Every failure the node reports on purpose: an HTTP status, a stable machine code and a human
 * message, plus optional details (bad fields, personal-data findings). One handler maps it.
 */
export class NodeError extends Error {
  override readonly name = 'NodeError';
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export function validationFailed(issues: FieldIssue[]): NodeError {
  return new NodeError(400, 'VALIDATION_FAILED', 'The request has invalid fields', { issues });
}

export function notFound(what: string, id: string): NodeError {
  return new NodeError(404, 'NOT_FOUND', `No ${what} with id ${JSON.stringify(id)}`);
}

export function conflict(code: string, message: string): NodeError {
  return new NodeError(409, code, message);
}
