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
 * The first member name that appears twice in one object of already-valid JSON `text`, compared
 * after unescaping (`"typ"` and `"\u0074yp"` are the same name), or undefined. JSON.parse keeps
 * the last of two members and other parsers the first: either way two readers would disagree.
 */
export function duplicateMember(text: string): string | undefined {
  const objects: { names: Set<string>; expectName: boolean }[] = [];
  const containers: ('object' | 'array')[] = [];
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (char === '{') {
      objects.push({ names: new Set(), expectName: true });
      containers.push('object');
    } else if (char === '[') {
      containers.push('array');
    } else if (char === '}' || char === ']') {
      if (containers.pop() === 'object') objects.pop();
    } else if (char === ',') {
      const top = objects.at(-1);
      if (top && containers.at(-1) === 'object') top.expectName = true;
    } else if (char === '"') {
      let end = i + 1;
      while (text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
      const top = objects.at(-1);
      if (top?.expectName && containers.at(-1) === 'object') {
        const name = JSON.parse(text.slice(i, end + 1)) as string;
        if (top.names.has(name)) return name;
        top.names.add(name);
        top.expectName = false;
      }
      i = end;
    }
  }
  return undefined;
}

/**
 * Parses the UTF-8 text of a JOSE header or claims set (§10.3): valid JSON, an object at the top,
 * no deeper than `maxDepth`, no `__proto__` members, no member name twice in one object.
 */
export function parseJsonObject(
  bytes: Uint8Array,
  maxDepth: number,
  what: string,
): Record<string, unknown> {
  let value: unknown;
  let text: string;
  try {
    text = utf8.decode(bytes);
    value = JSON.parse(text);
  } catch {
    throw new ProtocolError('MALFORMED_JSON', `${what} is not UTF-8 JSON`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ProtocolError('MALFORMED_JSON', `${what} is not a JSON object`);
  }
  inspect(value, 1, maxDepth, what);
  const twice = duplicateMember(text);
  if (twice !== undefined) {
    throw new ProtocolError(
      'JSON_DUPLICATE_MEMBER',
      `${what} has the member ${JSON.stringify(twice)} twice`,
    );
  }
  return value as Record<string, unknown>;
}
