import { HubClientError, type Project52Schedule } from '@promise-global/sdk/client/hub';
import { getPortal } from './portal.js';

const RECHECK_MS = 60_000;
let known: { on: boolean; at: number } | undefined;

function isOff(cause: unknown): boolean {
  return cause instanceof HubClientError && cause.message.startsWith('PROJECT52_OFF');
}

/**
 * Project 52's schedule, or null when the hub does not run Project 52 (or cannot say just now:
 * the home page then simply leaves the section out).
 */
export async function project52Schedule(): Promise<Project52Schedule | null> {
  try {
    const schedule = await getPortal().hub.project52Schedule();
    known = { on: true, at: Date.now() };
    return schedule;
  } catch (cause) {
    if (isOff(cause)) known = { on: false, at: Date.now() };
    else console.error('portal: project52.schedule failed', cause);
    return null;
  }
}

/** Whether the hub runs Project 52 (remembered for a minute; every page's head asks). */
export async function project52Available(): Promise<boolean> {
  if (known && Date.now() - known.at < RECHECK_MS) return known.on;
  try {
    await getPortal().hub.bulletins({ limit: 1 });
    known = { on: true, at: Date.now() };
  } catch (cause) {
    // Unreachable: guess "off" for now and ask again next time.
    known = { on: false, at: isOff(cause) ? Date.now() : 0 };
  }
  return known.on;
}

export { isOff as isProject52Off };
