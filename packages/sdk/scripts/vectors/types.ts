import type { ProtocolErrorCode } from '../../src/errors.js';
import type { FeedState, KnownRevision, PinnedKeys } from '../../src/verify/index.js';

/** What a vector expects: success (with what it yields) or one error code (§12). */
export type Expectation =
  | { valid: true; result: Record<string, unknown> }
  | { valid: false; error: ProtocolErrorCode };

interface VectorBase {
  /** Stable, unique id, e.g. `record/alg-none`. */
  id: string;
  /** The protocol section the vector exercises. */
  section: string;
  description: string;
  expect: Expectation;
}

/** Inputs per verifier; `now` is a NumericDate and is the only clock a runner may use. */
export type Vector = VectorBase &
  (
    | {
        kind: 'record';
        input: {
          jws: string;
          now: number;
          keys: PinnedKeys;
          iss: string;
          partnerId: string;
          networkKids?: Record<string, string>;
        };
      }
    | {
        kind: 'page';
        input: {
          state: FeedState;
          page: unknown;
          now: number;
          revisions?: KnownRevision[];
          limit?: number;
        };
      }
    | { kind: 'head'; input: { jws: string; now: number; keys: PinnedKeys; iss: string } }
    | { kind: 'descriptor'; input: { jws: string; now: number; url: string; keys?: PinnedKeys } }
    | {
        kind: 'membership';
        input: { jws: string; now: number; hubKeys: PinnedKeys; hub: string; sub: string };
      }
    | {
        kind: 'ping';
        input: {
          jws: string;
          now: number;
          aud: string;
          keysByIss: Record<string, PinnedKeys>;
          seenJtis: string[];
        };
      }
    | {
        kind: 'aggregate';
        input: {
          page: unknown;
          now: number;
          hubKeys: PinnedKeys;
          hub: string;
          after: number;
          headIat: number;
          limit: number;
          memberships: Record<string, string>;
          acceptLegacyDigest?: boolean;
        };
      }
  );

export type VectorKind = Vector['kind'];

/** Shorthand for a failing expectation. */
export function fails(error: ProtocolErrorCode): Expectation {
  return { valid: false, error };
}
