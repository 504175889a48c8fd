import { describe, expect, test } from 'vitest';
import { vectorContext } from '../../scripts/vectors/context.js';
import { HUB, NODE_A, NOW_DATE } from '../../scripts/vectors/fixtures.js';
import { isProtocolError } from '../errors.js';
import { signPing } from '../sign/index.js';
import { verifyPing } from './index.js';

const ctx = await vectorContext();

describe('verifyPing (§8)', () => {
  test('accepts a fresh ping once and refuses its replay with a Set as the guard', async () => {
    const jws = await signPing(
      ctx.keys.nodeA,
      { iss: NODE_A, aud: HUB, seq: 6 },
      { now: NOW_DATE },
    );
    const seen = new Set<string>();
    const options = { keys: ctx.pinnedA, aud: HUB, iss: NODE_A, now: NOW_DATE, replay: seen };
    expect((await verifyPing(jws, options)).seq).toBe(6);
    expect(seen.size).toBe(1);
    await expect(verifyPing(jws, options)).rejects.toSatisfy((error) =>
      isProtocolError(error, 'PING_REPLAYED'),
    );
  });

  test('refuses a ping that expired a few minutes ago', async () => {
    const jws = await signPing(
      ctx.keys.nodeA,
      { iss: NODE_A, aud: HUB, seq: 6 },
      { now: new Date(NOW_DATE.getTime() - 300_000) },
    );
    await expect(verifyPing(jws, { keys: ctx.pinnedA, aud: HUB, now: NOW_DATE })).rejects.toSatisfy(
      (error) => isProtocolError(error, 'EXPIRED'),
    );
  });
});
