import { Cron } from 'croner';
import { and, eq, lte } from 'drizzle-orm';
import type { HubContext } from '../context.js';
import { nodes, upstreams } from '../db/schema/index.js';
import { notRelayed } from '../upstream/relayed.js';
import { syncUpstream } from '../upstream/sync-upstream.js';
import { Semaphore } from './semaphore.js';
import { type SyncResult, syncNode } from './sync-node.js';

/**
 * Runs node and upstream hub syncs: on a croner schedule (every due one), at once on a valid ping,
 * or on demand.
 * At most `harvest.concurrency` nodes sync at a time and one node never syncs twice at once: a
 * request during a sync queues one more pass after it (a ping is never lost).
 */
export class Harvester {
  private readonly semaphore: Semaphore;
  private readonly running = new Map<string, Promise<SyncResult>>();
  private readonly again = new Set<string>();
  private cron: Cron | undefined;
  private closed = false;

  constructor(
    private readonly ctx: () => HubContext,
    concurrency: number,
  ) {
    this.semaphore = new Semaphore(concurrency);
  }

  start(): void {
    const { schedule } = this.ctx().config.harvest;
    if (schedule === false) return;
    this.cron = new Cron(schedule, { protect: true }, async () => {
      await this.syncDue();
    });
  }

  /** Syncs one node now (or right after its current sync) and resolves with the outcome. */
  sync(nodeId: number): Promise<SyncResult> {
    return this.run(`node:${nodeId}`, () => syncNode(this.ctx(), nodeId));
  }

  /** Syncs one upstream hub's aggregate feed now (or right after its current sync). */
  syncUpstream(upstreamId: number): Promise<SyncResult> {
    return this.run(`upstream:${upstreamId}`, () => syncUpstream(this.ctx(), upstreamId));
  }

  private run(key: string, task: () => Promise<SyncResult>): Promise<SyncResult> {
    const current = this.running.get(key);
    if (current) {
      this.again.add(key);
      return current.then(() => this.running.get(key) ?? this.run(key, task));
    }
    const run = this.semaphore
      .run(() =>
        this.closed
          ? Promise.resolve<SyncResult>({ outcome: 'skipped', reason: 'closed' })
          : task(),
      )
      .finally(() => {
        this.running.delete(key);
        if (this.again.delete(key) && !this.closed) void this.run(key, task);
      });
    this.running.set(key, run);
    return run;
  }

  /** Syncs every active node and upstream whose backoff has elapsed; resolves when all finished. */
  async syncDue(now = Date.now()): Promise<SyncResult[]> {
    const { db } = this.ctx();
    const due = await db
      .select({ id: nodes.id })
      .from(nodes)
      .where(and(eq(nodes.state, 'active'), lte(nodes.nextAttemptAt, now), notRelayed));
    const dueUpstreams = await db
      .select({ id: upstreams.id })
      .from(upstreams)
      .where(and(eq(upstreams.state, 'active'), lte(upstreams.nextAttemptAt, now)));
    return Promise.all([
      ...due.map((node) => this.sync(node.id)),
      ...dueUpstreams.map((upstream) => this.syncUpstream(upstream.id)),
    ]);
  }

  /** Stops the schedule and waits for syncs in flight. */
  async close(): Promise<void> {
    this.closed = true;
    this.cron?.stop();
    await Promise.allSettled([...this.running.values()]);
  }
}
