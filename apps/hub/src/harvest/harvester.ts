import { Cron } from 'croner';
import { and, eq, lte } from 'drizzle-orm';
import type { HubContext } from '../context.js';
import { nodes, upstreams } from '../db/schema/index.js';
import { TransportError } from '../http/transport-error.js';
import { notRelayed } from '../upstream/relayed.js';
import { syncUpstream } from '../upstream/sync-upstream.js';
import { Lane } from './lane.js';
import { type SyncBudget, type SyncResult, syncNode } from './sync-node.js';

type LaneName = 'fast' | 'slow';

/** How many syncs in a row of a node or upstream failed, as the database says (after a restart). */
async function consecutiveFailures(
  ctx: HubContext,
  table: typeof nodes | typeof upstreams,
  id: number,
): Promise<number> {
  const [row] = await ctx.db
    .select({ failures: table.consecutiveFailures })
    .from(table)
    .where(eq(table.id, id));
  return row?.failures ?? 0;
}
type Task = (budget: SyncBudget) => Promise<SyncResult>;

/**
 * Runs node and upstream hub syncs: on a croner schedule (every due one), at once on a valid ping,
 * or on demand. One node never syncs twice at once: a request during a sync queues one more pass
 * after it (a ping is never lost).
 *
 * Syncs run in two lanes so a slow or failing node never delays a healthy one. The fast lane
 * (`harvest.concurrency` at once, pings and operators' requests ahead of the schedule) gives each
 * sync `fastLaneBudgetMs`; a sync that outlasts it is ended, keeps the pages it stored, and goes on
 * in the slow lane. Nodes that were slow or failed last time start in the slow lane, which runs
 * `slowConcurrency` syncs at once, each for at most `slowLaneBudgetMs`, in order of arrival.
 */
export class Harvester {
  private readonly lanes: Record<LaneName, Lane>;
  private readonly running = new Map<string, Promise<SyncResult>>();
  private readonly again = new Set<string>();
  /** How many syncs in a row of each node or upstream were slow or failed; absent: ask the database. */
  private readonly slowStreak = new Map<string, number>();
  private readonly budgets = new Set<AbortController>();
  private cron: Cron | undefined;
  private closed = false;

  constructor(
    private readonly ctx: () => HubContext,
    { concurrency, slowConcurrency }: { concurrency: number; slowConcurrency: number },
  ) {
    this.lanes = { fast: new Lane(concurrency), slow: new Lane(slowConcurrency) };
  }

  start(): void {
    const { schedule } = this.ctx().config.harvest;
    if (schedule === false) return;
    this.cron = new Cron(schedule, { protect: true }, async () => {
      await this.syncDue();
    });
  }

  /** Syncs one node now (or right after its current sync) and resolves with the outcome. */
  sync(nodeId: number, urgent = true): Promise<SyncResult> {
    return this.run(
      `node:${nodeId}`,
      (budget) => syncNode(this.ctx(), nodeId, Date.now(), budget),
      urgent,
      () => consecutiveFailures(this.ctx(), nodes, nodeId),
    );
  }

  /** Syncs one upstream hub's aggregate feed now (or right after its current sync). */
  syncUpstream(upstreamId: number, urgent = true): Promise<SyncResult> {
    return this.run(
      `upstream:${upstreamId}`,
      (budget) => syncUpstream(this.ctx(), upstreamId, Date.now(), budget),
      urgent,
      () => consecutiveFailures(this.ctx(), upstreams, upstreamId),
    );
  }

  /** Syncs running or waiting in each lane (status pages, tests). */
  load(): Record<LaneName, number> {
    return { fast: this.lanes.fast.load, slow: this.lanes.slow.load };
  }

  private run(
    key: string,
    task: Task,
    urgent: boolean,
    failures: () => Promise<number>,
  ): Promise<SyncResult> {
    const current = this.running.get(key);
    if (current) {
      this.again.add(key);
      return current.then(() => this.running.get(key) ?? this.run(key, task, urgent, failures));
    }
    const run = this.pass(key, task, urgent, failures).finally(() => {
      this.running.delete(key);
      if (this.again.delete(key) && !this.closed) void this.run(key, task, urgent, failures);
    });
    this.running.set(key, run);
    return run;
  }

  private async pass(
    key: string,
    task: Task,
    urgent: boolean,
    failures: () => Promise<number>,
  ): Promise<SyncResult> {
    const { fastLaneBudgetMs, slowLaneBudgetMs } = this.ctx().config.harvest;
    let streak = this.slowStreak.get(key) ?? (await failures());
    let lane: LaneName = streak > 0 ? 'slow' : 'fast';
    for (;;) {
      // Fast lane: pings and operators first. Slow lane: nodes slow once (perhaps a passing
      // fault) before those slow time after time.
      const ahead = lane === 'fast' ? urgent : streak <= 1;
      const { result, ms } = await this.lanes[lane].run(
        () => this.withBudget(task, lane === 'fast' ? fastLaneBudgetMs : slowLaneBudgetMs, lane),
        ahead,
      );
      this.ctx().metrics.syncEnded(key.startsWith('upstream:') ? 'upstream' : 'node', result);
      if (result.outcome !== 'skipped') {
        streak = result.outcome === 'synced' && ms <= fastLaneBudgetMs ? 0 : streak + 1;
        this.slowStreak.set(key, streak);
      }
      if (result.outcome !== 'deferred' || this.closed) return result;
      lane = 'slow';
    }
  }

  /** Runs one sync under a lane's time budget; `ms` is how long it ran (not how long it queued). */
  private async withBudget(
    task: Task,
    budgetMs: number,
    lane: LaneName,
  ): Promise<{ result: SyncResult; ms: number }> {
    if (this.closed) return { result: { outcome: 'skipped', reason: 'closed' }, ms: 0 };
    const started = performance.now();
    const controller = new AbortController();
    const timer = setTimeout(
      () =>
        controller.abort(
          new TransportError('SYNC_BUDGET', `the sync took longer than its ${budgetMs} ms budget`),
        ),
      budgetMs,
    );
    this.budgets.add(controller);
    try {
      const result = await task({ signal: controller.signal, failWhenIdle: lane === 'slow' });
      return { result, ms: performance.now() - started };
    } finally {
      clearTimeout(timer);
      this.budgets.delete(controller);
    }
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
      ...due.map((node) => this.sync(node.id, false)),
      ...dueUpstreams.map((upstream) => this.syncUpstream(upstream.id, false)),
    ]);
  }

  /** Stops the schedule, ends syncs in flight (what they stored stays) and waits for them. */
  async close(): Promise<void> {
    this.closed = true;
    this.cron?.stop();
    for (const budget of this.budgets)
      budget.abort(new TransportError('ABORTED', 'the hub is closing'));
    await Promise.allSettled([...this.running.values()]);
  }
}
