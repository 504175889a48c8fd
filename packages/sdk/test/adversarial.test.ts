import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { vectorContext } from '../scripts/vectors/context.js';
import { HUB, NODE_A, NOW_DATE, partnerA } from '../scripts/vectors/fixtures.js';
import { ProtocolError } from '../src/errors.js';
import {
  initialFeedState,
  verifyDescriptor,
  verifyFeedPage,
  verifyHead,
  verifyMembership,
  verifyPing,
  verifyRecord,
} from '../src/verify/index.js';

const ctx = await vectorContext();
const now = NOW_DATE;
const state = initialFeedState({ iss: NODE_A, keys: ctx.pinnedA, partnerId: partnerA.id });
const verifiers: ((input: unknown) => Promise<unknown>)[] = [
  (jws) => verifyRecord(jws, { keys: ctx.pinnedA, iss: NODE_A, now }),
  (jws) => verifyHead(jws, { keys: ctx.pinnedA, iss: NODE_A, now }),
  (jws) => verifyDescriptor(jws, { url: NODE_A, now }),
  (jws) => verifyDescriptor(jws, { url: NODE_A, keys: ctx.pinnedA, now }),
  (jws) => verifyMembership(jws, { hubKeys: ctx.pinnedHub, hub: HUB, now }),
  (jws) => verifyPing(jws, { keys: () => ctx.pinnedA, aud: HUB, now }),
  (page) => verifyFeedPage(state, page, { now }),
];

async function onlyProtocolErrors(input: unknown): Promise<void> {
  for (const verify of verifiers) {
    try {
      await verify(input);
    } catch (error) {
      expect(error).toBeInstanceOf(ProtocolError);
    }
  }
}

const b64 = (value: unknown) =>
  Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

describe('adversarial input never escapes as anything but ProtocolError (§10)', () => {
  test('random strings and values', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), fc.jsonValue(), fc.anything()), onlyProtocolErrors),
      {
        numRuns: 150,
      },
    );
  });

  test('three random base64url segments with JSON-looking headers and claims', async () => {
    const segment = fc.oneof(fc.jsonValue().map(b64), fc.string().map(b64), fc.base64String());
    const header = fc
      .record({
        alg: fc.constantFrom('EdDSA', 'none', 'HS256', 'RS256'),
        kid: fc.string(),
        typ: fc.string(),
      })
      .map(b64);
    await fc.assert(
      fc.asyncProperty(fc.tuple(fc.oneof(header, segment), segment, segment), async (parts) => {
        await onlyProtocolErrors(parts.join('.'));
      }),
      { numRuns: 150 },
    );
  });

  test('a valid record with one character changed never verifies', async () => {
    const jws = ctx.records[3] ?? '';
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=+/{';
    await fc.assert(
      fc.asyncProperty(
        fc.nat(jws.length - 1),
        fc.constantFrom(...alphabet),
        async (index, char) => {
          fc.pre(jws[index] !== char);
          const mutated = `${jws.slice(0, index)}${char}${jws.slice(index + 1)}`;
          await expect(
            verifyRecord(mutated, { keys: ctx.pinnedA, iss: NODE_A, now }),
          ).rejects.toBeInstanceOf(ProtocolError);
        },
      ),
      { numRuns: 200 },
    );
  });

  test('random page shapes', async () => {
    const page = fc.record({
      records: fc.array(fc.oneof(fc.string(), fc.constantFrom(...ctx.records))),
      head: fc.oneof(fc.string(), fc.constant(ctx.head)),
    });
    await fc.assert(fc.asyncProperty(page, onlyProtocolErrors), { numRuns: 150 });
  });
});
