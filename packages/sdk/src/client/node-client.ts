import {
  FeedPage,
  type Innovation,
  type InnovationInput,
  type Organisation,
  type OrganisationInput,
  type Partner,
  PublicJwkSet,
  type Service,
  type ServiceInput,
} from '@promise-global/schema';
import type { FeedState } from '../verify/feed-state.js';
import { type RevisionBook, type RevisionLookup, revisionBook } from '../verify/revisions.js';
import { type VerifiedFeedPage, verifyFeedPage } from '../verify/verify-feed-page.js';
import {
  everyItem,
  type InnovationListOptions,
  type ListedOrganisation,
  listQueryString,
  type NodeListOptions,
  type NodeListPage,
  type OrganisationListOptions,
  type ServiceListOptions,
} from './node-lists.js';
import {
  type CallOptions,
  type ReadResponse,
  Transport,
  type TransportOptions,
} from './transport.js';

export type {
  InnovationListOptions,
  ListedOrganisation,
  NodeListOptions,
  NodeListPage,
  OrganisationListOptions,
  ServiceListOptions,
} from './node-lists.js';
export type { CallOptions, TransportOptions } from './transport.js';
export { NetworkError, TimeoutError } from './transport-errors.js';

/** A record as a node's authoring API returns it: the data and its revision (the ETag). */
export interface Versioned<T> {
  rev: number;
  data: T;
}

/** What an author writes about the partner; the node fills `id` and `baseUrl`. */
export type PartnerInput = Omit<Partner, 'id' | 'baseUrl'>;

/** A new organisation: its fields, and optionally the id to give it (a UUID). */
export type OrganisationCreateInput = OrganisationInput & { id?: string | undefined };

/** A new service: its fields, and optionally the id to give it (a UUID). */
export type ServiceCreateInput = ServiceInput & { id?: string | undefined };

/** A new write-up (a draft): its fields, and optionally the id to give it (a UUID). */
export type InnovationCreateInput = InnovationInput & { id?: string | undefined };

/** Options of marking a service checked: the revision, and when the next check is due. */
export interface AssureOptions extends WriteOptions {
  /** `YYYY-MM-DD`; the node's default interval when absent. */
  reviewDue?: string | undefined;
}

/** An API token as listed (never the secret). */
export interface NodeToken {
  id: string;
  name: string;
  role: 'editor' | 'admin';
  createdAt: string;
  revokedAt: string | null;
}

/** A bad field named by a 400 response. */
export interface FieldIssue {
  path: string;
  message: string;
}

/** Text that looked like personal data (a 422 on submit), with the field it was found in. */
export interface PersonalDataFinding {
  field: string;
  kind: string;
  start: number;
  end: number;
  text: string;
}

/**
 * A node API call that failed. `status` is the HTTP status, `code` the node's stable error code
 * (`VALIDATION_FAILED`, `NOT_FOUND`, `REVISION_MISMATCH`, `PERSONAL_DATA_SUSPECTED`, …); `issues`
 * and `findings` carry the details of a 400 and a 422.
 */
export class NodeClientError extends Error {
  override readonly name = 'NodeClientError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: FieldIssue[] = [],
    readonly findings: PersonalDataFinding[] = [],
  ) {
    super(message);
  }
}

export interface NodeClientOptions extends TransportOptions {
  /** The node's base URL, e.g. `https://promise.trust.example.org`. */
  baseUrl: string;
  /** An API token (editor for content, admin for tokens); not needed for the feed. */
  token?: string | undefined;
}

/** Options of a write: `rev` is sent as `If-Match`, so a stale revision fails with 409. */
export interface WriteOptions extends CallOptions {
  rev?: number | undefined;
}

/** Options of a write that may publish a write-up: confirm flagged text is not personal data. */
export interface PublishOptions extends WriteOptions {
  confirmPersonalData?: boolean | undefined;
}

/** Options of {@link NodeClient.feed}. */
export interface FeedOptions extends CallOptions {
  /** The seq to read after (0 = from the start). */
  after?: number | undefined;
  /** Records per page (the node caps it). */
  limit?: number | undefined;
  /** The ETag of the page last read: an unchanged page comes back as `notModified`. */
  etag?: string | undefined;
}

/** Options of {@link NodeClient.verifiedFeed}. */
export interface VerifiedFeedOptions extends CallOptions {
  /** Records per page (the node caps it). */
  limit?: number | undefined;
  /** The verifier's clock; defaults to now. */
  now?: Date | undefined;
  /**
   * What is known of records before `state` (§6), to check `rev` and tombstones against; a
   * {@link RevisionBook} also learns each verified page. Defaults to a new book when `state` is
   * at seq 0, so a backfill is checked completely.
   */
  revisions?: (RevisionLookup & Partial<Pick<RevisionBook, 'remember'>>) | undefined;
}

/** A feed page fetch: the page and its ETag, or `notModified` when `etag` still matches. */
export type FeedFetch =
  | { notModified: false; page: FeedPage; etag: string | undefined }
  | { notModified: true; etag: string };

