import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Context } from 'hono';
import type { HubDatabase } from '../db/database.js';
import { clientKey, TrustedProxies } from './client-address.js';
import { DeferredCounter } from './deferred-counter.js';
import type { LimitsConfig } from './limits-config.js';
import { type LimitDecision, RateLimiter } from './rate-limiter.js';

/** The hub's request limits, one set per hub (see apps/hub/README.md, "Limits"). */
export class HubLimits {
  readonly pings: RateLimiter;
  readonly subscriptionClients: RateLimiter;
  readonly problemReportClients: RateLimiter;
  readonly confirmationEmails: RateLimiter;
  readonly authFailureClients: RateLimiter;
  readonly authFailureTokens: RateLimiter;
  /** `ping.rate_limited`, written in batches. */
  readonly rateLimitedPings: DeferredCounter;
  private readonly proxies: TrustedProxies;

  constructor(config: LimitsConfig, db: HubDatabase, now?: () => number) {
    const limiter = (rules: LimitsConfig['pingsPerClient']) =>
      new RateLimiter({ rules, maxKeys: config.maxTrackedKeys, now });
    this.pings = limiter(config.pingsPerClient);
    this.subscriptionClients = limiter(config.subscriptionsPerClient);
    this.problemReportClients = limiter(config.problemReportsPerClient);
    this.confirmationEmails = limiter(config.confirmationsPerEmail);
    this.authFailureClients = limiter(config.authFailuresPerClient);
    this.authFailureTokens = limiter(config.authFailuresPerToken);
    this.rateLimitedPings = new DeferredCounter(db, 'ping.rate_limited');
    this.proxies = new TrustedProxies(config.trustedProxies);
  }

  /**
   * The limiting key of the client behind a request: the connection's peer address, or, when
   * that peer is a trusted proxy, the client it names in `X-Forwarded-For`.
   */
  clientOf(c: Context): string {
    const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
    const peer = incoming?.socket.remoteAddress ?? 'local';
    return clientKey(this.proxies.clientOf(peer, c.req.header('x-forwarded-for')));
  }

  /** Whether one more confirmation email may go to `address` (normalised), keyed by its hash. */
  takeConfirmation(address: string): LimitDecision {
    return this.confirmationEmails.take(createHash('sha256').update(address).digest('base64url'));
  }

  /**
   * Counts a failed admin-token check against its client and the presented credential (hashed);
   * refused once either has failed too often. A valid token is never counted, so never refused.
   */
  takeAuthFailure(client: string, credential: string): LimitDecision {
    const byClient = this.authFailureClients.take(client);
    const byToken = this.authFailureTokens.take(
      createHash('sha256').update(credential).digest('base64url'),
    );
    if (byClient.allowed) return byToken;
    if (byToken.allowed) return byClient;
    return {
      allowed: false,
      retryAfterSeconds: Math.max(byClient.retryAfterSeconds, byToken.retryAfterSeconds),
    };
  }

  close(): Promise<void> {
    return this.rateLimitedPings.flush();
  }
}
