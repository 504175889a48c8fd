import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { type Logger, pino } from 'pino';
import type { NodeConfig } from '../config/config.js';
import { CONFIG_FILE_ENV, loadConfig } from '../config/load-config.js';
import { createContext, type NodeContext } from '../context.js';
import { nodeLogger } from '../logging/node-logger.js';

export const DEFAULT_CONFIG_FILE = 'promise-node.json';

export interface GlobalOptions {
  config?: string;
}

/** The config file a command uses: `--config`, else `$PROMISE_NODE_CONFIG`, else `./promise-node.json`. */
export function configFileFor(options: GlobalOptions): string | undefined {
  if (options.config) return resolve(options.config);
  if (process.env[CONFIG_FILE_ENV]) return resolve(process.env[CONFIG_FILE_ENV]);
  return existsSync(DEFAULT_CONFIG_FILE) ? resolve(DEFAULT_CONFIG_FILE) : undefined;
}

export function loadCliConfig(options: GlobalOptions): NodeConfig {
  const file = configFileFor(options);
  return loadConfig(file ? { file } : {});
}

/** Commands log to stderr so what they print on stdout (tokens, exports) stays clean. */
export function cliLogger(config: NodeConfig): Logger {
  const level = config.logLevel === 'info' ? 'warn' : config.logLevel;
  return nodeLogger(config, { level, destination: pino.destination(2) });
}

/** Opens the node's database and key for a one-off command, and closes them after. */
export async function withContext<T>(
  options: GlobalOptions,
  work: (ctx: NodeContext) => Promise<T>,
): Promise<T> {
  const config = loadCliConfig(options);
  const ctx = await createContext(config, cliLogger(config));
  try {
    return await work(ctx);
  } finally {
    // Give a configured hub a moment to take the ping; it also polls, so never wait long.
    await Promise.race([ctx.pinger.idle(), delay(5_000, undefined, { ref: false })]);
    await ctx.close();
  }
}
