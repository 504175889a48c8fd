import { createHash } from 'node:crypto';

/** The namespace of every name-based UUID PROMISE Network derives (RFC 9562 version 5). */
export const PROMISE_UUID_NAMESPACE = '0b5f3c4e-6d2a-5e8f-9a41-7c3d2e1f0a9b';

function uuidBytes(uuid: string): Buffer {
  return Buffer.from(uuid.replaceAll('-', ''), 'hex');
}

/**
 * A name-based UUID (RFC 9562 version 5: SHA-1 of namespace and name, version and variant bits
 * set). The same namespace and name always give the same UUID, so exports are stable.
 *
 * @example nameUuid('6a1d…-service-id', 'phone/0')
 */
export function nameUuid(namespace: string, name: string): string {
  const hash = createHash('sha1')
    .update(uuidBytes(namespace))
    .update(name, 'utf8')
    .digest()
    .subarray(0, 16);
  hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x50;
  hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80;
  const hex = hash.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
