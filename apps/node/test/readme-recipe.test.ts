import { isProtocolError } from '@promise-global/sdk';
import {
  initialFeedState,
  pinKeys,
  verifyDescriptor,
  verifyFeedPage,
} from '@promise-global/sdk/verify';
import { describe, expect, it } from 'vitest';
import { rotateSigningKey } from '../src/identity/rotate-signing-key.js';
import { organisation } from './fixtures.js';
import { createTestNode } from './test-node.js';

const NODE = 'https://fenland.example.org';

describe('the README’s feed-verification recipe', () => {
  it('verifies every record of a node that has rotated its key', async () => {
    await using t = await createTestNode({ publicUrl: NODE });
    const fetch = (url: string) => Promise.resolve(t.node.app.request(url));
    const add = async (name: string) =>
      expect((await t.call('POST', '/api/organisations', { ...organisation, name })).status).toBe(
        201,
      );
    await add('Before the rotation');
    await rotateSigningKey(t.node.context);
    await add('After the rotation');

    // The recipe, as apps/node/README.md §6 gives it.
    const descriptor = await (await fetch(`${NODE}/.well-known/promise-node`)).text();
    const { keys } = await verifyDescriptor(descriptor, { url: NODE });
    const state = initialFeedState({ iss: NODE, partnerId: 'fenland', keys });
    const page = await (await fetch(`${NODE}/feed?after=0&limit=500`)).json();
    const { records } = await verifyFeedPage(state, page);
    expect(records).toHaveLength(3);

    // The old recipe pinned the JWKS, which lists only the current key.
    const jwks = (await (await fetch(`${NODE}/.well-known/jwks.json`)).json()) as Parameters<
      typeof pinKeys
    >[0];
    const pinned = initialFeedState({ iss: NODE, partnerId: 'fenland', keys: await pinKeys(jwks) });
    await expect(verifyFeedPage(pinned, page)).rejects.toSatisfy((error) =>
      isProtocolError(error, 'UNKNOWN_KID'),
    );
  });
});
