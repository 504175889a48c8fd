import { ProtocolError } from '../errors.js';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Walks parsed JSON once: bounded depth (§11.1) and no `__proto__` member names (§10.3). */
function inspect(value: unknown, depth: number, maxDepth: number, what: string): void {
  if (typeof value !== 'object' || value === null) return;
  if (depth > maxDepth) {
    throw new ProtocolError('JSON_TOO_DEEP', `${what} nests deeper than ${maxDepth} levels`);
  }
  if (Array.isArray(value)) {
    for (const item of value) inspect(item, depth + 1, maxDepth, what);
    return;
  }
  for (const key of Object.keys(value)) {
    if (key === '__proto__') {
      throw new ProtocolError('JSON_FORBIDDEN_KEY', `${what} has a __proto__ member`);
    }
    inspect((value as Record<string, unknown>)[key], depth + 1, maxDepth, what);
  }
}

/**
 * Parses the UTF-8 text of a JOSE header or claims set (§10.3): valid JSON, an object at the top,
 * no deeper than `maxDepth`, no `__proto__` members.
 */
export function parseJsonObject(
  bytes: Uint8Array,
  maxDepth: number,
  what: string,
): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(utf8.decode(bytes));
  } catch {
    throw new ProtocolError('MALFORMED_JSON', `${what} is not UTF-8 JSON`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ProtocolError('MALFORMED_JSON', `${what} is not a JSON object`);
  }
  inspect(value, 1, maxDepth, what);
  return value as Record<string, unknown>;
}
