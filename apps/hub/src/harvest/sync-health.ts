import type { HubConfig } from '../config/config.js';
import type { NodeHealth } from '../db/schema/index.js';
import { backoffDelay } from './backoff.js';

type HarvestConfig = HubConfig['harvest'];

/** The health columns after a successful sync (nodes and upstream hubs share them). */
export function syncSucceeded(lag: number, harvest: HarvestConfig, attemptAt: number) {
  return {
    health: (lag >= harvest.laggingThreshold ? 'lagging' : 'healthy') as NodeHealth,
    lastSuccessAt: Date.now(),
    lastAttemptAt: attemptAt,
    consecutiveFailures: 0,
    nextAttemptAt: 0,
    circuitOpenUntil: 0,
  };
}

/**
 * Withholding (docs/protocol.md §7.4): the node has signed a head ahead of the records it serves
 * since `withheldSince`; past `withholdingAfterMs` its health says so, with code `WITHHOLDING`.
 */
export function withholdingFacts(
  withheldSince: number | null,
  position: { headSeq: number; cursorSeq: number },
  harvest: HarvestConfig,
  now: number,
) {
  if (withheldSince === null || now - withheldSince < harvest.withholdingAfterMs) return {};
  const seconds = Math.round((now - withheldSince) / 1000);
  return {
    health: 'withholding' as NodeHealth,
    lastErrorCode: 'WITHHOLDING',
    lastErrorMessage: `the node's signed head is at seq ${position.headSeq} but it has served no record after seq ${position.cursorSeq} for ${seconds} s`,
    lastErrorAt: Date.now(),
  };
}

/**
 * The health columns after a failed sync: the error, exponential backoff with jitter, and an open
 * circuit after `breakerThreshold` consecutive failures.
 */
export function syncFailed(
  failure: { code: string; message: string },
  failures: number,
  harvest: HarvestConfig,
  attemptAt: number,
  health: NodeHealth = 'failing',
) {
  const delay = backoffDelay(failures, harvest.backoff.baseMs, harvest.backoff.maxMs);
  return {
    health,
    lastAttemptAt: attemptAt,
    lastErrorCode: failure.code,
    lastErrorMessage: failure.message.slice(0, 500),
    lastErrorAt: Date.now(),
    consecutiveFailures: failures,
    nextAttemptAt: Date.now() + delay,
    circuitOpenUntil: failures >= harvest.breakerThreshold ? Date.now() + delay : 0,
  };
}

const iso = (ms: number | null) => (ms === null || ms === 0 ? null : new Date(ms).toISOString());

/** What a status shows of the health columns: last success, last error, failures, open circuit. */
export function syncFacts(
  columns: {
    lastSuccessAt: number | null;
    lastErrorCode: string | null;
    lastErrorMessage: string | null;
    lastErrorAt: number | null;
    consecutiveFailures: number;
    circuitOpenUntil: number;
  },
  now = Date.now(),
) {
  return {
    lastSuccessAt: iso(columns.lastSuccessAt),
    lastError:
      columns.lastErrorCode && columns.lastErrorAt
        ? {
            code: columns.lastErrorCode,
            message: columns.lastErrorMessage ?? '',
            at: new Date(columns.lastErrorAt).toISOString(),
          }
        : null,
    consecutiveFailures: columns.consecutiveFailures,
    circuitOpenUntil: columns.circuitOpenUntil > now ? iso(columns.circuitOpenUntil) : null,
  };
}
