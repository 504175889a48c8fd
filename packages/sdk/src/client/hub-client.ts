import type {
  AdminRole,
  AdoptionQuery,
  AdoptionView,
  CreatedToken,
  HubRecordType,
  InnovationFacets,
  InnovationHit,
  InnovationSearchInput,
  NationalHelplines,
  NodeStatus,
  PartnerSummary,
  PendingEnrolment,
  Project52Bulletin,
  Project52BulletinSummary,
  Project52ConfirmOutcome,
  Project52PieceRef,
  Project52Queue,
  Project52Schedule,
  Project52UnsubscribeOutcome,
  QuarantinedRecord,
  RecordDetail,
  RecordRef,
  SearchPage,
  ServiceFacets,
  ServiceHit,
  ServiceSearchInput,
  UpstreamStatus,
} from './hub-types.js';
import { type CallOptions, Transport, type TransportOptions } from './transport.js';

export type * from './hub-types.js';
export type { CallOptions, TransportOptions } from './transport.js';
export { NetworkError, TimeoutError } from './transport-errors.js';

/** One problem with the input of a call, as the hub's validation reported it. */
export interface HubIssue {
  path: (string | number)[];
  message: string;
}

/**
 * A hub call that failed with an answer. `code` follows the HTTP meaning (tRPC's names:
 * `BAD_REQUEST`, `UNAUTHORIZED`, `FORBIDDEN`, `NOT_FOUND`, `CONFLICT`, `TOO_MANY_REQUESTS`, …);
 * `issues` lists each bad input field of a `BAD_REQUEST`. No answer at all is a
 * {@link NetworkError} or {@link TimeoutError} instead.
 *
 * @example
 * catch (error) { if (error instanceof HubClientError && error.code === 'NOT_FOUND') … }
 */
export class HubClientError extends Error {
  override readonly name = 'HubClientError';
  constructor(
    readonly code: string,
    readonly httpStatus: number,
    message: string,
    readonly issues: HubIssue[] = [],
  ) {
    super(message);
  }
}

export interface HubClientOptions extends TransportOptions {
  /** The hub's base URL, e.g. `https://hub.example.org`. */
  baseUrl: string;
  /** An admin token (operator or editor) for `admin.*` calls. */
  token?: string | undefined;
}

interface TrpcEnvelope {
  result?: { data?: unknown };
  error?: { message?: string; data?: { code?: string; httpStatus?: number } };
}

/** tRPC's error names by HTTP status, for answers that carry none. */
const CODE_BY_STATUS: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_SUPPORTED',
  408: 'TIMEOUT',
  409: 'CONFLICT',
  412: 'PRECONDITION_FAILED',
  413: 'PAYLOAD_TOO_LARGE',
  422: 'UNPROCESSABLE_CONTENT',
  429: 'TOO_MANY_REQUESTS',
  499: 'CLIENT_CLOSED_REQUEST',
  501: 'NOT_IMPLEMENTED',
  502: 'BAD_GATEWAY',
  503: 'SERVICE_UNAVAILABLE',
  504: 'GATEWAY_TIMEOUT',
};

