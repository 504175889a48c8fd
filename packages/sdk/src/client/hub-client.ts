import type {
  AdminRole,
  CreatedToken,
  HubRecordType,
  InnovationFacets,
  InnovationHit,
  InnovationSearchInput,
  NodeStatus,
  PartnerSummary,
  Project52Bulletin,
  Project52BulletinSummary,
  Project52PieceRef,
  Project52Queue,
  Project52Schedule,
  QuarantinedRecord,
  RecordDetail,
  SearchPage,
  ServiceFacets,
  ServiceHit,
  ServiceSearchInput,
  UpstreamStatus,
} from './hub-types.js';

export type * from './hub-types.js';

/** A hub call that failed: `code` is the tRPC error code (e.g. `UNAUTHORIZED`, `BAD_REQUEST`). */
export class HubClientError extends Error {
  override readonly name = 'HubClientError';
  constructor(
    readonly code: string,
    readonly httpStatus: number,
    message: string,
  ) {
    super(message);
  }
}

export interface HubClientOptions {
  /** The hub's base URL, e.g. `https://hub.example.org`. */
  baseUrl: string;
  /** An admin token (operator or editor) for `admin.*` calls. */
  token?: string;
  /** A fetch implementation (defaults to the global one). */
  fetch?: typeof fetch;
}

interface TrpcEnvelope {
  result?: { data?: unknown };
  error?: { message?: string; data?: { code?: string; httpStatus?: number } };
}

/**
 * A typed client of a PROMISE hub's tRPC API, over plain `fetch` (tRPC's HTTP protocol: queries as
 * `GET /trpc/<path>?input=…`, mutations as `POST`), so it carries no server code.
 *
 * @example
 * const hub = new HubClient({ baseUrl: 'https://hub.example.org' });
 * const page = await hub.searchInnovations({ q: 'crisis café', filters: { countries: ['GB'] } });
 */
export class HubClient {
  private readonly baseUrl: string;
  private readonly fetcher: typeof fetch;

  constructor(private readonly options: HubClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.fetcher = options.fetch ?? fetch;
  }

  private async call<T>(kind: 'query' | 'mutation', path: string, input: unknown): Promise<T> {
    const headers: Record<string, string> = {};
    if (this.options.token) headers.authorization = `Bearer ${this.options.token}`;
    const url = `${this.baseUrl}/trpc/${path}`;
    const response =
      kind === 'query'
        ? await this.fetcher(
            input === undefined ? url : `${url}?input=${encodeURIComponent(JSON.stringify(input))}`,
            { headers },
          )
        : await this.fetcher(url, {
            method: 'POST',
            headers: { ...headers, 'content-type': 'application/json' },
            body: JSON.stringify(input ?? null),
          });
    const text = await response.text();
    let envelope: TrpcEnvelope;
    try {
      envelope = JSON.parse(text) as TrpcEnvelope;
    } catch {
      throw new HubClientError(
        'BAD_RESPONSE',
        response.status,
        `hub answered ${response.status} with non-JSON`,
      );
    }
    if (envelope.error || !response.ok) {
      throw new HubClientError(
        envelope.error?.data?.code ?? 'INTERNAL_SERVER_ERROR',
        envelope.error?.data?.httpStatus ?? response.status,
        envelope.error?.message ?? `hub answered ${response.status}`,
      );
    }
    return envelope.result?.data as T;
  }

  /** Full-text search over innovations with facet filters and cursor pagination. */
  searchInnovations(input: InnovationSearchInput): Promise<SearchPage<InnovationHit>> {
    return this.call('query', 'search.innovations', input);
  }

  /** Full-text search over services ("no wrong door" finder). */
  searchServices(input: ServiceSearchInput): Promise<SearchPage<ServiceHit>> {
    return this.call('query', 'search.services', input);
  }

  innovationFacets(input: InnovationSearchInput = {}): Promise<InnovationFacets> {
    return this.call('query', 'facets.innovations', input);
  }

  serviceFacets(input: ServiceSearchInput = {}): Promise<ServiceFacets> {
    return this.call('query', 'facets.services', input);
  }

  /** One record with its signed JWS and what is needed to verify it. */
  getRecord(input: {
    partnerId: string;
    type: HubRecordType;
    id: string;
  }): Promise<RecordDetail | null> {
    return this.call('query', 'records.get', input);
  }

  partners(): Promise<PartnerSummary[]> {
    return this.call('query', 'partners.list', undefined);
  }

  nodeStatus(): Promise<NodeStatus[]> {
    return this.call('query', 'nodes.status', undefined);
  }

  /** Operator: enrol a node by URL (the hub fetches and verifies its descriptor). */
  enrolNode(input: { url: string }): Promise<NodeStatus> {
    return this.call('mutation', 'admin.nodes.enrol', input);
  }

  suspendNode(input: { partnerId: string }): Promise<NodeStatus> {
    return this.call('mutation', 'admin.nodes.suspend', input);
  }

