import { z } from 'zod';

const Header = z.object({ kid: z.string().optional(), alg: z.string().optional() });
const RecordClaims = z.object({
  iss: z.string(),
  iat: z.number(),
  seq: z.number(),
  rev: z.number(),
});
const MembershipClaims = z.object({ iat: z.number(), exp: z.number(), sub: z.string() });

function decodePart(jws: string, index: number): unknown {
  const part = jws.split('.')[index];
  if (part === undefined) return null;
  try {
    return JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
}

/**
 * Reads, for display only, the claims of a record JWS the hub has already verified. Nothing here
 * trusts them: the panel offers the raw JWS so readers can verify it with the SDK themselves.
 */
export function recordClaims(jws: string) {
  const header = Header.safeParse(decodePart(jws, 0));
  const claims = RecordClaims.safeParse(decodePart(jws, 1));
  return {
    kid: header.success ? (header.data.kid ?? '') : '',
    alg: header.success ? (header.data.alg ?? '') : '',
    claims: claims.success ? claims.data : null,
  };
}

export function membershipClaims(jws: string | null) {
  if (jws === null) return null;
  const claims = MembershipClaims.safeParse(decodePart(jws, 1));
  return claims.success ? claims.data : null;
}
