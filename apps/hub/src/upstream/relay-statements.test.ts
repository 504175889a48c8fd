import { generateSigningKey, publicJwks } from '@promise-global/sdk/keys';
import { pinKeys } from '@promise-global/sdk/verify';
import { describe, expect, it } from 'vitest';
import { mergeKeys } from './relay-statements.js';

describe('mergeKeys', () => {
  it('keeps keys a newer statement drops as retired and never lifts a revocation', async () => {
    const [a, b, c] = await Promise.all([1, 2, 3].map(() => generateSigningKey()));
    if (!a || !b || !c) throw new Error('keys');
    const pinned = await pinKeys(publicJwks([a, b]), { revocations: [{ kid: a.kid, fromSeq: 5 }] });
    const next = await pinKeys(publicJwks([a, c]), { revocations: [{ kid: c.kid, fromSeq: 9 }] });
    const merged = mergeKeys(pinned, next);
    expect(
      merged.keys.map(({ kid, status, revokedFromSeq }) => [kid, status, revokedFromSeq]),
    ).toEqual([
      [a.kid, 'active', 5],
      [c.kid, 'active', 9],
      [b.kid, 'retired', undefined],
    ]);
  });
});
