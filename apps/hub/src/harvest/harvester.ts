import { Cron } from 'croner';
import { and, eq, lte } from 'drizzle-orm';
import type { HubContext } from '../context.js';
import { nodes } from '../db/schema/index.js';
import { Semaphore } from './semaphore.js';
import { type SyncResult, syncNode } from './sync-node.js';

/**
 * Runs node syncs: on a croner schedule (every due node), at once on a valid ping, or on demand.
 * At most `harvest.concurrency` nodes sync at a time and one node never syncs twice at once: a
 * request during a sync queues one more pass after it (a ping is never lost).
 */
export class Harvester {
  private readonly semaphore: Semaphore;
  private readonly running = new Map<number, Promise<SyncResult>>();
  private readonly again = new Set<number>();
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
    const current = this.running.get(nodeId);
    if (current) {
      this.again.add(nodeId);
      return current.then(() => this.running.get(nodeId) ?? this.sync(nodeId));
    }
    const run = this.semaphore
      .run(() =>
        this.closed
          ? Promise.resolve<SyncResult>({ outcome: 'skipped', reason: 'closed' })
          : syncNode(this.ctx(), nodeId),
      )
      .finally(() => {
        this.running.delete(nodeId);
        if (this.again.delete(nodeId) && !this.closed) void this.sync(nodeId);
      });
    this.running.set(nodeId, run);
    return run;
  }

  /** Syncs every active node whose backoff has elapsed; resolves when all have finished. */
  async syncDue(now = Date.now()): Promise<SyncResult[]> {
    const due = await this.ctx()
      .db.select({ id: nodes.id })
      .from(nodes)
      .where(and(eq(nodes.state, 'active'), lte(nodes.nextAttemptAt, now)));
    return Promise.all(due.map((node) => this.sync(node.id)));
  }

  /** Stops the schedule and waits for syncs in flight. */
  async close(): Promise<void> {
    this.closed = true;
    this.cron?.stop();
    await Promise.allSettled([...this.running.values()]);
  }
}
