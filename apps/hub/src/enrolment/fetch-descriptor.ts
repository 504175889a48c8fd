import {
  type PinnedKeys,
  type VerifiedDescriptor,
  verifyDescriptor,
} from '@promise-global/sdk/verify';
import type { HubContext } from '../context.js';
import { fetchNodeJwt } from '../harvest/fetch-json.js';

/** Fetches a node's descriptor from its well-known path and verifies it (§2.2, §9), with its signer. */
export async function fetchDescriptor(
  ctx: HubContext,
  url: string,
  keys?: PinnedKeys,
): Promise<VerifiedDescriptor & { jws: string }> {
  const { harvest } = ctx.config;
  const limits = { ...harvest.timeouts, maxBytes: 64 * 1024 };
  const jws = await fetchNodeJwt(`${url}/.well-known/promise-node`, limits, ctx.policy);
  const verified = await verifyDescriptor(jws, keys ? { url, keys } : { url });
  return { ...verified, jws };
}
