import { countEvent } from '../db/counters.js';
import type { HubDatabase } from '../db/database.js';

/**
 * Counts a frequent event in memory and adds it to the database counter at most once per
 * `flushMs`: a flood of refused requests must not cost one database write each.
 */
export class DeferredCounter {
  private pending = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly db: HubDatabase,
    private readonly name: string,
    private readonly flushMs = 1_000,
  ) {}

  add(): void {
    this.pending++;
    this.timer ??= setTimeout(() => void this.flush(), this.flushMs).unref();
  }

  /** Writes what is pending now (also at close). */
  async flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const by = this.pending;
    this.pending = 0;
    if (by === 0) return;
    try {
      await countEvent(this.db, this.name, by);
    } catch {
      // The database is closing or failing; a lost count is not worth a crash.
    }
  }
}
