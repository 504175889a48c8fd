/**
 * Delay before the next attempt after `failures` consecutive failures: exponential, capped, with
 * "equal jitter" (a uniform draw in the upper half of the bound) so failing nodes do not retry in step.
 */
export function backoffDelay(
  failures: number,
  baseMs: number,
  maxMs: number,
  random = Math.random,
): number {
  const bound = Math.min(maxMs, baseMs * 2 ** Math.max(0, failures - 1));
  return Math.round(bound / 2 + (random() * bound) / 2);
}
