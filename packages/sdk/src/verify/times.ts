import { ProtocolError } from '../errors.js';
import { LIMITS } from '../limits.js';

/** How a message's `iat`/`nbf`/`exp` are judged (§11.2). */
export interface TimeRule {
  now: number;
  /** Longest allowed `exp - iat`; `undefined` means the message must carry no `exp` (records). */
  maxLifetime: number | undefined;
}

function numericDate(
  claims: Record<string, unknown>,
  name: string,
  what: string,
): number | undefined {
  const value = claims[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new ProtocolError('CLAIMS_INVALID', `${what} ${name} is not a NumericDate`);
  }
  return value;
}

/** §11.2: required `iat`, `exp` where the message type requires it, bounded clock skew. */
export function checkTimes(claims: Record<string, unknown>, what: string, rule: TimeRule): void {
  const skew = LIMITS.clockSkewSeconds;
  const iat = numericDate(claims, 'iat', what);
  const nbf = numericDate(claims, 'nbf', what);
  const exp = numericDate(claims, 'exp', what);
  if (iat === undefined) throw new ProtocolError('IAT_MISSING', `${what} has no iat`);
  if (iat > rule.now + skew)
    throw new ProtocolError('NOT_YET_VALID', `${what} was issued in the future`);
  if (nbf !== undefined && nbf > rule.now + skew) {
    throw new ProtocolError('NOT_YET_VALID', `${what} is not valid yet (nbf)`);
  }
  if (rule.maxLifetime === undefined) {
    if (exp !== undefined) throw new ProtocolError('CLAIMS_INVALID', `${what} must not carry exp`);
    return;
  }
  if (exp === undefined) throw new ProtocolError('EXP_MISSING', `${what} has no exp`);
  if (exp < iat) throw new ProtocolError('CLAIMS_INVALID', `${what} expires before it was issued`);
  if (exp <= rule.now - skew) throw new ProtocolError('EXPIRED', `${what} expired`);
  if (exp - iat > rule.maxLifetime || exp > rule.now + skew + rule.maxLifetime) {
    throw new ProtocolError(
      'EXP_TOO_FAR',
      `${what} expires further ahead than ${rule.maxLifetime} s`,
    );
  }
}
