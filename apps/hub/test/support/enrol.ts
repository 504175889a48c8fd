import type { HubClient, NodeStatus } from '@promise-global/sdk/client/hub';
import { keyFingerprint } from '@promise-global/sdk/keys';

/**
 * The kid that signs a node's descriptor, read straight from the node: in tests (and benches) the
 * harness's own line to the node stands for the partner reading out `promise-node key show`.
 */
export async function signingKidOf(nodeUrl: string): Promise<string> {
  const jws = await (await fetch(`${nodeUrl}/.well-known/promise-node`)).text();
  const header = JSON.parse(Buffer.from(jws.split('.')[0] ?? '', 'base64url').toString()) as {
    kid: string;
  };
  return header.kid;
}

/**
 * Enrols a node as an operator does (docs/protocol.md §3.1): starts the enrolment, then approves
 * it with the fingerprint of the node's key as the partner gave it, not as the hub showed it.
 * `kid` is the node's signing key's kid when the test holds the key; otherwise it is read from
 * the node directly.
 */
export async function enrolAndApprove(
  operator: HubClient,
  url: string,
  kid?: string,
): Promise<NodeStatus> {
  const pending = await operator.enrolNode({ url });
  const fingerprint = keyFingerprint(kid ?? (await signingKidOf(url)));
  return operator.approveNode({ partnerId: pending.partnerId, fingerprint });
}
