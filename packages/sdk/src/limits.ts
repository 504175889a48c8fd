/**
 * Size, time and lifetime limits of PROMISE Feed v1 (docs/protocol.md §11). Verifiers enforce them;
 * signers stay inside them.
 */
export const LIMITS = {
  /** Largest record JWS, in characters (§11.1). */
  maxRecordBytes: 65_536,
  /** Largest head, descriptor, membership statement or ping JWS, in characters (§11.1). */
  maxTokenBytes: 16_384,
  /** Most records in one feed page (§11.1). */
  maxPageRecords: 1_000,
  /** Largest sum of record JWS lengths in one page, in characters (§11.1). */
  maxPageBytes: 8 * 1024 * 1024,
  /** Deepest nesting of objects and arrays in a JOSE header or claims set, top level = 1 (§11.1). */
  maxJsonDepth: 16,
  /** Clock skew tolerated on `iat`/`exp` (§11.2). */
  clockSkewSeconds: 60,
  /** Longest `exp - iat` of a head (§7.2), ping (§8), descriptor (§2.2), membership (§3.2). */
  maxLifetimeSeconds: {
    head: 300,
    ping: 120,
    problemReport: 300,
    descriptor: 90 * 86_400,
    membership: 400 * 86_400,
  },
  /** Lifetimes the signers use when the caller gives no `exp`. */
  defaultLifetimeSeconds: {
    head: 120,
    ping: 60,
    problemReport: 120,
    descriptor: 7 * 86_400,
    membership: 365 * 86_400,
  },
} as const;

/** Whole seconds since the epoch of `now` (defaults to the current time). */
export function numericDate(now: Date = new Date()): number {
  return Math.floor(now.getTime() / 1000);
}
