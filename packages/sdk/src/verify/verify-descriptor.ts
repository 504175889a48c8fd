import {
  JWS_TYP,
  NodeDescriptor,
  PublicEd25519Jwk as PublicKeySchema,
  SCHEMA_MAJOR,
  schemaMajorOf,
} from '@promise-global/schema';
import { ProtocolError } from '../errors.js';
import { jwkThumbprint } from '../keys/thumbprint.js';
import { LIMITS, numericDate } from '../limits.js';
import { checkHeader, parseClaims, splitCompact } from './compact.js';
import { checkSignature, type PinnedKey, type PinnedKeys, pinKeys } from './pinned-keys.js';
import { checkTimes } from './times.js';
import { checkControlKey, type VerifyTimeOptions } from './verify-token.js';

/** Options of {@link verifyDescriptor}. */
export interface VerifyDescriptorOptions extends VerifyTimeOptions {
  /** The node URL the descriptor was fetched for; must be its `iss` and `sub`. */
  url?: string;
  /** The keys already pinned for this node; absent at first contact (enrolment, §3.1). */
  keys?: PinnedKeys;
}

/** A verified descriptor and the pins that result from applying it (§9). */
export interface VerifiedDescriptor {
  descriptor: NodeDescriptor;
  /** The node's pinned keys after this descriptor: new active set, retired and revoked keys. */
  keys: PinnedKeys;
  /** True when the set of active keys changed (a rotation). */
  rotated: boolean;
  /** The kid of the key that signed the descriptor: at enrolment, the key the operator confirms. */
  signerKid: string;
}

/**
 * §2.2 and §10.7: the claims table (`CLAIMS_INVALID`), then the partner profile against the
 * schema's `Partner`: an object that fails only there is `SCHEMA_INVALID`, like record data.
 */
function parseDescriptorClaims(claims: Record<string, unknown>): NodeDescriptor {
  const result = NodeDescriptor.safeParse(claims);
  if (result.success) return result.data;
  const { partner } = claims;
  const profileOnly =
    typeof partner === 'object' &&
    partner !== null &&
    !Array.isArray(partner) &&
    result.error.issues.every((issue) => issue.path[0] === 'partner');
  const issues = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  throw new ProtocolError(
    profileOnly ? 'SCHEMA_INVALID' : 'CLAIMS_INVALID',
    `descriptor: ${issues.join('; ')}`,
    { issues },
  );
}

async function keyFromClaims(
  claims: Record<string, unknown>,
  kid: string,
): Promise<PinnedKey | undefined> {
  const jwks = claims.jwks as { keys?: unknown } | undefined;
  const candidates = Array.isArray(jwks?.keys) ? jwks.keys : [];
  const match = candidates.find(
    (candidate: unknown) => (candidate as { kid?: unknown } | null)?.kid === kid,
  );
  if (match === undefined) return undefined;
  const parsed = PublicKeySchema.safeParse(match);
  if (!parsed.success || (await jwkThumbprint(parsed.data)) !== kid) {
    throw new ProtocolError('KEY_INVALID', `descriptor key ${kid} is not a valid Ed25519 JWK`);
  }
  return { kid, publicJwk: parsed.data, status: 'active' };
}

/** §9.2: a descriptor is signed by an active pinned key, or the pre-committed next key. */
async function signerOf(
  kid: string,
  claims: Record<string, unknown>,
  pinned?: PinnedKeys,
): Promise<PinnedKey> {
  const known = pinned?.keys.find((key) => key.kid === kid);
  if (known !== undefined) {
    checkControlKey(known, 'descriptor');
    return known;
  }
  const offered = await keyFromClaims(claims, kid);
  if (pinned === undefined || kid === pinned.nextKid) {
    if (offered !== undefined) return offered;
  } else if (offered !== undefined) {
    throw new ProtocolError(
      'KEY_ROTATION_UNAUTHORISED',
      `descriptor is self-signed by unpinned kid ${kid}`,
    );
  }
  throw new ProtocolError(
    'UNKNOWN_KID',
    `descriptor is signed with kid ${kid}, which is not pinned`,
  );
}

