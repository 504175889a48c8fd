/**
 * A fetch that lets at most `max` requests run at once and queues the rest in order: with fetch's
 * keep-alive, the portal holds a bounded pool of connections to the hub however busy it gets.
 */
export function limitConcurrency(
  max: number,
  fetcher: typeof fetch = globalThis.fetch,
): typeof fetch {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async (input, init) => {
    if (running >= max) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
    try {
      return await fetcher(input, init);
    } finally {
      running--;
      waiting.shift()?.();
    }
  };
}