function codeOf(status: number): string {
  return CODE_BY_STATUS[status] ?? (status >= 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST');
}

/** tRPC puts zod's issues in `message` as a JSON array; they come back as data. */
function issuesOf(message: string | undefined): HubIssue[] {
  if (!message?.startsWith('[')) return [];
  try {
    const parsed: unknown = JSON.parse(message);
    if (!Array.isArray(parsed)) return [];
    return parsed.map((issue: { path?: unknown; message?: unknown }) => ({
      path: Array.isArray(issue.path) ? issue.path : [],
      message: String(issue.message ?? 'invalid'),
    }));
  } catch {
    return [];
  }
}

function errorFrom(status: number, envelope: TrpcEnvelope): HubClientError {
  const code = envelope.error?.data?.code ?? codeOf(status);
  const httpStatus = envelope.error?.data?.httpStatus ?? status;
  const issues = issuesOf(envelope.error?.message);
  const message =
    issues.length > 0
      ? issues.map((issue) => `${issue.path.join('.') || '(input)'}: ${issue.message}`).join('; ')
      : (envelope.error?.message ?? `hub answered ${status}`);
  return new HubClientError(code, httpStatus, message, issues);
}

/**
 * A typed client of a PROMISE hub's tRPC API, over plain `fetch` (tRPC's HTTP protocol: queries as
 * `GET /trpc/<path>?input=…`, mutations as `POST`), so it carries no server code and runs in
 * browsers. Each attempt times out after `timeoutMs`; queries are retried (see
 * {@link TransportOptions}); mutations never are.
 *
 * @example
 * const hub = new HubClient({ baseUrl: 'https://hub.example.org', timeoutMs: 5_000 });
 * for await (const hit of hub.searchServicesAll({ q: 'crisis' })) console.log(hit.name);
 */
export class HubClient {
  private readonly baseUrl: string;
  private readonly transport: Transport;

  constructor(private readonly options: HubClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.transport = new Transport(options);
  }

  private async call<T>(
    kind: 'query' | 'mutation',
    path: string,
    input: unknown,
    call: CallOptions = {},
  ): Promise<T> {
    const headers: Record<string, string> = {};
    if (this.options.token) headers.authorization = `Bearer ${this.options.token}`;
    const url = `${this.baseUrl}/trpc/${path}`;
    const response =
      kind === 'query'
        ? await this.transport.request(
            input === undefined ? url : `${url}?input=${encodeURIComponent(JSON.stringify(input))}`,
            { headers },
            call,
          )
        : await this.transport.request(
            url,
            {
              method: 'POST',
              headers: { ...headers, 'content-type': 'application/json' },
              body: JSON.stringify(input ?? null),
            },
            call,
          );
    let envelope: TrpcEnvelope;
    try {
      envelope = JSON.parse(response.text) as TrpcEnvelope;
    } catch {
      throw new HubClientError(
        codeOf(response.status === 200 ? 502 : response.status),
        response.status,
        `hub answered ${response.status} with non-JSON`,
      );
    }
    if (envelope.error || !response.ok) throw errorFrom(response.status, envelope);
    return envelope.result?.data as T;
  }

  /** Every page of a cursor-paged search, one hit at a time. */
  private async *allPages<T, I extends { cursor?: string }>(
    search: (input: I, call: CallOptions) => Promise<SearchPage<T>>,
    input: I,
    call: CallOptions,
  ): AsyncGenerator<T, void, undefined> {
    let cursor = input.cursor;
    do {
      const page = await search({ ...input, ...(cursor === undefined ? {} : { cursor }) }, call);
      yield* page.items;
      cursor = page.nextCursor ?? undefined;
    } while (cursor !== undefined);
  }

  /** Full-text search over innovations with facet filters and cursor pagination. */
  searchInnovations(
    input: InnovationSearchInput,
    call: CallOptions = {},
  ): Promise<SearchPage<InnovationHit>> {
    return this.call('query', 'search.innovations', input, call);
  }

  /**
   * Every innovation a search finds, following `nextCursor` page by page.
   *
   * @example
   * for await (const hit of hub.searchInnovationsAll({ q: 'sanctuary' })) console.log(hit.title);
   */
  searchInnovationsAll(
    input: InnovationSearchInput = {},
    call: CallOptions = {},
  ): AsyncGenerator<InnovationHit, void, undefined> {
    return this.allPages((page, c) => this.searchInnovations(page, c), input, call);
  }

  /** Full-text search over services ("no wrong door" finder). */
  searchServices(
    input: ServiceSearchInput,
    call: CallOptions = {},
  ): Promise<SearchPage<ServiceHit>> {
    return this.call('query', 'search.services', input, call);
  }

  /**
   * Every service a search finds, following `nextCursor` page by page.
   *
   * @example
   * for await (const service of hub.searchServicesAll({ q: 'crisis' })) console.log(service.name);
   */
  searchServicesAll(
    input: ServiceSearchInput = {},
    call: CallOptions = {},
  ): AsyncGenerator<ServiceHit, void, undefined> {
    return this.allPages((page, c) => this.searchServices(page, c), input, call);
  }

  innovationFacets(input: InnovationSearchInput = {}): Promise<InnovationFacets> {
    return this.call('query', 'facets.innovations', input);
  }

  serviceFacets(input: ServiceSearchInput = {}): Promise<ServiceFacets> {
    return this.call('query', 'facets.services', input);
  }

  /** One record with its signed JWS and what is needed to verify it. */
  getRecord<T extends HubRecordType>(
    input: RecordRef<T>,
    call: CallOptions = {},
  ): Promise<RecordDetail<T> | null> {
    return this.call('query', 'records.get', input, call);
  }

  /**
   * Signed adoptions as the hub indexed them, oldest first, each with how its reference to the
   * piece stands (§4.7). No filter lists the whole network's spread.
   *
   * @example
   * const takenUp = await hub.adoptions({ piece: { partnerId: 'cpft', recordId } });
   */
  adoptions(input: AdoptionQuery = {}, call: CallOptions = {}): Promise<AdoptionView[]> {
    return this.call('query', 'adoptions.list', input, call);
  }

  partners(): Promise<PartnerSummary[]> {
    return this.call('query', 'partners.list', undefined);
  }

  /** The hub operator's national fallback numbers per country (999, Samaritans, 988, …). */
  nationalHelplines(): Promise<NationalHelplines> {
    return this.call('query', 'helplines.list', undefined);
  }

  nodeStatus(): Promise<NodeStatus[]> {
    return this.call('query', 'nodes.status', undefined);
  }

  /**
   * Operator: start enrolling a node by URL. The hub fetches and verifies its descriptor and holds
   * a pending enrolment showing the keys' fingerprints; nothing is pinned until `approveNode`.
   */
  enrolNode(input: { url: string }): Promise<PendingEnrolment> {
    return this.call('mutation', 'admin.nodes.enrol', input);
  }

  /** Operator: the enrolments and re-pins waiting for a fingerprint (expired ones are gone). */
  pendingEnrolments(): Promise<PendingEnrolment[]> {
    return this.call('query', 'admin.nodes.pending', undefined);
  }

  /**
   * Operator: approve a pending enrolment or re-pin with the fingerprint the partner gave out of
   * band (`promise-node key show`); a different fingerprint is refused with `FINGERPRINT_MISMATCH`.
   */
  approveNode(input: { partnerId: string; fingerprint: string }): Promise<NodeStatus> {
    return this.call('mutation', 'admin.nodes.approve', input);
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

  /**
   * Operator: start re-pinning a node to its current descriptor's keys (e.g. after a rotation the
   * rules refused). Like enrolment it is pending until `approveNode`; the old pins stay meanwhile.
   */
  repinNode(input: { partnerId: string }): Promise<PendingEnrolment> {
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

  /**
   * Confirms a subscription with the token from the mailed link (the portal's confirmation page).
   * `already_confirmed`: the link was opened before; `expired`: subscribe again for a new one.
   */
  confirmSubscription(input: { token: string }): Promise<{ outcome: Project52ConfirmOutcome }> {
    return this.call('mutation', 'subscriptions.confirm', input);
  }

  /** Unsubscribes with a bulletin's token (the portal's unsubscribe page, after its button). */
  unsubscribe(input: { token: string }): Promise<{ outcome: Project52UnsubscribeOutcome }> {
    return this.call('mutation', 'subscriptions.unsubscribe', input);
  }

  /**
   * Reports a problem with a listing to the partner that owns it (through the hub, never
   * published). `TOO_MANY_REQUESTS` when this client sent too many; `NOT_FOUND` for an unknown listing.
   */
  reportProblem(input: {
    partnerId: string;
    serviceId: string;
    kind: 'wrong_phone' | 'wrong_hours' | 'service_closed' | 'wrong_address' | 'other';
    details: string;
    replyTo?: string;
  }): Promise<{ ok: true }> {
    return this.call('mutation', 'reports.submit', input);
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
