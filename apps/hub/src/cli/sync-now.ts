import { eq } from 'drizzle-orm';
import type { LocatedHubConfig } from '../config/config-file.js';
import type { Hub } from '../create-hub.js';
import { nodes, upstreams } from '../db/schema/index.js';
import type { SyncResult } from '../harvest/sync-node.js';
import { runningHub } from './cli-context.js';

/**
 * Syncs a node or upstream now. A running hub owns harvesting (one sync of a node at a time), so
 * the command marks it due and signals that process (SIGUSR2: sync what is due); with no hub
 * running, it syncs here and waits for the outcome.
 */
export async function syncNow(
  hub: Hub,
  located: LocatedHubConfig,
  target: { kind: 'node' | 'upstream'; id: number },
): Promise<string> {
  const pid = await runningHub(located);
  if (pid !== null) {
    const table = target.kind === 'node' ? nodes : upstreams;
    await hub.db
      .update(table)
      .set({ nextAttemptAt: 0, circuitOpenUntil: 0 })
      .where(eq(table.id, target.id));
    process.kill(pid, 'SIGUSR2');
    return `asked the running hub (process ${pid}) to sync it now`;
  }
  const result =
    target.kind === 'node'
      ? await hub.harvester.sync(target.id)
      : await hub.harvester.syncUpstream(target.id);
  return describeSync(result);
}

function describeSync(result: SyncResult): string {
  switch (result.outcome) {
    case 'synced':
      return `synced: ${result.stored} records stored, at ${result.cursorSeq} of ${result.headSeq}`;
    case 'deferred':
      return `partly synced: ${result.stored} records stored; the hub goes on when it starts`;
    case 'skipped':
      return `not synced: ${result.reason}`;
    case 'failed':
      return `sync failed: ${result.code}: ${result.message}`;
  }
}
