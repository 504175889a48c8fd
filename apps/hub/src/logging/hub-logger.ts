import { type DestinationStream, type LevelWithSilent, type Logger, pino } from 'pino';

/**
 * The hub's log: JSON lines (one object per line, nothing else) with an ISO-8601 `time`, on
 * stdout unless another destination is given (one-off commands log to stderr).
 */
export function hubLogger(level: LevelWithSilent, destination?: DestinationStream): Logger {
  const settings = { level, base: { app: 'hub' }, timestamp: pino.stdTimeFunctions.isoTime };
  return destination ? pino(settings, destination) : pino(settings);
}
