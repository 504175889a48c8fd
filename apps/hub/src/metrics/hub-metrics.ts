import { ne } from 'drizzle-orm';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { HubDatabase } from '../db/database.js';
import { nodes } from '../db/schema/index.js';
import type { SyncResult } from '../harvest/sync-node.js';

/** What a sync pulled from: an enrolled node or an upstream hub's aggregate feed. */
export type SyncSource = 'node' | 'upstream';

/**
 * The hub's Prometheus metrics, in a registry of its own (several hubs in one process never share
 * one). Counters move where things happen; per-node lag is read from the database at each scrape.
 */
export interface HubMetrics {
  registry: Registry;
  recordsHarvested: Counter<'source'>;
  searchSeconds: Histogram<'index' | 'api'>;
  pings: Counter<'outcome' | 'code'>;
  /** Counts one sync's outcome, with its failure code or the reason it was skipped. */
  syncEnded(source: SyncSource, result: SyncResult): void;
  /** Times `search`, observed under `index` and `api` (also when it throws). */
  timeSearch<T>(
    index: 'innovations' | 'services',
    api: 'trpc' | 'rest',
    search: () => Promise<T>,
  ): Promise<T>;
  /** Adds Node.js process metrics (memory, CPU, event loop) once metrics are served. */
  collectProcessMetrics(): void;
}

export function createHubMetrics(db: HubDatabase): HubMetrics {
  const registry = new Registry();
  const registers = [registry];
  new Gauge({
    name: 'promise_hub_node_lag',
    help: "Records a node's feed holds that the hub has not harvested yet (head seq - cursor seq), by partner.",
    labelNames: ['partner'],
    registers,
    async collect() {
      const rows = await db
        .select({ partner: nodes.partnerId, head: nodes.headSeq, cursor: nodes.cursorSeq })
        .from(nodes)
        .where(ne(nodes.state, 'removed'));
      this.reset();
      for (const row of rows)
        this.set({ partner: row.partner }, Math.max(0, row.head - row.cursor));
    },
  });
  const syncs = new Counter({
    name: 'promise_hub_syncs_total',
    help: 'Syncs by source (node, upstream), outcome (synced, failed, deferred, skipped) and code (the failure code, or why it was skipped).',
    labelNames: ['source', 'outcome', 'code'],
    registers,
  });
  const searchSeconds = new Histogram({
    name: 'promise_hub_search_duration_seconds',
    help: 'Time to answer a search, by index (innovations, services) and api (trpc, rest).',
    labelNames: ['index', 'api'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers,
  });
  let processMetrics = false;
  return {
    registry,
    recordsHarvested: new Counter({
      name: 'promise_hub_records_harvested_total',
      help: 'Verified records stored, by source (node, upstream); records/s is rate() of it.',
      labelNames: ['source'],
      registers,
    }),
    searchSeconds,
    pings: new Counter({
      name: 'promise_hub_pings_total',
      help: 'Pings received, by outcome (accepted, refused) and code (why one was refused).',
      labelNames: ['outcome', 'code'],
      registers,
    }),
    syncEnded(source, result) {
      const code =
        result.outcome === 'failed'
          ? result.code
          : result.outcome === 'skipped'
            ? result.reason.toUpperCase().replaceAll(/[^A-Z0-9]+/g, '_')
            : '';
      syncs.inc({ source, outcome: result.outcome, code });
    },
    async timeSearch(index, api, search) {
      const end = searchSeconds.startTimer({ index, api });
      try {
        return await search();
      } finally {
        end();
      }
    },
    collectProcessMetrics() {
      if (processMetrics) return;
      processMetrics = true;
      collectDefaultMetrics({ register: registry });
    },
  };
}
