import type { RecordData } from '@promise-global/schema';

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
  /** How many results match in all (counted on the first page; later pages repeat it). */
  total: number;
}

export interface InnovationFilters {
  themes?: string[];
  kinds?: string[];
  partners?: string[];
  countries?: string[];
  years?: number[];
  evidenceLevels?: string[];
  /** Only pieces another partner is exploring, piloting or has adopted. */
  takenUp?: boolean;
}

/**
 * `relevance` (with a query; the default), `newest` (most recently updated first) or `spread`
 * (taken up by the most other partners first, then newest).
 */
export type InnovationSort = 'relevance' | 'newest' | 'spread';

export interface InnovationSearchInput {
  q?: string;
  filters?: InnovationFilters;
  sort?: InnovationSort;
  limit?: number;
  cursor?: string;
}

export interface InnovationHit {
  partnerId: string;
  nodeUrl: string;
  id: string;
  title: string;
  summary: string;
  kind: string | null;
  themes: string[];
  country: string | null;
  year: number | null;
  evidenceLevel: string | null;
  status: string | null;
  publishedAt: string | null;
  /** The node's signed submission time (Project 52), when submitted. */
  submittedAt: string | null;
  updatedAt: string;
  /** How many other partners are exploring, piloting or have adopted it (not those who stopped). */
  takenUpBy: number;
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
  /** Only services whose age range (when they state one) includes this age. */
  age?: number;
  /**
   * Only services open at this instant (ISO 8601), each read in its own IANA time zone, or in
   * `fallbackTimeZone` (default UTC) when it does not name one. Open all hours counts as open.
   */
  openAt?: string;
  fallbackTimeZone?: string;
}

/** A point in WGS84 decimal degrees. */
export interface GeoPoint {
  latitude: number;
  longitude: number;
}

export interface ServiceSearchInput {
  q?: string;
  filters?: ServiceFilters;
  /** Nearest first from this point (services without a place after, by name). */
  near?: GeoPoint;
  limit?: number;
  cursor?: string;
}

export interface ServicePhone {
  number: string;
  type: string;
  description?: string;
}

export interface ServiceSchedule {
  byday: string[];
  opensAt: string;
  closesAt: string;
  description?: string;
}

export interface ServiceHit {
  partnerId: string;
  nodeUrl: string;
  id: string;
  name: string;
  organisationId: string | null;
  /** The organisation's name, when the hub holds its record. */
  organisationName: string | null;
  status: string | null;
  urgency: string | null;
  available24x7: boolean;
  categories: string[];
  referralRoutes: string[];
  areas: string[];
  phones: ServicePhone[];
  schedules: ServiceSchedule[];
  /** The IANA zone its hours are read in, when it names one (schema 1.1). */
  timeZone: string | null;
  /** Its places' coordinates (schema 1.1); empty when it gives none. */
  places: GeoPoint[];
  /** Kilometres from `near` to its nearest place, when the search gave `near` and it has one. */
  distanceKm: number | null;
  /** Opening hours in words, e.g. "Mon to Fri, 09:00 to 17:00" ("Open 24 hours, every day" when so). */
  hours: string[];
  minAge: number | null;
  maxAge: number | null;
  /** When the owner last checked the listing. */
  assuredAt: string | null;
  /** When the owner must check it again (ISO date). */
  reviewDue: string | null;
  updatedAt: string;
  highlights: { name: SnippetPart[]; description: SnippetPart[]; areas: SnippetPart[] };
}

/** Where an area lies: its partner's country (ISO 3166-1) and region, for grouping areas. */
export interface AreaPlace {
  area: string;
  country: string | null;
  region: string | null;
}

export interface ServiceFacets {
  /** Each area of the matching services with its partner's country and region, once each. */
  areaPlaces: AreaPlace[];
  category: FacetCount[];
  urgency: FacetCount[];
  referralRoute: FacetCount[];
  area: FacetCount[];
  available24x7: FacetCount[];
  status: FacetCount[];
}

export type HubRecordType = 'partner' | 'organisation' | 'service' | 'innovation' | 'adoption';

export type AdoptionStage = 'exploring' | 'piloting' | 'adopted' | 'stopped';

/**
 * How an adoption's reference stands against the hub's index (docs/protocol.md §4.7): `ok` (the
 * adopter read the current version), `outdated` (the piece has changed since, or the hash is not
 * its current one), `withdrawn` (its owner withdrew or deleted it) or `unknown` (no such piece).
 */
export type AdoptionReferenceStatus = 'ok' | 'outdated' | 'withdrawn' | 'unknown';

/** One partner's signed adoption of another partner's piece, as the hub indexed it. */
export interface AdoptionView {
  /** The adoption record's id in the adopter's feed. */
  id: string;
  /** The adopter. */
  partnerId: string;
  partnerName: string;
  country: string | null;
  nodeUrl: string;
  piece: {
    partnerId: string;
    recordId: string;
    hash: string;
    /** The piece's current title, when the hub holds it. */
    title: string | null;
    partnerName: string | null;
    country: string | null;
  };
  stage: AdoptionStage;
  /** The date of the current stage. */
  date: string;
  /** The earliest stage date the hub has seen for this adoption. */
  firstDate: string;
  note: string;
  contactRole: string;
  updatedAt: string;
  referenceStatus: AdoptionReferenceStatus;
}

