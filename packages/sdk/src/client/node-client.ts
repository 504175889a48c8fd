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

/** A record as a node's authoring API returns it: the data and its revision (the ETag). */
export interface Versioned<T> {
  rev: number;
  data: T;
}

/** What an author writes about the partner; the node fills `id` and `baseUrl`. */
export type PartnerInput = Omit<Partner, 'id' | 'baseUrl'>;

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

export interface NodeClientOptions {
  /** The node's base URL, e.g. `https://promise.trust.example.org`. */
  baseUrl: string;
  /** An API token (editor for content, admin for tokens); not needed for the feed. */
  token?: string;
  /** A fetch implementation (defaults to the global one). */
  fetch?: typeof fetch;
}

/** Options of a write: `rev` is sent as `If-Match`, so a stale revision fails with 409. */
export interface WriteOptions {
  rev?: number;
}

/** Options of a write that may publish a write-up: confirm flagged text is not personal data. */
export interface PublishOptions extends WriteOptions {
  confirmPersonalData?: boolean;
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
 * write-ups, tokens) and the public signed feed. Feed pages are returned as fetched; verify
 * them with `verifyFeedPage` from `@promise-global/sdk/verify`.
 *
 * @example
 * const node = new NodeClient({ baseUrl: 'https://node.example.org', token: process.env.TOKEN });
 * const { data } = await node.innovations.create({ title: 'Peer-led crisis café', ... });
 * await node.innovations.submit(data.id);
 * const { page } = await node.feed({ after: 0 });
 */
export class NodeClient {
  private readonly baseUrl: string;
  private readonly fetcher: typeof fetch;

  constructor(private readonly options: NodeClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.fetcher = options.fetch ?? fetch;
  }

  readonly partner = {
    get: () => this.call<Versioned<Partner>>('GET', '/api/partner'),
    put: (input: PartnerInput, options: WriteOptions = {}) =>
      this.call<Versioned<Partner>>('PUT', '/api/partner', input, options),
  };

  readonly organisations = {
    list: () => this.list<Organisation>('/api/organisations'),
    get: (id: string) =>
      this.call<Versioned<Organisation>>('GET', `/api/organisations/${encode(id)}`),
    create: (input: OrganisationInput & { id?: string }) =>
      this.call<Versioned<Organisation>>('POST', '/api/organisations', input),
    update: (id: string, input: OrganisationInput, options: WriteOptions = {}) =>
      this.call<Versioned<Organisation>>('PUT', `/api/organisations/${encode(id)}`, input, options),
    delete: (id: string, options: WriteOptions = {}) =>
      this.call<void>('DELETE', `/api/organisations/${encode(id)}`, undefined, options),
  };

  readonly services = {
    list: () => this.list<Service>('/api/services'),
    get: (id: string) => this.call<Versioned<Service>>('GET', `/api/services/${encode(id)}`),
    create: (input: ServiceInput & { id?: string }) =>
      this.call<Versioned<Service>>('POST', '/api/services', input),
    update: (id: string, input: ServiceInput, options: WriteOptions = {}) =>
      this.call<Versioned<Service>>('PUT', `/api/services/${encode(id)}`, input, options),
    /** Marks the listing as checked by its owner now; `reviewDue` defaults on the node. */
    assure: (id: string, options: WriteOptions & { reviewDue?: string } = {}) =>
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
    list: () => this.list<Innovation>('/api/innovations'),
    get: (id: string) => this.call<Versioned<Innovation>>('GET', `/api/innovations/${encode(id)}`),
    /** Creates a draft; drafts never leave the node. */
    create: (input: InnovationInput & { id?: string }) =>
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
  async feed(options: { after?: number; limit?: number; etag?: string } = {}): Promise<FeedFetch> {
    const query = new URLSearchParams({ after: String(options.after ?? 0) });
    if (options.limit !== undefined) query.set('limit', String(options.limit));
    const response = await this.fetcher(`${this.baseUrl}/feed?${query}`, {
      headers: options.etag ? { 'if-none-match': options.etag } : {},
    });
    const etag = response.headers.get('etag') ?? undefined;
    if (response.status === 304 && options.etag) return { notModified: true, etag: options.etag };
    if (!response.ok) throw await toError(response);
    return { notModified: false, page: FeedPage.parse(await response.json()), etag };
  }

  /** The node's self-signed descriptor JWS (`/.well-known/promise-node`). */
  async descriptor(): Promise<string> {
    const response = await this.fetcher(`${this.baseUrl}/.well-known/promise-node`);
    if (!response.ok) throw await toError(response);
    return response.text();
  }

  /** The node's public keys (`/.well-known/jwks.json`). */
  async jwks(): Promise<PublicJwkSet> {
    const response = await this.fetcher(`${this.baseUrl}/.well-known/jwks.json`);
    if (!response.ok) throw await toError(response);
    return PublicJwkSet.parse(await response.json());
  }

  private list<T>(path: string): Promise<Versioned<T>[]> {
    return this.call<{ items: Versioned<T>[] }>('GET', path).then((body) => body.items);
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
    const response = await this.fetcher(`${this.baseUrl}${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!response.ok) throw await toError(response);
    if (response.status === 204) return undefined as T;
    return (await response.json()) as T;
  }
}

async function toError(response: Response): Promise<NodeClientError> {
  let body: ErrorBody = {};
  try {
    body = (await response.json()) as ErrorBody;
  } catch {
    // not JSON: keep the status alone
  }
  const error = body.error ?? {};
  return new NodeClientError(
    response.status,
    error.code ?? `HTTP_${response.status}`,
    error.message ?? response.statusText,
    error.issues ?? [],
    error.findings ?? [],
  );
}
