/** What the provenance panel shows about one signed record. */
export interface ProvenanceDetails {
  /** Whether the hub verified the signature against the node's pinned key. */
  verified: boolean;
  nodeName: string;
  nodeUrl: string;
  /** Where the node publishes its public keys (its JWKS), so a reader can check the key themselves. */
  keysUrl?: string;
  kid: string;
  /** ISO date-time or epoch milliseconds of the signature. */
  signedAt: string | number;
  sequence?: number;
  revision?: number;
  /** The hub's membership statement in words, e.g. "Active member since 3 Nov 2026 (statement expires 3 Dec 2026)". */
  membership: string;
  /** Facts the hub checked, in plain words. */
  facts: readonly string[];
  /** The compact JWS, unchanged from the node. */
  jws: string;
}