  reinstateNode(input: { partnerId: string }): Promise<NodeStatus> {
    return this.call('mutation', 'admin.nodes.reinstate', input);
  }

  removeNode(input: { partnerId: string }): Promise<NodeStatus> {
    return this.call('mutation', 'admin.nodes.remove', input);
  }

  /** Operator: accept a node's current descriptor keys after a rotation the rules refused. */
  repinNode(input: { partnerId: string }): Promise<NodeStatus> {
    return this.call('mutation', 'admin.nodes.repin', input);
  }

  /** Operator: sync a node now. */
  syncNode(input: { partnerId: string }): Promise<NodeStatus> {
    return this.call('mutation', 'admin.nodes.sync', input);
  }

  /** Operator: the hubs whose aggregate feeds this hub consumes (hub chaining). */
  upstreams(): Promise<UpstreamStatus[]> {
    return this.call('query', 'admin.upstreams.list', undefined);
  }

  /** Operator: consume another hub's aggregate feed (its identity is verified, its key pinned). */
  addUpstream(input: { url: string }): Promise<UpstreamStatus> {
    return this.call('mutation', 'admin.upstreams.add', input);
  }

  suspendUpstream(input: { url: string }): Promise<UpstreamStatus> {
    return this.call('mutation', 'admin.upstreams.suspend', input);
  }

  reinstateUpstream(input: { url: string }): Promise<UpstreamStatus> {
    return this.call('mutation', 'admin.upstreams.reinstate', input);
  }

  /** Operator: stop consuming an upstream; the nodes it relayed leave the index. */
  removeUpstream(input: { url: string }): Promise<UpstreamStatus> {
    return this.call('mutation', 'admin.upstreams.remove', input);
  }

  /** Operator: sync an upstream now. */
  syncUpstream(input: { url: string }): Promise<UpstreamStatus> {
    return this.call('mutation', 'admin.upstreams.sync', input);
  }

  quarantine(): Promise<QuarantinedRecord[]> {
    return this.call('query', 'admin.quarantine.list', undefined);
  }

  /** Editor: event counters (pings accepted, invalid, replayed, unknown). */
  counters(): Promise<Record<string, number>> {
    return this.call('query', 'admin.counters.list', undefined);
  }

  createToken(input: { name: string; role: AdminRole }): Promise<CreatedToken> {
    return this.call('mutation', 'admin.tokens.create', input);
  }

  revokeToken(input: { id: number }): Promise<{ revoked: boolean }> {
    return this.call('mutation', 'admin.tokens.revoke', input);
  }

  /** Project 52's published schedule: this week, coming up, every week, each piece's standing. */
  project52Schedule(input: { partnerId?: string } = {}): Promise<Project52Schedule> {
    return this.call('query', 'project52.schedule', input);
  }

  /** The bulletin archive: sent weeks, newest first. */
  bulletins(input: { limit?: number } = {}): Promise<Project52BulletinSummary[]> {
    return this.call('query', 'project52.bulletins', input);
  }

  /** A week's bulletin page (`week` like `2026-W41`); null when the week holds no piece. */
  bulletin(input: { week: string }): Promise<Project52Bulletin | null> {
    return this.call('query', 'project52.bulletin', input);
  }

  /** Double opt-in: the hub mails a confirmation link; the answer never says whether the address was known. */
  subscribe(input: { email: string }): Promise<{ ok: true }> {
    return this.call('mutation', 'subscriptions.request', input);
  }

  /** Editor: the Project 52 queue, schedule, decision log, list size and sends. */
  project52Queue(): Promise<Project52Queue> {
    return this.call('query', 'admin.project52.queue', undefined);
  }

  /** Editor: approve a piece (it takes the earliest free week). */
  approvePiece(input: Project52PieceRef): Promise<Project52Queue> {
    return this.call('mutation', 'admin.project52.approve', input);
  }

  /** Editor: ask for changes; the note reaches the node's staff through `nodes.status`. */
  requestChanges(input: Project52PieceRef & { note: string }): Promise<Project52Queue> {
    return this.call('mutation', 'admin.project52.requestChanges', input);
  }

  /** Editor: decline a piece with a reason. */
  declinePiece(input: Project52PieceRef & { reason: string }): Promise<Project52Queue> {
    return this.call('mutation', 'admin.project52.decline', input);
  }

  /** Editor: pin an approved piece to a week (e.g. an awareness day); the rest re-flow. */
  pinPiece(input: Project52PieceRef & { week: string }): Promise<Project52Queue> {
    return this.call('mutation', 'admin.project52.pin', input);
  }

  /** Editor: release a pin; the piece flows with the rest. */
  unpinPiece(input: Project52PieceRef): Promise<Project52Queue> {
    return this.call('mutation', 'admin.project52.unpin', input);
  }

  /** Editor: swap the pieces of two weeks. */
  swapWeeks(input: { weekA: string; weekB: string }): Promise<Project52Queue> {
    return this.call('mutation', 'admin.project52.swap', input);
  }
}
