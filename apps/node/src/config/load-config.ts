import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import {
  ConfigError,
  ENV_NAMES,
  type NodeConfig,
  type NodeConfigInput,
  resolveConfig,
} from './config.js';

export const CONFIG_FILE_ENV = 'PROMISE_NODE_CONFIG';

export interface LoadConfigOptions {
  /** Environment to read; defaults to `process.env`. */
  env?: Record<string, string | undefined>;
  /** A JSON config file; defaults to `$PROMISE_NODE_CONFIG` when set. */
  file?: string;
  /** Settings that win over the file and the environment (e.g. CLI flags). */
  overrides?: Partial<NodeConfigInput>;
}

/**
 * Reads the node's configuration once: the JSON file, then the environment, then overrides
 * (later wins), parsed with zod. Throws `ConfigError` naming each bad setting.
 * Relative paths in a config file are relative to the file.
 */
export function loadConfig(options: LoadConfigOptions = {}): NodeConfig {
  const env = options.env ?? process.env;
  const file = options.file ?? env[CONFIG_FILE_ENV];
  const fromFile = file ? readConfigFile(file) : {};
  return resolveConfig({
    ...fromFile,
    ...readEnv(env),
    ...stripUndefined(options.overrides ?? {}),
  });
}

function readConfigFile(file: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError([{ setting: `config file ${file}`, message: errorMessage(error) }]);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ConfigError([
      { setting: `config file ${file}`, message: `not valid JSON: ${errorMessage(error)}` },
    ]);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new ConfigError([{ setting: `config file ${file}`, message: 'must be a JSON object' }]);
  }
  const config: Record<string, unknown> = { ...data };
  const base = dirname(resolve(file));
  for (const key of ['dataDir', 'keyFile', 'adminDir'] as const) {
    const value = config[key];
    if (typeof value === 'string' && !isAbsolute(value)) config[key] = resolve(base, value);
  }
  const url = config.databaseUrl;
  if (typeof url === 'string' && url.startsWith('file:') && !isAbsolute(url.slice(5))) {
    config.databaseUrl = `file:${resolve(base, url.slice(5))}`;
  }
  return config;
}

function readEnv(env: Record<string, string | undefined>): Record<string, unknown> {
  const config: Record<string, unknown> = {};
  for (const [key, name] of Object.entries(ENV_NAMES)) {
    const value = env[name];
    if (value === undefined || value === '') continue;
    if (key === 'signingKey' || key === 'partner' || key === 'reviewDigest') {
      try {
        config[key] = JSON.parse(value);
      } catch {
        throw new ConfigError([{ setting: `${key} (${name})`, message: 'must be JSON' }]);
      }
    } else {
      config[key] = value;
    }
  }
  return config;
}

function stripUndefined(input: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
