import { GENESIS_HASH } from '@promise-global/schema';
import { isProtocolError } from '@promise-global/sdk';
import { generateSigningKey, publicJwks } from '@promise-global/sdk/keys';
import { signHead } from '@promise-global/sdk/sign';
import { pinKeys } from '@promise-global/sdk/verify';
import { describe, expect, it } from 'vitest';
import { verifyAggregatePage } from './aggregate-page.js';

const UPSTREAM = 'https://hub.region.example.org';
const key = await generateSigningKey();
const keys = await pinKeys(publicJwks([key]));

/** An empty aggregate page whose signed head says the upstream's log ends at `end`. */
async function emptyPage(end: number) {
  return { items: [], head: await signHead(key, { iss: UPSTREAM, seq: end, hash: GENESIS_HASH }) };
}

const at = (after: number) => ({ keys, iss: UPSTREAM, after, headIat: 0, limit: 500 });

describe('an empty aggregate page', () => {
  it('is accepted when the upstream ends where the cursor is', async () => {
    const page = await verifyAggregatePage(await emptyPage(40), at(40));
    expect(page.head.seq).toBe(40);
  });

  it('is a rollback when the upstream ends before the cursor: it was reset or rebuilt', async () => {
    await expect(verifyAggregatePage(await emptyPage(12), at(40))).rejects.toSatisfy((error) =>
      isProtocolError(error, 'ROLLBACK'),
    );
  });

  it('is a mismatch when the upstream claims more than it sent', async () => {
    await expect(verifyAggregatePage(await emptyPage(41), at(40))).rejects.toSatisfy((error) =>
      isProtocolError(error, 'HEAD_MISMATCH'),
    );
  });
});
