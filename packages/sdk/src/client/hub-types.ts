/**
 * The hub's public API shapes (tRPC procedures and their results). The hub's router is checked
 * against these types at compile time, so the SDK never depends on the hub's code.
 */

/** A piece of result text; `match` marks words that matched the query. */
export interface SnippetPart {
  text: string;
  match: boolean;
}

/** One value of a facet and how many results carry it. */
export interface FacetCount {
  value: string;
  count: number;
}

/** A page of results; pass `nextCursor` back as `cursor` for the next page. */
export interface SearchPage<T> {
  items: T[];
  nextCursor: string | null;
}

export interface InnovationFilters {
  themes?: string[];
  kinds?: string[];
  partners?: string[];
  countries?: string[];
  years?: number[];
  evidenceLevels?: string[];
}

export interface InnovationSearchInput {
  q?: string;
  filters?: InnovationFilters;
  limit?: number;
  cursor?: string;
}

export interface InnovationHit {
  partnerId: string;
  nodeUrl: string;
  id: string;
  title: string;
  kind: string | null;
  themes: string[];
  country: string | null;
  year: number | null;
  evidenceLevel: string | null;
  status: string | null;
  publishedAt: string | null;
  updatedAt: string;
  highlights: { title: SnippetPart[]; summary: SnippetPart[]; body: SnippetPart[] };
}

export interface InnovationFacets {
  theme: FacetCount[];
  kind: FacetCount[];
  partner: FacetCount[];
  country: FacetCount[];
  year: FacetCount[];
  evidenceLevel: FacetCount[];
}

export interface ServiceFilters {
  categories?: string[];
  urgencies?: string[];
  referralRoutes?: string[];
  areas?: string[];
  statuses?: string[];
  partners?: string[];
  available24x7?: boolean;
}

export interface ServiceSearchInput {
  q?: string;
  filters?: ServiceFilters;
  limit?: number;
  cursor?: string;
}

export interface ServiceHit {
  partnerId: string;
  nodeUrl: string;
  id: string;
  name: string;
  organisationId: string | null;
  status: string | null;
  urgency: string | null;
  available24x7: boolean;
  categories: string[];
  referralRoutes: string[];
  areas: string[];
  updatedAt: string;
  highlights: { name: SnippetPart[]; description: SnippetPart[]; areas: SnippetPart[] };
}

export interface ServiceFacets {
  category: FacetCount[];
  urgency: FacetCount[];
  referralRoute: FacetCount[];
  area: FacetCount[];
  available24x7: FacetCount[];
  status: FacetCount[];
}

export type HubRecordType = 'partner' | 'organisation' | 'service' | 'innovation';

/** Everything needed to check a record's provenance independently (docs/protocol.md §3, §4). */
export interface RecordDetail {
  partnerId: string;
  nodeUrl: string;
  type: HubRecordType;
  id: string;
  rev: number;
  seq: number;
  /** The node's signed record, exactly as harvested. */
  jws: string;
  /** The record's hash (the next record's `prev`). */
  hash: string;
  data: Record<string, unknown> | null;
  verification: {
    kid: string;
    algorithm: 'EdDSA';
    prev: string;
    /** The hub's signed membership statement for the node (pins the node's keys). */
    membership: string | null;
    /** Where the hub's own public keys are. */
    hubJwksUrl: string;
    /** Position of this version in the hub's log (its aggregate feed). */
    hubSeq: number;
  };
}

export type NodeMembershipState = 'active' | 'suspended' | 'removed';
export type NodeHealth =
  | 'pending'
  | 'healthy'
  | 'lagging'
  | 'failing'
  | 'suspended'
  | 'needs-attention';

export interface NodeStatus {
  partnerId: string;
  name: string;
  nodeUrl: string;
  country: string | null;
  state: NodeMembershipState;
  health: NodeHealth;
  cursorSeq: number;
  headSeq: number;
  lag: number;
  lastSuccessAt: string | null;
  lastError: { code: string; message: string; at: string } | null;
  consecutiveFailures: number;
  circuitOpenUntil: string | null;
  /** Thumbprints (kids) of the node's active pinned keys, for the operator to check (§3.1). */
  pinnedKids: string[];
}

export interface PartnerSummary {
  partnerId: string;
  name: string;
  nodeUrl: string;
  country: string | null;
  health: NodeHealth;
  innovations: number;
  services: number;
}

export interface QuarantinedRecord {
  partnerId: string;
  seq: number | null;
  type: string;
  id: string;
  schemaVersion: string;
  reasonCode: string;
  reason: string;
  createdAt: string;
}

export type AdminRole = 'operator' | 'editor';

export interface CreatedToken {
  id: number;
  name: string;
  role: AdminRole;
  /** Shown once; the hub stores only its hash. */
  token: string;
}
