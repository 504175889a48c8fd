import { z } from 'zod';

/** JWS `typ` header values of PROMISE Feed v1 (docs/protocol.md §4.1). */
export const JWS_TYP = {
  record: 'promise-record+jwt',
  head: 'promise-head+jwt',
  descriptor: 'promise-node+jwt',
  membership: 'promise-membership+jwt',
  ping: 'promise-ping+jwt',
} as const;

/** The protocol's name and version as it appears in descriptors (§2.2). */
export const PROTOCOL_ID = 'promise-feed/1';

/** `prev` of the first record of every feed: base64url of 32 zero bytes (§5.1). */
export const GENESIS_HASH = 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

/** An http(s) URL without fragment, used as a node's or hub's identifier (§2.1). */
export const EntityUrl = z
  .string()
  .max(2048)
  .refine(isEntityUrl, 'must be an http(s) URL without a fragment');

function isEntityUrl(value: string): boolean {
  if (!/^https?:\/\/[^#\s]+$/i.test(value)) return false;
  try {
    return new URL(value).hash === '';
  } catch {
    return false;
  }
}

/** JSON numeric date: whole seconds since the epoch (RFC 7519 §2). */
export const NumericDate = z.number().int().min(0).max(253_402_300_799);

/** Node-wide record sequence number: 1, 2, 3, … (§5). */
export const Seq = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);

/** base64url (no padding) SHA-256 digest: 43 characters (§5.1). */
export const Sha256Base64url = z
  .string()
  .regex(/^[A-Za-z0-9_-]{43}$/, 'must be a base64url SHA-256');

/** A semantic version string `MAJOR.MINOR.PATCH` (§4.3). */
export const SemVer = z.string().regex(/^(0|[1-9]\d{0,8})\.(0|[1-9]\d{0,8})\.(0|[1-9]\d{0,8})$/);

/** Public Ed25519 JWK as carried in descriptors and membership statements (§2.2). */
export const PublicEd25519Jwk = z.object({
  kty: z.literal('OKP'),
  crv: z.literal('Ed25519'),
  x: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'must be a 32-byte base64url key'),
  kid: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'must be an RFC 7638 thumbprint'),
  alg: z.literal('EdDSA').optional(),
  use: z.literal('sig').optional(),
});
export type PublicEd25519Jwk = z.infer<typeof PublicEd25519Jwk>;

/** A JWK Set of public Ed25519 keys (§2.2). */
export const PublicJwkSet = z.object({ keys: z.array(PublicEd25519Jwk).min(1).max(8) });
export type PublicJwkSet = z.infer<typeof PublicJwkSet>;

/** Most retired keys a descriptor or membership statement lists (§9.1). */
export const MAX_RETIRED_KEYS = 32;

/**
 * Public keys an issuer signed records with before its current ones (§9.1): they verify those
 * records only, never a head, descriptor or ping.
 */
export const RetiredJwkSet = z.object({
  keys: z.array(PublicEd25519Jwk).max(MAX_RETIRED_KEYS),
});
export type RetiredJwkSet = z.infer<typeof RetiredJwkSet>;

/** A revocation: records signed by `kid` at or after `fromSeq` are invalid (§9.4). */
export const KeyRevocation = z.object({
  kid: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
  fromSeq: Seq,
});
export type KeyRevocation = z.infer<typeof KeyRevocation>;

/** Most revocations a descriptor or membership statement lists (§9.4). */
export const MAX_REVOCATIONS = 64;
