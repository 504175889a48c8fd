import { fileURLToPath } from 'node:url';

const PRELOAD = fileURLToPath(new URL('./fixed-clock.mjs', import.meta.url));

/**
 * Environment for a server process whose clock starts at `instant` (and runs on from there):
 * pass it as a started portal's extra environment. Only test processes get the preload.
 */
export function fixedClockEnv(instant: string): Record<string, string> {
  return { NODE_OPTIONS: `--import=${PRELOAD}`, PROMISE_TEST_CLOCK: instant };
}
