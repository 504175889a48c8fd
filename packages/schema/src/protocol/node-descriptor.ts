import { z } from 'zod';
import { Partner } from '../partner.js';
import { EntityUrl, NumericDate, PublicJwkSet, SemVer, Seq } from './common.js';

/** A revocation: records signed by `kid` at or after `fromSeq` are invalid (§9.4). */
export const KeyRevocation = z.object({
  kid: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
  fromSeq: Seq,
});
export type KeyRevocation = z.infer<typeof KeyRevocation>;

/**
 * The claims of a node's self-signed descriptor (§2.2), served at `/.well-known/promise-node`.
 * `iss` and `sub` are both the node's URL; `jwks` are its active keys; `nextKid` pre-commits the
 * thumbprint of the key that may sign the next rotation (§9.2).
 */
export const NodeDescriptor = z.object({
  iss: EntityUrl,
  sub: EntityUrl,
  iat: NumericDate,
  exp: NumericDate,
  protocol: z.literal('promise-feed/1'),
  name: z.string().min(1).max(200),
  partner: Partner,
  jwks: PublicJwkSet,
  nextKid: z
    .string()
    .regex(/^[A-Za-z0-9_-]{43}$/)
    .optional(),
  revocations: z.array(KeyRevocation).max(64).default([]),
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
