import type { AddressPolicy } from '../http/address-policy.js';
import { type FetchLimits, guardedFetch } from '../http/guarded-fetch.js';
import { TransportError } from '../http/transport-error.js';

/** Fetches a JSON document from a node through the guarded client: 200, a JSON type, valid JSON. */
export async function fetchNodeJson(
  url: string,
  limits: FetchLimits,
  policy: AddressPolicy,
  signal?: AbortSignal,
): Promise<unknown> {
  const response = await guardedFetch(url, {
    limits,
    policy,
    ...(signal ? { signal } : {}),
    headers: { accept: 'application/json' },
  });
  if (response.status !== 200) {
    throw new TransportError('HTTP_STATUS', `${url} answered ${response.status}`);
  }
  if (!/^application\/([\w.+-]+\+)?json\b/i.test(response.contentType)) {
    throw new TransportError(
      'WRONG_CONTENT_TYPE',
      `${url} sent ${response.contentType || 'no content type'}`,
    );
  }
  try {
    return JSON.parse(response.body.toString('utf8'));
  } catch {
    throw new TransportError('MALFORMED_RESPONSE', `${url} sent invalid JSON`);
  }
}

/** Fetches a compact JWS served as `application/jwt` (descriptors, membership statements). */
export async function fetchNodeJwt(
  url: string,
  limits: FetchLimits,
  policy: AddressPolicy,
): Promise<string> {
  const response = await guardedFetch(url, {
    limits,
    policy,
    headers: { accept: 'application/jwt' },
  });
  if (response.status !== 200) {
    throw new TransportError('HTTP_STATUS', `${url} answered ${response.status}`);
  }
  if (!/^application\/jwt\b/i.test(response.contentType)) {
    throw new TransportError(
      'WRONG_CONTENT_TYPE',
      `${url} sent ${response.contentType || 'no content type'}`,
    );
  }
  return response.body.toString('latin1').trim();
}
