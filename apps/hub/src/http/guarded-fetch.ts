import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import * as http from 'node:http';
import * as https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import type { AddressPolicy } from './address-policy.js';
import { TransportError } from './transport-error.js';

/** Per-request limits (DESIGN.md property 8). */
export interface FetchLimits {
  connectMs: number;
  firstByteMs: number;
  totalMs: number;
  maxBytes: number;
}

export interface GuardedRequest {
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  limits: FetchLimits;
  policy: AddressPolicy;
  maxRedirects?: number;
  /** Ends the request early (a harvest lane's time budget): it fails with the signal's reason. */
  signal?: AbortSignal;
}

export interface GuardedResponse {
  url: string;
  status: number;
  contentType: string;
  body: Buffer;
}

const agents = {
  http: new http.Agent({ keepAlive: true, maxSockets: 16 }),
  https: new https.Agent({ keepAlive: true, maxSockets: 16 }),
};

function guardedLookup(policy: AddressPolicy): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(
      hostname,
      { all: true, family: options.family },
      (error, addresses: LookupAddress[]) => {
        if (error) return callback(error, '', 0);
        const refused = addresses.find((entry) => !policy.permits(hostname, entry.address));
        if (refused || addresses.length === 0) {
          const denial = Object.assign(new Error(`${hostname} resolves to a refused address`), {
            code: 'ADDRESS_REFUSED',
          });
          return callback(denial, '', 0);
        }
        if (options.all) return callback(null, addresses);
        const first = addresses[0] as LookupAddress;
        return callback(null, first.address, first.family);
      },
    );
  };
}

function classify(error: NodeJS.ErrnoException, host: string): TransportError {
  if (error instanceof TransportError) return error;
  switch (error.code) {
    case 'ADDRESS_REFUSED':
      return new TransportError('ADDRESS_REFUSED', error.message);
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new TransportError('DNS_FAILED', `cannot resolve ${host}`);
    case 'ECONNREFUSED':
      return new TransportError('CONNECTION_REFUSED', `connection to ${host} refused`);
    case 'ECONNRESET':
    case 'EPIPE':
      return new TransportError('CONNECTION_RESET', `connection to ${host} reset`);
    default:
      return new TransportError('NETWORK_ERROR', `${host}: ${error.message}`);
  }
}

/**
 * Fetches a URL from a node that may be slow, hostile or broken: refuses private addresses unless
 * allowed (checked at connect time, so DNS rebinding cannot slip past), enforces connect,
 * first-byte and total timeouts, caps the body size and follows at most a few redirects.
 */
export async function guardedFetch(url: string, request: GuardedRequest): Promise<GuardedResponse> {
  const deadline = Date.now() + request.limits.totalMs;
  let current = url;
  for (let hop = 0; hop <= (request.maxRedirects ?? 3); hop++) {
    const response = await fetchOnce(current, request, deadline);
    if ('redirect' in response) {
      current = response.redirect;
      continue;
    }
    return response;
  }
  throw new TransportError(
    'TOO_MANY_REDIRECTS',
    `more than ${request.maxRedirects ?? 3} redirects from ${url}`,
  );
}

function fetchOnce(
  url: string,
  request: GuardedRequest,
  deadline: number,
): Promise<GuardedResponse | { redirect: string }> {
  const target = URL.canParse(url) ? new URL(url) : undefined;
  if (!target || (target.protocol !== 'http:' && target.protocol !== 'https:')) {
    return Promise.reject(new TransportError('UNSUPPORTED_URL', `not an http(s) URL: ${url}`));
  }
  const host = target.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) && !request.policy.permits(host, host)) {
    return Promise.reject(new TransportError('ADDRESS_REFUSED', `${host} is a refused address`));
  }
  const { limits } = request;
  return new Promise((resolve, reject) => {
    const client = target.protocol === 'https:' ? https : http;
    let timer: NodeJS.Timeout | undefined;
    let settled = false;
    const totalTimer = setTimeout(
      () =>
        fail(new TransportError('TOTAL_TIMEOUT', `${url} took longer than ${limits.totalMs} ms`)),
      Math.max(0, deadline - Date.now()),
    );
    const finish = () => {
      settled = true;
      clearTimeout(timer);
      clearTimeout(totalTimer);
      request.signal?.removeEventListener('abort', abort);
    };
    const abort = () =>
      fail(
        request.signal?.reason instanceof TransportError
          ? request.signal.reason
          : new TransportError('ABORTED', `${url}: request ended early`),
      );
    const fail = (error: TransportError) => {
      if (settled) return;
      finish();
      req.destroy();
      reject(error);
    };
    const arm = (code: 'CONNECT_TIMEOUT' | 'FIRST_BYTE_TIMEOUT', ms: number) => {
      clearTimeout(timer);
      timer = setTimeout(
        () => fail(new TransportError(code, `${url}: ${code.toLowerCase()} after ${ms} ms`)),
        ms,
      );
    };
    const req = client.request(target, {
      method: request.method ?? 'GET',
      headers: { 'user-agent': 'promise-hub/1', ...request.headers },
      agent: target.protocol === 'https:' ? agents.https : agents.http,
      lookup: guardedLookup(request.policy),
    });
    arm('CONNECT_TIMEOUT', limits.connectMs);
    if (request.signal?.aborted) abort();
    else request.signal?.addEventListener('abort', abort, { once: true });
    req.on('socket', (socket) => {
      if (!socket.connecting) return arm('FIRST_BYTE_TIMEOUT', limits.firstByteMs);
      socket.once('connect', () => arm('FIRST_BYTE_TIMEOUT', limits.firstByteMs));
    });
    req.on('error', (error: NodeJS.ErrnoException) => fail(classify(error, host)));
    req.on('response', (res) => {
      clearTimeout(timer);
      const status = res.statusCode ?? 0;
      const location = res.headers.location;
      if (status >= 300 && status < 400 && location) {
        res.resume();
        finish();
        resolve({ redirect: new URL(location, target).href });
        return;
      }
      const declared = Number(res.headers['content-length'] ?? 0);
      if (declared > limits.maxBytes) {
        fail(new TransportError('RESPONSE_TOO_LARGE', `${url} declares ${declared} bytes`));
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > limits.maxBytes) {
          fail(
            new TransportError(
              'RESPONSE_TOO_LARGE',
              `${url} sent more than ${limits.maxBytes} bytes`,
            ),
          );
          return;
        }
        chunks.push(chunk);
      });
      res.on('error', (error: NodeJS.ErrnoException) => fail(classify(error, host)));
      res.on('aborted', () =>
        fail(new TransportError('CONNECTION_RESET', `${url}: response aborted`)),
      );
      res.on('end', () => {
        if (settled) return;
        finish();
        resolve({
          url,
          status,
          contentType: String(res.headers['content-type'] ?? ''),
          body: Buffer.concat(chunks, size),
        });
      });
    });
    req.end(request.body);
  });
}