/** Which adoptions to list: of one piece, of one partner's pieces, or by one adopter. */
export interface AdoptionQuery {
  piece?: { partnerId: string; recordId: string };
  /** Adoptions of this partner's pieces. */
  ofPartner?: string;
  /** Adoptions this partner made. */
  byPartner?: string;
  limit?: number;
}

/** Everything needed to check a record's provenance independently (docs/protocol.md §3, §4). */
export interface RecordDetailBase {
  partnerId: string;
  nodeUrl: string;
  id: string;
  rev: number;
  seq: number;
  /** The node's signed record, exactly as harvested. */
  jws: string;
  /** The record's hash (the next record's `prev`). */
  hash: string;
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
  /** Its signed head has been ahead of the records it serves for too long (code `WITHHOLDING`). */
  | 'withholding'
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
  /** The node's Project 52 pieces and where they stand (notes and reasons included). */
  project52?: Project52PieceNotice[];
  /**
   * The upstream hub a relayed node's records come through (hub chaining, docs/protocol.md §14);
   * `null` for a node enrolled at this hub. A relayed node is never polled directly: its health,
   * last sync, last error and failures are those of that upstream.
   */
  via: { url: string } | null;
}

/** One key of a pending enrolment, as the operator compares it (docs/protocol.md §3.1). */
export interface PendingEnrolmentKey {
  /** The RFC 7638 SHA-256 thumbprint (the `kid`). */
  kid: string;
  /** The first 80 bits of the thumbprint, base32, e.g. `G43M-XMLY-PS4D-BHDX` (`keyFingerprint`). */
  fingerprint: string;
  status: 'active' | 'retired';
  /** True for the key that signed the descriptor: its fingerprint is the one to confirm. */
  signer: boolean;
}

/**
 * An enrolment (or re-pin) the hub verified but has not acted on: nothing is pinned, harvested or
 * vouched for until an operator approves it with the fingerprint obtained from the partner out of
 * band (docs/protocol.md §3.1). It expires at `expiresAt`.
 */
export interface PendingEnrolment {
  kind: 'enrol' | 'repin';
  partnerId: string;
  name: string;
  nodeUrl: string;
  country: string | null;
  /** The fingerprint of the key that signed the descriptor: what the partner must read out. */
  fingerprint: string;
  keys: PendingEnrolmentKey[];
  /** The pre-committed next key's thumbprint, if the descriptor names one. */
  nextKid: string | null;
  createdAt: string;
  expiresAt: string;
}

/** Which record to fetch: its partner, type and id. */
export interface RecordRef<T extends HubRecordType = HubRecordType> {
  partnerId: string;
  type: T;
  id: string;
}

/**
 * One record as the hub serves it, its `data` typed by `type` (a discriminated union: narrow on
 * `type` and `data` is a `Service`, an `Innovation`, …); `null` data is a tombstone.
 */
export type RecordDetail<T extends HubRecordType = HubRecordType> = {
  [K in T]: RecordDetailBase & { type: K; data: RecordData<K> | null };
}[T];

/**
 * Another hub whose signed aggregate feed this hub consumes (hub chaining, docs/protocol.md §14).
 * `skipped` counts items not taken, by reason (e.g. `DIRECTLY_ENROLLED`, `MEMBERSHIP_MISSING`).
 */
export interface UpstreamStatus {
  url: string;
  state: 'active' | 'suspended';
  health: NodeHealth;
  /** The upstream's hub seq this hub has verified and stored up to. */
  cursorSeq: number;
  lastSuccessAt: string | null;
  lastError: { code: string; message: string; at: string } | null;
  consecutiveFailures: number;
  circuitOpenUntil: string | null;
  /** Thumbprints (kids) of the upstream hub's pinned keys. */
  pinnedKids: string[];
  skipped: Record<string, number>;
  /** Partner ids of the nodes known here through this upstream. */
  relayedPartnerIds: string[];
}

/** Project 52: where a submitted piece stands (shown to its node's staff). */
export type Project52PieceState =
  | 'queued'
  | 'approved'
  | 'changes_requested'
  | 'declined'
  | 'withdrawn';

/** A piece's standing in Project 52, for its node (`nodes.status` carries these per partner). */
export interface Project52PieceNotice {
  partnerId: string;
  recordId: string;
  state: Project52PieceState;
  /** The ISO week it runs (or ran), e.g. `2026-W41`. */
  week: string | null;
  sent: boolean;
  /** The editor's note when changes were requested. */
  note: string | null;
  /** The editor's reason when declined. */
  reason: string | null;
  /** The node's signed submission time. */
  submittedAt: string;
  decidedAt: string | null;
}

/** One week of the published schedule. */
export interface Project52Week {
  week: string;
  /** "Week 41, 2026 (5 October to 11 October 2026)". */
  label: string;
  partnerId: string;
  recordId: string;
  title: string | null;
  partnerName: string | null;
  status: 'sent' | 'scheduled';
}

