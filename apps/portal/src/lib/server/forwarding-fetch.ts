/**
 * A fetch that tells the hub which reader the portal is asking for (`X-Forwarded-For`), so the
 * hub's per-client limits see readers, not the portal. The hub believes it only when the portal's
 * address is in its `limits.trustedProxies`.
 */
export function forwardingFetch(clientAddress: string | undefined): typeof fetch {
  if (clientAddress === undefined) return fetch;
  return (input, init) => {
    const headers = new Headers(init?.headers);
    headers.set('x-forwarded-for', clientAddress);
    return fetch(input, { ...init, headers });
  };
}

/** The reader's address, or none when adapter-node's ADDRESS_HEADER is set but missing. */
export function readerAddress(get: () => string): string | undefined {
  try {
    return get();
  } catch {
    return undefined;
  }
}
