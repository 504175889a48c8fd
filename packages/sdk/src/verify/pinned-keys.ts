import type {
  KeyRevocation,
  PublicEd25519Jwk,
  PublicJwkSet,
  RetiredJwkSet,
} from '@promise-global/schema';
import { PublicEd25519Jwk as PublicKeySchema } from '@promise-global/schema';
import { ProtocolError } from '../errors.js';
import { jwkThumbprint } from '../keys/thumbprint.js';

/**
 * A key a verifier trusts for one issuer (§9.1). `active` keys sign anything; `retired` keys only
 * keep the records they signed verifiable. With `revokedFromSeq`, records signed by this key at or
 * after that seq fail with `KEY_REVOKED`, and it signs nothing else.
 */
export interface PinnedKey {
  kid: string;
  publicJwk: PublicEd25519Jwk;
  status: 'active' | 'retired';
  revokedFromSeq?: number;
}

/**
 * The keys a verifier pinned for one issuer (§9.1), plus the thumbprint pre-committed for the next
 * rotation and the `iat` of the last descriptor applied (older descriptors are replays).
 */
export interface PinnedKeys {
  keys: readonly PinnedKey[];
  nextKid?: string;
  descriptorIat?: number;
}

/**
 * Pins a JWK Set after checking every key is Ed25519 and its `kid` is its RFC 7638 thumbprint
 * (§9.1). This is the administrator's act of enrolment or re-pinning (§3.1). `retired` keys are
 * pinned as retired: they verify the records they signed, nothing else.
 *
 * @example
 * const keys = await pinKeys(await (await fetch(`${url}/.well-known/jwks.json`)).json());
 */
export async function pinKeys(
  jwks: PublicJwkSet,
  options: {
    nextKid?: string;
    revocations?: readonly KeyRevocation[];
    retired?: RetiredJwkSet;
  } = {},
): Promise<PinnedKeys> {
  const keys: PinnedKey[] = [];
  const sets = [
    { status: 'active' as const, candidates: jwks.keys },
    { status: 'retired' as const, candidates: options.retired?.keys ?? [] },
  ];
  for (const { status, candidates } of sets) {
    for (const candidate of candidates) {
      const parsed = PublicKeySchema.safeParse(candidate);
      if (!parsed.success)
        throw new ProtocolError(
          'KEY_INVALID',
          'a pinned key must be a public Ed25519 JWK with kid',
        );
      const jwk = parsed.data;
      if ((await jwkThumbprint(jwk)) !== jwk.kid) {
        throw new ProtocolError('KEY_INVALID', `kid ${jwk.kid} is not the thumbprint of its key`);
      }
      if (keys.some((key) => key.kid === jwk.kid)) {
        throw new ProtocolError('KEY_INVALID', `kid ${jwk.kid} is listed twice`);
      }
      const revoked = options.revocations?.find((revocation) => revocation.kid === jwk.kid);
      keys.push({
        kid: jwk.kid,
        publicJwk: jwk,
        status,
        ...(revoked ? { revokedFromSeq: revoked.fromSeq } : {}),
      });
    }
  }
  return { keys, ...(options.nextKid ? { nextKid: options.nextKid } : {}) };
}

/** Finds the pinned key for `kid`, or explains why there is none (§10.4). */
export function findPinnedKey(
  pinned: PinnedKeys,
  kid: string,
  what: string,
  networkKids?: ReadonlyMap<string, string>,
): PinnedKey {
  const key = pinned.keys.find((candidate) => candidate.kid === kid);
  if (key !== undefined) return key;
  const owner = networkKids?.get(kid);
  if (owner !== undefined) {
    throw new ProtocolError('KID_FOREIGN', `${what} is signed with a key pinned for ${owner}`);
  }
  throw new ProtocolError('UNKNOWN_KID', `${what} is signed with kid ${kid}, which is not pinned`);
}

type VerifyKey = Awaited<ReturnType<typeof crypto.subtle.importKey>>;

const verifyKeys = new Map<string, Promise<VerifyKey>>();

/** The WebCrypto key of a pinned public JWK, imported once per key. */
function cryptoKeyOf(jwk: PublicEd25519Jwk): Promise<VerifyKey> {
  let cached = verifyKeys.get(jwk.x);
  if (cached === undefined) {
    cached = crypto.subtle.importKey(
      'jwk',
      { kty: 'OKP', crv: 'Ed25519', x: jwk.x },
      { name: 'Ed25519' },
      false,
      ['verify'],
    );
    verifyKeys.set(jwk.x, cached);
  }
  return cached;
}

/**
 * Checks an Ed25519 signature over the JWS signing input (§10.5) with WebCrypto, which Node 20+
 * and current browsers provide alike.
 */
export async function checkSignature(
  key: PinnedKey,
  signingInput: Uint8Array<ArrayBuffer>,
  signature: Uint8Array<ArrayBuffer>,
  what: string,
): Promise<void> {
  const valid =
    signature.length === 64 &&
    (await crypto.subtle.verify(
      'Ed25519',
      await cryptoKeyOf(key.publicJwk),
      signature,
      signingInput,
    ));
  if (!valid)
    throw new ProtocolError(
      'SIGNATURE_INVALID',
      `${what} signature does not verify with kid ${key.kid}`,
    );
}