async function applyDescriptor(
  descriptor: NodeDescriptor,
  previous?: PinnedKeys,
): Promise<PinnedKeys> {
  const fresh = await pinKeys(
    descriptor.jwks,
    descriptor.retiredJwks ? { retired: descriptor.retiredJwks } : {},
  );
  const revokedFrom = new Map<string, number>();
  for (const { kid, fromSeq } of [
    ...(previous?.keys ?? []).flatMap((key) =>
      key.revokedFromSeq === undefined ? [] : [{ kid: key.kid, fromSeq: key.revokedFromSeq }],
    ),
    ...descriptor.revocations,
  ]) {
    revokedFrom.set(kid, Math.min(fromSeq, revokedFrom.get(kid) ?? fromSeq));
  }
  const listed = new Set(fresh.keys.map((key) => key.kid));
  const retired = (previous?.keys ?? []).filter((key) => !listed.has(key.kid));
  const keys = [
    ...fresh.keys,
    ...retired.map((key) => ({ ...key, status: 'retired' as const })),
  ].map((key) => {
    const fromSeq = revokedFrom.get(key.kid);
    return fromSeq === undefined ? key : { ...key, revokedFromSeq: fromSeq };
  });
  const revokedActive = keys.find(
    (key) => key.status === 'active' && key.revokedFromSeq !== undefined,
  );
  if (revokedActive !== undefined) {
    throw new ProtocolError(
      'KEY_REVOKED',
      `descriptor lists revoked kid ${revokedActive.kid} as active`,
    );
  }
  return {
    keys,
    ...(descriptor.nextKid === undefined ? {} : { nextKid: descriptor.nextKid }),
    descriptorIat: descriptor.iat,
  };
}

function sameActiveKeys(a: PinnedKeys | undefined, b: PinnedKeys): boolean {
  const kids = (keys: PinnedKeys | undefined) =>
    (keys?.keys ?? [])
      .filter((key) => key.status === 'active')
      .map((key) => key.kid)
      .sort()
      .join(' ');
  return kids(a) === kids(b);
}

/**
 * Verifies a node descriptor (§2.2, §9) and computes the node's pins after it. At first contact
 * (no `keys`) the descriptor must be signed by a key it lists; the administrator approving the
 * node is what makes that trust (§3.1), and the keys it lists as retired are pinned as retired so
 * the node's older records verify. Later, only an active pinned key or the pre-committed `nextKid`
 * may sign one; keys it no longer lists become retired, revocations accumulate.
 *
 * @example
 * const { descriptor, keys } = await verifyDescriptor(jws, { url: nodeUrl, keys: current });
 */
export async function verifyDescriptor(
  jws: unknown,
  options: VerifyDescriptorOptions = {},
): Promise<VerifiedDescriptor> {
  const what = 'descriptor';
  const parts = splitCompact(jws, LIMITS.maxTokenBytes, what);
  const kid = checkHeader(parts.header, JWS_TYP.descriptor, what);
  // The unverified claims only offer key material; it is trusted only if pinned or pre-committed.
  const signer = await signerOf(kid, parseClaims(parts.payloadBytes, what), options.keys);
  await checkSignature(signer, parts.signingInput, parts.signature, what);
  const claims = parseClaims(parts.payloadBytes, what);
  checkTimes(claims, what, {
    now: numericDate(options.now),
    maxLifetime: LIMITS.maxLifetimeSeconds.descriptor,
  });
  if (
    typeof claims.schemaVersion === 'string' &&
    schemaMajorOf(claims.schemaVersion) !== SCHEMA_MAJOR
  ) {
    throw new ProtocolError('SCHEMA_MAJOR_UNKNOWN', `descriptor schema ${claims.schemaVersion}`);
  }
  const descriptor = parseDescriptorClaims(claims);
  if (descriptor.iss !== descriptor.sub)
    throw new ProtocolError('SUB_MISMATCH', 'descriptor iss and sub differ');
  if (options.url !== undefined && descriptor.iss !== options.url) {
    throw new ProtocolError(
      'ISS_MISMATCH',
      `descriptor iss ${descriptor.iss} is not ${options.url}`,
    );
  }
  const previousIat = options.keys?.descriptorIat;
  if (previousIat !== undefined && descriptor.iat < previousIat) {
    throw new ProtocolError('DESCRIPTOR_REPLAYED', 'descriptor is older than one already applied');
  }
  const keys = await applyDescriptor(descriptor, options.keys);
  return {
    descriptor,
    keys,
    rotated: options.keys !== undefined && !sameActiveKeys(options.keys, keys),
    signerKid: kid,
  };
}
