import { type DestinationStream, type Logger, pino } from 'pino';
import type { NodeConfig } from '../config/config.js';

/**
 * The node's log: JSON lines (one object per line, nothing else) with an ISO-8601 `time`, at
 * `level`, on stdout unless another destination is given (commands log to stderr).
 */
export function nodeLogger(
  config: Pick<NodeConfig, 'logLevel' | 'partnerId'>,
  options: { level?: NodeConfig['logLevel']; destination?: DestinationStream } = {},
): Logger {
  const settings = {
    level: options.level ?? config.logLevel,
    base: { service: 'promise-node', partner: config.partnerId },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  return options.destination ? pino(settings, options.destination) : pino(settings);
}
