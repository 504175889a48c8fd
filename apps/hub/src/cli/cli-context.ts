import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { databaseFilePath, dataDirHolder } from '@promise-global/operations';
import { pino } from 'pino';
import { HubConfigError, type HubConfigInput } from '../config/config.js';
import {
  CONFIG_FILE_ENV,
  DEFAULT_CONFIG_FILE,
  type LocatedHubConfig,
  locateHubConfig,
} from '../config/config-file.js';
import { createHub, type Hub } from '../create-hub.js';
import { hubLogger } from '../logging/hub-logger.js';

export const PROGRAM = 'promise-hub';

export interface GlobalOptions {
  config?: string;
  json?: boolean;
}

/** The config file a command uses: `--config`, else `$PROMISE_HUB_CONFIG`, else `./promise-hub.json` if present. */
export function configFileFor(options: GlobalOptions): string | null {
  if (options.config) return resolve(options.config);
  if (process.env[CONFIG_FILE_ENV]) return resolve(process.env[CONFIG_FILE_ENV]);
  return existsSync(DEFAULT_CONFIG_FILE) ? resolve(DEFAULT_CONFIG_FILE) : null;
}

export function locate(options: GlobalOptions): LocatedHubConfig {
  return locateHubConfig(configFileFor(options));
}

/**
 * Opens an existing hub's database and key for a one-off command (nothing listens, nothing is
 * scheduled) and closes them after. Refuses to create a database: that is `init`'s (or `start`'s).
 */
export async function withHub<T>(
  options: GlobalOptions,
  work: (hub: Hub, located: LocatedHubConfig) => Promise<T>,
): Promise<T> {
  const located = locate(options);
  const input = located.input;
  const file = databaseFilePath(input.database?.url ?? 'file:hub.db');
  if (file !== null && !existsSync(resolve(file))) {
    throw new HubConfigError([
      {
        path: 'database.url',
        message: `no hub database at ${resolve(file)}; run \`promise-hub init\` first, or pass --config`,
      },
    ]);
  }
  const hub = await createHub(oneOff(input), {
    log: hubLogger('warn', pino.destination(2)),
  });
  try {
    return await work(hub, located);
  } finally {
    await hub.close();
  }
}

/** The configuration for a command that runs beside (or instead of) the server. */
function oneOff(input: HubConfigInput): HubConfigInput {
  const port = input.port ?? 0;
  const publicUrl =
    input.publicUrl ?? (port > 0 ? `http://${input.host ?? '127.0.0.1'}:${port}` : undefined);
  if (publicUrl === undefined) {
    throw new HubConfigError([
      {
        path: 'publicUrl',
        message: 'is needed to sign as the hub: set it in promise-hub.json or HUB_PUBLIC_URL',
      },
    ]);
  }
  return { ...input, publicUrl, harvest: { ...input.harvest, schedule: false } };
}

/** The process of the hub serving this data directory, if one runs on this host. */
export async function runningHub(located: LocatedHubConfig): Promise<number | null> {
  return (await dataDirHolder(located.dataDir, PROGRAM))?.pid ?? null;
}

/** Prints `data` as JSON with `--json`, else the human lines. */
export function print(options: GlobalOptions, data: unknown, human: () => string[]): void {
  const text = options.json ? JSON.stringify(data, null, 2) : human().join('\n');
  if (text) process.stdout.write(`${text}\n`);
}

/** Rows as aligned columns under a header. */
export function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((title, i) =>
    Math.max(title.length, ...rows.map((row) => row[i]?.length ?? 0)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i] ?? 0)))
      .join('  ');
  return [line(header), ...rows.map(line)];
}
