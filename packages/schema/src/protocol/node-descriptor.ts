import * as z from 'zod/mini';
import { Partner } from '../partner.js';
import {
  EntityUrl,
  KeyRevocation,
  MAX_REVOCATIONS,
  NumericDate,
  PublicJwkSet,
  RetiredJwkSet,
  SemVer,
} from './common.js';

/**
 * The claims of a node's self-signed descriptor (§2.2), served at `/.well-known/promise-node`.
 * `iss` and `sub` are both the node's URL; `jwks` are its active keys; `retiredJwks` the keys its
 * older records are signed with; `nextKid` pre-commits the thumbprint of the key that may sign the
 * next rotation (§9.2).
 */
export const NodeDescriptor = z.object({
  iss: EntityUrl,
  sub: EntityUrl,
  iat: NumericDate,
  exp: NumericDate,
  protocol: z.literal('promise-feed/1'),
  name: z.string().check(z.minLength(1), z.maxLength(200)),
  partner: Partner,
  jwks: PublicJwkSet,
  retiredJwks: z.optional(RetiredJwkSet),
  nextKid: z.optional(z.string().check(z.regex(/^[A-Za-z0-9_-]{43}$/))),
  revocations: z._default(z.array(KeyRevocation).check(z.maxLength(MAX_REVOCATIONS)), []),
  schemaVersion: SemVer,
  feedUrl: EntityUrl,
});
export type NodeDescriptor = z.infer<typeof NodeDescriptor>;

/** What a node passes to `signDescriptor`; the signer fills `iat`/`exp`/`protocol` (§2.2). */
export type NodeDescriptorInput = Omit<
  NodeDescriptor,
  'iat' | 'exp' | 'protocol' | 'revocations'
> & {
  iat?: number;
  exp?: number;
  revocations?: NodeDescriptor['revocations'];
};
