/** One bad field of a request, as the node reports it (400 VALIDATION_FAILED). */
export interface FieldIssue {
  path: string;
  message: string;
}

/** A span of text the node's personal-data check flagged (422 PERSONAL_DATA_SUSPECTED). */
export interface PersonalDataFinding {
  field: string;
  kind: string;
  start: number;
  end: number;
  text: string;
}

/** A refused API call: status, the node's stable code, its words and any field details. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: FieldIssue[] = [],
    readonly findings: PersonalDataFinding[] = [],
  ) {
    super(message);
  }
}

export interface Versioned<T> {
  rev: number;
  data: T;
}

let csrfToken: string | null = null;
let onSignedOut: () => void = () => {};

/** Keeps the session's CSRF token: sent as `X-CSRF-Token` with every API call. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when the node says the session is gone (expired, revoked, signed out elsewhere). */
export function whenSignedOut(handler: () => void): void {
  onSignedOut = handler;
}

export interface CallOptions {
  body?: unknown;
  ifMatch?: number;
}

/** Calls the node (same origin, session cookie + CSRF token) and parses its JSON reply. */
export async function call<T>(method: string, path: string, options: CallOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.ifMatch !== undefined) headers['if-match'] = `"${options.ifMatch}"`;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
    });
  } catch {
    throw new ApiError(
      0,
      'NETWORK',
      'The node could not be reached. Check your connection and try again.',
    );
  }
  const text = await response.text();
  const json = text ? safeParse(text) : undefined;
  if (!response.ok) {
    const error = (json as { error?: Record<string, unknown> } | undefined)?.error ?? {};
    const failure = new ApiError(
      response.status,
      typeof error.code === 'string' ? error.code : 'HTTP_ERROR',
      typeof error.message === 'string' ? error.message : `The node answered ${response.status}`,
      Array.isArray(error.issues) ? (error.issues as FieldIssue[]) : [],
      Array.isArray(error.findings) ? (error.findings as PersonalDataFinding[]) : [],
    );
    if (response.status === 401 && !path.startsWith('/admin/session')) onSignedOut();
    throw failure;
  }
  return json as T;
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
