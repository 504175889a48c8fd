import { integer, text } from 'drizzle-orm/sqlite-core';

/**
 * The harvesting health columns a node and an upstream hub share (written by
 * `harvest/sync-health.ts`): last success and error, backoff and the circuit breaker.
 */
export function syncHealthColumns() {
  return {
    lastSuccessAt: integer('last_success_at'),
    lastAttemptAt: integer('last_attempt_at'),
    lastErrorCode: text('last_error_code'),
    lastErrorMessage: text('last_error_message'),
    lastErrorAt: integer('last_error_at'),
    consecutiveFailures: integer('consecutive_failures').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at').notNull().default(0),
    circuitOpenUntil: integer('circuit_open_until').notNull().default(0),
  };
}