/** The published schedule: which piece runs which week. */
export interface Project52Schedule {
  /** The ISO week now. */
  currentWeek: string;
  /** The first week still open to pieces. */
  startWeek: string;
  thisWeek: Project52Week | null;
  /** Scheduled weeks after this one, earliest first: every one, however far out. */
  comingUp: Project52Week[];
  /** Every sent and scheduled week, earliest first. */
  weeks: Project52Week[];
  /** Every queued piece's standing (all partners, or the one asked for). */
  pieces: Project52PieceNotice[];
}

/** What a subscription's confirmation link did. */
export type Project52ConfirmOutcome = 'confirmed' | 'already_confirmed' | 'expired' | 'invalid';

/** What a bulletin's unsubscribe link did (unsubscribing twice answers `unsubscribed` again). */
export type Project52UnsubscribeOutcome = 'unsubscribed' | 'expired' | 'invalid';

/** One sent bulletin in the archive. */
export interface Project52BulletinSummary {
  week: string;
  label: string;
  subject: string;
  title: string;
  partnerId: string;
  recordId: string;
  partnerName: string;
  summary: string;
  themes: string[];
  sentAt: string;
  /** The bulletin's page on the portal. */
  url: string;
}

/** A week's bulletin page. */
export interface Project52Bulletin {
  week: string;
  label: string;
  status: 'sent' | 'scheduled';
  subject: string;
  sentAt: string | null;
  url: string;
  piece: {
    partnerId: string;
    recordId: string;
    title: string;
    partnerName: string;
    themes: string[];
    kind: string;
    summary: string;
    setting: string | null;
    url: string;
  };
  alsoNew: {
    services: { title: string; partnerName: string; url: string }[];
    pieces: { title: string; partnerName: string; url: string }[];
    /** Earlier pieces other partners took up in the week before (schema 1.1 adoptions). */
    adoptions: { title: string; partnerName: string; url: string }[];
  };
  /** The page as an HTML fragment (`<article class="p52-bulletin">`, no inline style or script). */
  html: string;
}

/** An entry of the decision log (who did what, when). */
export interface Project52Decision {
  seq: number;
  type: 'approve' | 'request_changes' | 'decline' | 'withdraw' | 'pin' | 'unpin' | 'swap' | 'send';
  by: string;
  at: string;
  /** The pieces it concerns, as `partnerId/recordId`. */
  pieces: string[];
  week: string | null;
  /** The other week of a swap. */
  otherWeek: string | null;
  /** The note (changes requested) or reason (declined). */
  text: string | null;
}

/** A piece in the editors' queue. */
export interface Project52QueueItem extends Project52PieceNotice {
  /** 1-based position in the queue (signed submission order). */
  position: number;
  title: string | null;
  partnerName: string | null;
  placement: 'flow' | 'pinned' | 'sent' | null;
  pinnedTo: string | null;
  lastDecision: { type: string; by: string; at: string } | null;
}

/** The editors' view: the queue, the schedule, the log, the list's size and the sends. */
export interface Project52Queue {
  currentWeek: string;
  startWeek: string;
  pieces: Project52QueueItem[];
  weeks: Project52Week[];
  decisions: Project52Decision[];
  subscribers: { pending: number; confirmed: number; unsubscribed: number };
  sends: {
    week: string;
    startedAt: string | null;
    finishedAt: string | null;
    accepted: number;
    skipped: number;
    failed: number;
  }[];
  /** Whether SMTP is configured (without it nothing is sent). */
  mailingEnabled: boolean;
}

/** Which piece an editor acts on. */
export interface Project52PieceRef {
  partnerId: string;
  recordId: string;
  /**
   * The piece as the editor saw it (its `state` and `decidedAt` from the queue): when it has
   * changed since, the hub refuses with `CONFLICT` (`DECISION_CONFLICT: …` naming where it stands now).
   *
   * @example
   * await hub.approvePiece({ partnerId, recordId, seen: { state: piece.state, decidedAt: piece.decidedAt } });
   */
  seen?: Project52SeenPiece;
}

/** A piece's standing when an editor read it: the version a decision is made on. */
export interface Project52SeenPiece {
  state: Project52PieceState;
  decidedAt: string | null;
}

/** A national number to fall back on, as a hub's operator set it. */
export interface NationalHelpline {
  /** "Samaritans", "NHS 111". */
  name: string;
  /** As people dial or text it: "116 123", "85258". */
  number: string;
  /** `voice` is called (`tel:`), `text` is texted (`sms:`). */
  type: 'voice' | 'text';
  /** "choose option 2 for mental health". */
  description: string | null;
  /** An emergency number (999, 911). */
  emergency: boolean;
}

/** Each country's national numbers (ISO 3166-1 alpha-2), countries in code order. */
export type NationalHelplines = Array<{ country: string; lines: NationalHelpline[] }>;

export interface PartnerSummary {
  partnerId: string;
  name: string;
  nodeUrl: string;
  country: string | null;
  description: string | null;
  website: string | null;
  region: string | null;
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
