import * as z from 'zod/mini';

/** JWS `typ` header values of PROMISE Feed v1 (docs/protocol.md §4.1). */
export const JWS_TYP = {
  record: 'promise-record+jwt',
  head: 'promise-head+jwt',
  descriptor: 'promise-node+jwt',
  membership: 'promise-membership+jwt',
  ping: 'promise-ping+jwt',
  problemReport: 'promise-problem-report+jwt',
} as const;

/** The protocol's name and version as it appears in descriptors (§2.2). */
export const PROTOCOL_ID = 'promise-feed/1';

/** `prev` of the first record of every feed: base64url of 32 zero bytes (§5.1). */
export const GENESIS_HASH = 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

/** An http(s) URL without fragment, used as a node's or hub's identifier (§2.1). */
export const EntityUrl = z
  .string()
  .check(z.maxLength(2048), z.refine(isEntityUrl, 'must be an http(s) URL without a fragment'));

function isEntityUrl(value: string): boolean {
  if (!/^https?:\/\/[^#\s]+$/i.test(value)) return false;
  try {
    return new URL(value).hash === '';
  } catch {
    return false;
  }
}

/** JSON numeric date: whole seconds since the epoch (RFC 7519 §2). */
export const NumericDate = z.int().check(z.minimum(0), z.maximum(253_402_300_799));

/** Node-wide record sequence number: 1, 2, 3, … (§5). */
export const Seq = z.int().check(z.minimum(1), z.maximum(Number.MAX_SAFE_INTEGER));

/** base64url (no padding) SHA-256 digest: 43 characters (§5.1). */
export const Sha256Base64url = z
  .string()
  .check(z.regex(/^[A-Za-z0-9_-]{43}$/, 'must be a base64url SHA-256'));

/** A semantic version string `MAJOR.MINOR.PATCH` (§4.3). */
export const SemVer = z
  .string()
  .check(z.regex(/^(0|[1-9]\d{0,8})\.(0|[1-9]\d{0,8})\.(0|[1-9]\d{0,8})$/));

/** Public Ed25519 JWK as carried in descriptors and membership statements (§2.2). */
export const PublicEd25519Jwk = z.object({
  kty: z.literal('OKP'),
  crv: z.literal('Ed25519'),
  x: z.string().check(z.regex(/^[A-Za-z0-9_-]{43}$/, 'must be a 32-byte base64url key')),
  kid: z.string().check(z.regex(/^[A-Za-z0-9_-]{43}$/, 'must be an RFC 7638 thumbprint')),
  alg: z.optional(z.literal('EdDSA')),
  use: z.optional(z.literal('sig')),
});
export type PublicEd25519Jwk = z.infer<typeof PublicEd25519Jwk>;

/** A JWK Set of public Ed25519 keys (§2.2). */
export const PublicJwkSet = z.object({
  keys: z.array(PublicEd25519Jwk).check(z.minLength(1), z.maxLength(8)),
});
export type PublicJwkSet = z.infer<typeof PublicJwkSet>;

/** Most retired keys a descriptor or membership statement lists (§9.1). */
export const MAX_RETIRED_KEYS = 32;

/**
 * Public keys an issuer signed records with before its current ones (§9.1): they verify those
 * records only, never a head, descriptor or ping.
 */
export const RetiredJwkSet = z.object({
  keys: z.array(PublicEd25519Jwk).check(z.maxLength(MAX_RETIRED_KEYS)),
});
export type RetiredJwkSet = z.infer<typeof RetiredJwkSet>;

/** A revocation: records signed by `kid` at or after `fromSeq` are invalid (§9.4). */
export const KeyRevocation = z.object({
  kid: z.string().check(z.regex(/^[A-Za-z0-9_-]{43}$/)),
  fromSeq: Seq,
});
export type KeyRevocation = z.infer<typeof KeyRevocation>;

/** Most revocations a descriptor or membership statement lists (§9.4). */
export const MAX_REVOCATIONS = 64;
