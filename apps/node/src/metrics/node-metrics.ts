import { count, max } from 'drizzle-orm';
import { Counter, collectDefaultMetrics, Gauge, Registry } from 'prom-client';
import type { Database } from '../db/database.js';
import { feedRecords } from '../db/schema.js';

/** Why a request failed to authenticate (the `reason` label of `promise_node_auth_failures_total`). */
export type AuthFailureReason =
  | 'credential_missing'
  | 'token_invalid'
  | 'session_invalid'
  | 'sign_in_failed'
  | 'csrf_token_invalid'
  | 'role_insufficient'
  | 'metrics_token_invalid';

/** Distinct refusal codes kept as label values; past this a hub's codes count as `OTHER`. */
const MAX_REFUSAL_CODES = 32;

/**
 * The node's Prometheus metrics, in a registry of its own (several nodes in one process never
 * share one). Counters move where things happen; the feed's gauges are read from the database
 * at each scrape.
 */
export interface NodeMetrics {
  registry: Registry;
  feedRequests: Counter<'status'>;
  pingsSent: Counter;
  /** Count with {@link NodeMetrics.pingRefused}, which bounds the codes a hub can make up. */
  pingsRefused: Counter<'code'>;
  pingsUnanswered: Counter;
  authFailures: Counter<'reason'>;
  pingRefused(code: string): void;
  /** Adds Node.js process metrics (memory, CPU, event loop) once metrics are served. */
  collectProcessMetrics(): void;
}

export function createNodeMetrics(database: Database): NodeMetrics {
  const registry = new Registry();
  const registers = [registry];
  new Gauge({
    name: 'promise_node_feed_records',
    help: 'Records in the signed feed, by record type (every published version counts).',
    labelNames: ['type'],
    registers,
    async collect() {
      const rows = await database.read((db) =>
        db
          .select({ type: feedRecords.recordType, records: count() })
          .from(feedRecords)
          .groupBy(feedRecords.recordType),
      );
      this.reset();
      for (const row of rows) this.set({ type: row.type }, row.records);
    },
  });
  new Gauge({
    name: 'promise_node_feed_head_seq',
    help: 'The seq of the newest record in the feed (0 when empty).',
    registers,
    async collect() {
      const [head] = await database.read((db) =>
        db.select({ seq: max(feedRecords.seq) }).from(feedRecords),
      );
      this.set(head?.seq ?? 0);
    },
  });
  const pingsRefused = new Counter({
    name: 'promise_node_pings_refused_total',
    help: "Pings the hub answered with a refusal, by the hub's reason code (HTTP_<status> without one).",
    labelNames: ['code'],
    registers,
  });
  const codes = new Set<string>();
  let processMetrics = false;
  return {
    registry,
    feedRequests: new Counter({
      name: 'promise_node_feed_requests_total',
      help: 'Requests for GET /feed, by HTTP status.',
      labelNames: ['status'],
      registers,
    }),
    pingsSent: new Counter({
      name: 'promise_node_pings_sent_total',
      help: 'Signed pings sent to the hub (each attempt, retries included).',
      registers,
    }),
    pingsRefused,
    pingsUnanswered: new Counter({
      name: 'promise_node_pings_unanswered_total',
      help: 'Pings that got no answer from the hub (unreachable, timed out).',
      registers,
    }),
    authFailures: new Counter({
      name: 'promise_node_auth_failures_total',
      help: 'Requests refused for a missing or bad credential, by reason.',
      labelNames: ['reason'],
      registers,
    }),
    pingRefused(code) {
      if (!codes.has(code) && codes.size >= MAX_REFUSAL_CODES) {
        pingsRefused.inc({ code: 'OTHER' });
        return;
      }
      codes.add(code);
      pingsRefused.inc({ code });
    },
    collectProcessMetrics() {
      if (processMetrics) return;
      processMetrics = true;
      collectDefaultMetrics({ register: registry });
    },
  };
}
