import * as z from 'zod/mini';
import { EntityUrl, NumericDate } from './common.js';

/**
 * The claims of a ping (§8): a node (`iss`) tells a hub (`aud`) its feed changed up to `seq`.
 * Short-lived; `jti` is unique so a hub can refuse replays.
 */
export const Ping = z.object({
  iss: EntityUrl,
  aud: EntityUrl,
  iat: NumericDate,
  exp: NumericDate,
  jti: z.string().check(z.regex(/^[A-Za-z0-9_-]{16,64}$/)),
  seq: z.int().check(z.minimum(0), z.maximum(Number.MAX_SAFE_INTEGER)),
});
export type Ping = z.infer<typeof Ping>;

/** What a node passes to `signPing`; the signer fills `iat`, `exp` and `jti` when absent (§8). */
export type PingInput = Omit<Ping, 'iat' | 'exp' | 'jti'> & {
  iat?: number;
  exp?: number;
  jti?: string;
};
