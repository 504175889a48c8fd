import type { NodeStatus, RecordDetail } from '@promise-global/sdk/client/hub';
import type { ProvenanceDetails } from '@promise-global/ui';
import { formatDate } from '@promise-global/ui/format';
import { membershipClaims, recordClaims } from './jws-claims.js';

function membershipInWords(record: RecordDetail, node: NodeStatus | undefined): string {
  const membership = membershipClaims(record.verification.membership);
  const state =
    node?.state === 'active' || node === undefined
      ? 'Member of the network'
      : `Membership ${node.state}`;
  if (membership === null) return `${state}; no membership statement on record`;
  return `${state}: the hub's signed statement was issued ${formatDate(membership.iat * 1000)} and runs to ${formatDate(membership.exp * 1000)}`;
}

/** Where a node publishes its public keys (`/.well-known/jwks.json`); none for an odd URL. */
export function keysUrlOf(nodeUrl: string): string | undefined {
  try {
    const url = new URL(nodeUrl);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
    return `${url.origin}${url.pathname.replace(/\/+$/, '')}/.well-known/jwks.json`;
  } catch {
    return undefined;
  }
}

/** The provenance panel's contents for a record the hub harvested and verified. */
export function provenanceOf(
  record: RecordDetail,
  nodeName: string,
  node: NodeStatus | undefined,
): ProvenanceDetails {
  const { kid, alg, claims } = recordClaims(record.jws);
  const signedAt = claims
    ? claims.iat * 1000
    : Date.parse(record.data && 'updatedAt' in record.data ? record.data.updatedAt : '') || 0;
  return {
    verified: true,
    nodeName,
    nodeUrl: record.nodeUrl,
    keysUrl: keysUrlOf(record.nodeUrl),
    kid: kid || record.verification.kid,
    signedAt,
    sequence: record.seq,
    revision: record.rev,
    membership: membershipInWords(record, node),
    facts: [
      `The signature (${alg || record.verification.algorithm}) matches ${nodeName}'s key ${kid || record.verification.kid}, pinned by the hub when the node was enrolled.`,
      `It was issued by ${claims?.iss ?? record.nodeUrl}, inside that node's own namespace.`,
      `It is record ${record.seq} of the node's feed and links to the record before it (no gaps, no rewrites).`,
    ],
    jws: record.jws,
  };
}
