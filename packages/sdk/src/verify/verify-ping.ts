import { JWS_TYP, Ping } from '@promise-global/schema';
import { ProtocolError } from '../errors.js';
import { parseClaimsWith } from '../internal/claims.js';
import { LIMITS } from '../limits.js';
import type { PinnedKeys } from './pinned-keys.js';
import { type VerifyTimeOptions, verifyToken } from './verify-token.js';

/**
 * Remembers ping `jti`s until they expire (§8.2). A `Set<string>` fits; a hub with many
 * instances would use its database.
 */
export interface ReplayGuard {
  has(jti: string): boolean | Promise<boolean>;
  add(jti: string, exp: number): unknown;
}

/** Options of {@link verifyPing}. */
export interface VerifyPingOptions extends VerifyTimeOptions {
  /** The sender's pinned keys, or a lookup by the (claimed) `iss`; `undefined` = not a member. */
  keys: PinnedKeys | ((iss: string) => PinnedKeys | undefined | Promise<PinnedKeys | undefined>);
  /** This hub's URL: the ping's required `aud`. */
  aud: string;
  /** The node the ping must come from, if known. */
  iss?: string;
  /** Seen `jti`s; a ping whose jti is in it fails with `PING_REPLAYED`, otherwise it is added. */
  replay?: ReplayGuard;
}

async function resolveKeys(
  options: VerifyPingOptions,
  claims: Record<string, unknown>,
): Promise<PinnedKeys> {
  if (typeof options.keys !== 'function') return options.keys;
  if (typeof claims.iss !== 'string') throw new ProtocolError('CLAIMS_INVALID', 'ping has no iss');
  const keys = await options.keys(claims.iss);
  if (keys === undefined)
    throw new ProtocolError('ISSUER_UNKNOWN', `ping from ${claims.iss}, not a member`);
  return keys;
}

/**
 * Verifies a ping a node POSTed to `{hub}/ping` (§8): typed, signed by the node's pinned active
 * key, short-lived, addressed to this hub, and not seen before.
 *
 * @example
 * const ping = await verifyPing(await c.req.text(), { keys: (iss) => pinsOf(iss), aud: hubUrl, replay: seen });
 * scheduleSync(ping.iss);
 */
export async function verifyPing(jws: unknown, options: VerifyPingOptions): Promise<Ping> {
  const { claims } = await verifyToken(jws, (unverified) => resolveKeys(options, unverified), {
    typ: JWS_TYP.ping,
    what: 'ping',
    maxLifetime: LIMITS.maxLifetimeSeconds.ping,
    now: options.now,
  });
  if (claims.aud === undefined) throw new ProtocolError('AUD_MISSING', 'ping has no aud');
  if (claims.aud !== options.aud)
    throw new ProtocolError('AUD_MISMATCH', `ping is for ${String(claims.aud)}`);
  const ping = parseClaimsWith(Ping, claims, 'ping');
  if (options.iss !== undefined && ping.iss !== options.iss) {
    throw new ProtocolError('ISS_MISMATCH', `ping iss ${ping.iss} is not ${options.iss}`);
  }
  if (options.replay !== undefined) {
    if (await options.replay.has(ping.jti))
      throw new ProtocolError('PING_REPLAYED', `ping ${ping.jti} was seen`);
    await options.replay.add(ping.jti, ping.exp);
  }
  return ping;
}
