/**
 * A harvest lane: at most `limit` syncs run in it at once. Urgent syncs (a ping, an operator's
 * request) queue ahead of routine ones (the schedule); each group is served in order of arrival.
 */
export class Lane {
  private active = 0;
  private readonly urgent: (() => void)[] = [];
  private readonly routine: (() => void)[] = [];

  constructor(private readonly limit: number) {}

  /** Syncs running or waiting in this lane. */
  get load(): number {
    return this.active + this.urgent.length + this.routine.length;
  }

  async run<T>(task: () => Promise<T>, urgent = false): Promise<T> {
    if (this.active >= this.limit)
      await new Promise<void>((resolve) => (urgent ? this.urgent : this.routine).push(resolve));
    this.active++;
    try {
      return await task();
    } finally {
      this.active--;
      (this.urgent.shift() ?? this.routine.shift())?.();
    }
  }
}
