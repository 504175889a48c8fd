import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { databaseFilePath } from '@promise-global/operations';
import { HubConfigError, type HubConfigInput } from './config.js';
import { hubConfigFromEnv } from './env.js';

export const CONFIG_FILE_ENV = 'PROMISE_HUB_CONFIG';
export const DEFAULT_CONFIG_FILE = 'promise-hub.json';

/** A hub's configuration as the CLI finds it, and the data directory it owns. */
export interface LocatedHubConfig {
  input: HubConfigInput;
  /** The config file's folder, else the embedded database's, else the working folder. */
  dataDir: string;
  file: string | null;
}

/**
 * Reads the hub's configuration: the JSON file (`promise-hub init` writes one; relative paths in
 * it are relative to the file), with any `HUB_*` environment variable taking precedence, so a
 * systemd `EnvironmentFile=` can hold the secrets. Without a file the environment alone configures
 * the hub, as before the CLI existed.
 */
export function locateHubConfig(
  file: string | null,
  env: NodeJS.ProcessEnv = process.env,
): LocatedHubConfig {
  const fromFile = file === null ? {} : readConfigFile(file);
  const fromEnv = Object.fromEntries(
    Object.entries(hubConfigFromEnv(env)).filter(([, value]) => value !== undefined),
  );
  const input: HubConfigInput = { ...fromFile, ...fromEnv };
  // A `HUB_METRICS_*` variable (the token, say, kept in an EnvironmentFile) overrides that one
  // setting, not the file's whole `metrics` object.
  if (fromFile.metrics && fromEnv.metrics) {
    const set = Object.entries(fromEnv.metrics).filter(([, value]) => value !== undefined);
    input.metrics = { ...fromFile.metrics, ...Object.fromEntries(set) };
  }
  const database = databaseFilePath(input.database?.url ?? 'file:hub.db');
  const dataDir =
    file !== null ? dirname(file) : database !== null ? dirname(resolve(database)) : process.cwd();
  return { input, dataDir, file };
}

function readConfigFile(file: string): HubConfigInput {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new HubConfigError([{ path: file, message: `cannot be read (${reason})` }]);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new HubConfigError([{ path: file, message: 'must hold a JSON object' }]);
  }
  const config = parsed as HubConfigInput;
  const folder = dirname(file);
  const local = config.database?.url ? databaseFilePath(config.database.url) : null;
  return {
    ...config,
    ...(local !== null && config.database
      ? { database: { ...config.database, url: `file:${inFolder(folder, local)}` } }
      : {}),
    ...(config.keyFile ? { keyFile: inFolder(folder, config.keyFile) } : {}),
  };
}

const inFolder = (folder: string, path: string) =>
  isAbsolute(path) ? path : resolve(folder, path);
