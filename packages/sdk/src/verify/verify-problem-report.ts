import { JWS_TYP, ProblemReportDelivery } from '@promise-global/schema';
import { ProtocolError } from '../errors.js';
import { parseClaimsWith } from '../internal/claims.js';
import { LIMITS } from '../limits.js';
import type { PinnedKeys } from './pinned-keys.js';
import { type VerifyTimeOptions, verifyToken } from './verify-token.js';

/** Options of {@link verifyProblemReport}. */
export interface VerifyProblemReportOptions extends VerifyTimeOptions {
  /** The keys of the hub this node belongs to (its `/.well-known/jwks.json`). */
  hubKeys: PinnedKeys;
  /** The hub's URL: the delivery's required `iss`. */
  hub: string;
  /** This node's URL: the delivery's required `aud`. */
  aud: string;
}

/**
 * Verifies a problem report a hub POSTed to a node (§8.4): typed, signed by the hub's active key,
 * short-lived, issued by this node's hub and addressed to this node.
 *
 * @example
 * const { report } = await verifyProblemReport(await c.req.text(), { hubKeys, hub: hubUrl, aud: nodeUrl });
 */
export async function verifyProblemReport(
  jws: unknown,
  options: VerifyProblemReportOptions,
): Promise<ProblemReportDelivery> {
  const { claims } = await verifyToken(jws, options.hubKeys, {
    typ: JWS_TYP.problemReport,
    what: 'problem report',
    maxLifetime: LIMITS.maxLifetimeSeconds.problemReport,
    now: options.now,
  });
  if (claims.aud === undefined) throw new ProtocolError('AUD_MISSING', 'problem report has no aud');
  if (claims.aud !== options.aud)
    throw new ProtocolError('AUD_MISMATCH', `problem report is for ${String(claims.aud)}`);
  const delivery = parseClaimsWith(ProblemReportDelivery, claims, 'problem report');
  if (delivery.iss !== options.hub)
    throw new ProtocolError(
      'ISS_MISMATCH',
      `problem report iss ${delivery.iss} is not ${options.hub}`,
    );
  return delivery;
}
