import * as z from 'zod/mini';
import { Slug } from '../primitives.js';
import {
  EntityUrl,
  KeyRevocation,
  MAX_REVOCATIONS,
  NumericDate,
  PublicJwkSet,
  RetiredJwkSet,
} from './common.js';

/**
 * The claims of a hub's membership statement (§3.2): the hub (`iss`) vouches that the node
 * (`sub`) is a member with the keys it pinned (active in `jwks`, retired in `retiredJwks`, with
 * their revocations), until `exp`.
 */
export const MembershipStatement = z.object({
  iss: EntityUrl,
  sub: EntityUrl,
  iat: NumericDate,
  exp: NumericDate,
  partnerId: Slug,
  jwks: PublicJwkSet,
  retiredJwks: z.optional(RetiredJwkSet),
  revocations: z._default(z.array(KeyRevocation).check(z.maxLength(MAX_REVOCATIONS)), []),
});
export type MembershipStatement = z.infer<typeof MembershipStatement>;

/** What a hub passes to `signMembership`; the signer fills `iat`/`exp` when absent (§3.2). */
export type MembershipStatementInput = Omit<MembershipStatement, 'iat' | 'exp' | 'revocations'> & {
  iat?: number;
  exp?: number;
  revocations?: MembershipStatement['revocations'];
};