interface ErrorBody {
  error?: {
    code?: string;
    message?: string;
    issues?: FieldIssue[];
    findings?: PersonalDataFinding[];
  };
}

const encode = encodeURIComponent;

/**
 * A typed client of a partner node: the authoring API (partner profile, organisations, services,
 * write-ups, tokens) and the public signed feed. `feed` returns pages as fetched (verify them with
 * `verifyFeedPage`); `verifiedFeed` fetches and verifies page after page. Each attempt times out
 * after `timeoutMs`; reads are retried (see {@link TransportOptions}); writes never are.
 *
 * @example
 * const node = new NodeClient({ baseUrl: 'https://node.example.org', token: process.env.TOKEN });
 * const { data } = await node.innovations.create({ title: 'Peer-led crisis café', ... });
 * await node.innovations.submit(data.id);
 */
export class NodeClient {
  private readonly baseUrl: string;
  private readonly transport: Transport;

  constructor(private readonly options: NodeClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.transport = new Transport(options);
  }

  readonly partner = {
    get: () => this.call<Versioned<Partner>>('GET', '/api/partner'),
    put: (input: PartnerInput, options: WriteOptions = {}) =>
      this.call<Versioned<Partner>>('PUT', '/api/partner', input, options),
  };

  readonly organisations = {
    /** One page of organisations by name, each with its number of live services. */
    list: (options: OrganisationListOptions = {}) =>
      this.page<ListedOrganisation>('/api/organisations', options),
    /** Every organisation matching `options`, page after page. */
    all: (options: OrganisationListOptions = {}) =>
      everyItem((o: OrganisationListOptions) => this.organisations.list(o), options),
    get: (id: string) =>
      this.call<Versioned<Organisation>>('GET', `/api/organisations/${encode(id)}`),
    create: (input: OrganisationCreateInput) =>
      this.call<Versioned<Organisation>>('POST', '/api/organisations', input),
    update: (id: string, input: OrganisationInput, options: WriteOptions = {}) =>
      this.call<Versioned<Organisation>>('PUT', `/api/organisations/${encode(id)}`, input, options),
    delete: (id: string, options: WriteOptions = {}) =>
      this.call<void>('DELETE', `/api/organisations/${encode(id)}`, undefined, options),
  };

  readonly services = {
    /**
     * One page of services by name, searched and filtered.
     *
     * @example
     * const due = await node.services.list({ review: 'due', q: 'crisis', limit: 20 });
     */
    list: (options: ServiceListOptions = {}) =>
      this.page<Versioned<Service>>('/api/services', options),
    /**
     * Every service matching `options`, page after page.
     *
     * @example
     * for await (const { data } of node.services.all({ review: 'due' })) console.log(data.name);
     */
    all: (options: ServiceListOptions = {}) =>
      everyItem((o: ServiceListOptions) => this.services.list(o), options),
    get: (id: string) => this.call<Versioned<Service>>('GET', `/api/services/${encode(id)}`),
    create: (input: ServiceCreateInput) =>
      this.call<Versioned<Service>>('POST', '/api/services', input),
    update: (id: string, input: ServiceInput, options: WriteOptions = {}) =>
      this.call<Versioned<Service>>('PUT', `/api/services/${encode(id)}`, input, options),
    /** Marks the listing as checked by its owner now; `reviewDue` defaults on the node. */
    assure: (id: string, options: AssureOptions = {}) =>
      this.call<Versioned<Service>>(
        'POST',
        `/api/services/${encode(id)}/assure`,
        options.reviewDue ? { reviewDue: options.reviewDue } : {},
        options,
      ),
    delete: (id: string, options: WriteOptions = {}) =>
      this.call<void>('DELETE', `/api/services/${encode(id)}`, undefined, options),
  };

  readonly innovations = {
    /** One page of write-ups, most recently changed first, searched and filtered. */
    list: (options: InnovationListOptions = {}) =>
      this.page<Versioned<Innovation>>('/api/innovations', options),
    /** Every write-up matching `options`, page after page. */
    all: (options: InnovationListOptions = {}) =>
      everyItem((o: InnovationListOptions) => this.innovations.list(o), options),
    get: (id: string) => this.call<Versioned<Innovation>>('GET', `/api/innovations/${encode(id)}`),
    /** Creates a draft; drafts never leave the node. */
    create: (input: InnovationCreateInput) =>
      this.call<Versioned<Innovation>>('POST', '/api/innovations', input),
    /** Replaces a write-up; editing a submitted one publishes a new revision. */
    update: (id: string, input: InnovationInput, options: PublishOptions = {}) =>
      this.call<Versioned<Innovation>>(
        'PUT',
        `/api/innovations/${encode(id)}${options.confirmPersonalData ? '?confirmPersonalData=true' : ''}`,
        input,
        options,
      ),
    /** Submits a draft to the feed; a 422 `PERSONAL_DATA_SUSPECTED` lists what looked personal. */
    submit: (id: string, options: PublishOptions = {}) =>
      this.call<Versioned<Innovation>>(
        'POST',
        `/api/innovations/${encode(id)}/submit`,
        options.confirmPersonalData ? { confirmPersonalData: true } : {},
        options,
      ),
    /** Withdraws a submitted write-up: the feed gets a tombstone. */
    withdraw: (id: string, options: WriteOptions = {}) =>
      this.call<Versioned<Innovation>>(
        'POST',
        `/api/innovations/${encode(id)}/withdraw`,
        undefined,
        options,
      ),
    delete: (id: string, options: WriteOptions = {}) =>
      this.call<void>('DELETE', `/api/innovations/${encode(id)}`, undefined, options),
  };

  readonly tokens = {
    list: () => this.call<{ items: NodeToken[] }>('GET', '/api/tokens').then((body) => body.items),
    /** Creates a token (admin only); `token` is the secret, shown this once. */
    create: (input: { name: string; role?: 'editor' | 'admin' }) =>
      this.call<NodeToken & { token: string }>('POST', '/api/tokens', input),
    revoke: (id: string) => this.call<void>('DELETE', `/api/tokens/${encode(id)}`),
  };

  /** One page of the signed feed (`GET /feed`); pass the last `etag` to get `notModified`. */
  async feed(options: FeedOptions = {}): Promise<FeedFetch> {
    const query = new URLSearchParams({ after: String(options.after ?? 0) });
    if (options.limit !== undefined) query.set('limit', String(options.limit));
    const response = await this.transport.request(
      `${this.baseUrl}/feed?${query}`,
      { headers: options.etag ? { 'if-none-match': options.etag } : {} },
      options,
    );
    const etag = response.headers.get('etag') ?? undefined;
    if (response.status === 304 && options.etag) return { notModified: true, etag: options.etag };
    if (!response.ok) throw toError(response);
    return { notModified: false, page: FeedPage.parse(JSON.parse(response.text)), etag };
  }

  /**
   * Fetches and verifies the feed from `state` to its head, one page at a time (§7.3): each
   * yielded page carries its verified records and the state after them, to store together. A
   * failing page throws `ProtocolError`; the last yielded state is still good.
   *
   * @example
   * for await (const { records, state: next } of node.verifiedFeed(state)) {
   *   await saveTogether(records, next);
   * }
   */
  async *verifiedFeed(
    state: FeedState,
    options: VerifiedFeedOptions = {},
  ): AsyncGenerator<VerifiedFeedPage, void, undefined> {
    let current = state;
    const revisions = options.revisions ?? (state.seq === 0 ? revisionBook() : undefined);
    for (;;) {
      const fetched = await this.feed({
        after: current.seq,
        ...(options.limit === undefined ? {} : { limit: options.limit }),
        ...(options.signal === undefined ? {} : { signal: options.signal }),
      });
      if (fetched.notModified) return;
      const verified = await verifyFeedPage(current, fetched.page, {
        ...(options.now === undefined ? {} : { now: options.now }),
        ...(revisions === undefined ? {} : { revisions }),
      });
      revisions?.remember?.(verified.records);
      current = verified.state;
      if (verified.records.length === 0) return;
      yield verified;
      if (verified.head.seq <= current.seq) return;
    }
  }

  /** The node's self-signed descriptor JWS (`/.well-known/promise-node`). */
  async descriptor(call: CallOptions = {}): Promise<string> {
    const response = await this.transport.request(
      `${this.baseUrl}/.well-known/promise-node`,
      {},
      call,
    );
    if (!response.ok) throw toError(response);
    return response.text;
  }

  /** The node's public keys (`/.well-known/jwks.json`). */
  async jwks(call: CallOptions = {}): Promise<PublicJwkSet> {
    const response = await this.transport.request(
      `${this.baseUrl}/.well-known/jwks.json`,
      {},
      call,
    );
    if (!response.ok) throw toError(response);
    return PublicJwkSet.parse(JSON.parse(response.text));
  }

  private page<T>(path: string, options: NodeListOptions): Promise<NodeListPage<T>> {
    return this.call<NodeListPage<T>>('GET', `${path}${listQueryString(options)}`, undefined, {
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    });
  }

  private async call<T>(
    method: string,
    path: string,
    body?: unknown,
    options: WriteOptions = {},
  ): Promise<T> {
    const headers: Record<string, string> = {};
    if (this.options.token) headers.authorization = `Bearer ${this.options.token}`;
    if (options.rev !== undefined) headers['if-match'] = `"${options.rev}"`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await this.transport.request(
      `${this.baseUrl}${path}`,
      { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) },
      options,
    );
    if (!response.ok) throw toError(response);
    if (response.status === 204) return undefined as T;
    return JSON.parse(response.text) as T;
  }
}

function toError(response: ReadResponse): NodeClientError {
  let body: ErrorBody = {};
  try {
    body = JSON.parse(response.text) as ErrorBody;
  } catch {
    // not JSON: keep the status alone
  }
  const error = body.error ?? {};
  return new NodeClientError(
    response.status,
    error.code ?? `HTTP_${response.status}`,
    error.message ?? `node answered ${response.status}`,
    error.issues ?? [],
    error.findings ?? [],
  );
}
