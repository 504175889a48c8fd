import { chmod, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { keyFileError } from '@promise-global/operations';
import {
  generateSigningKey,
  type JWK,
  type SigningKey,
  signingKeyFromJwk,
} from '@promise-global/sdk/keys';
import type { Logger } from 'pino';
import type { NodeConfig } from '../config/config.js';

const OWNER_ONLY = 0o600;

/**
 * The node's signing key (protocol §2.3): the operator's key from config, else the key file,
 * created with owner-only permissions on first start; an in-memory node without a key file gets
 * an ephemeral key.
 */
export async function loadSigningKey(config: NodeConfig, log: Logger): Promise<SigningKey> {
  if (config.signingKey) return signingKeyFromJwk(config.signingKey);
  if (config.keyFile === null) {
    log.warn('no key file configured for an in-memory database: using an ephemeral signing key');
    return generateSigningKey();
  }
  return readOrCreateKeyFile(config.keyFile, log);
}

export async function readOrCreateKeyFile(file: string, log: Logger): Promise<SigningKey> {
  const existing = await readKeyFile(file, log);
  if (existing) return existing;
  const key = await generateSigningKey();
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  try {
    await writeFile(file, `${JSON.stringify(key.privateJwk, null, 2)}\n`, {
      mode: OWNER_ONLY,
      flag: 'wx',
    });
  } catch (error) {
    // Another process created it first: use theirs, never overwrite a key.
    if (isCode(error, 'EEXIST')) {
      const raced = await readKeyFile(file, log);
      if (raced) return raced;
    }
    throw error;
  }
  await chmod(file, OWNER_ONLY);
  log.info({ kid: key.kid, file }, 'created a new signing key');
  return key;
}

async function readKeyFile(file: string, log: Logger): Promise<SigningKey | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (isCode(error, 'ENOENT')) return undefined;
    throw error;
  }
  const mode = (await stat(file)).mode & 0o777;
  if (mode !== OWNER_ONLY) {
    log.warn({ file, mode: mode.toString(8) }, 'signing key file was not owner-only; fixing');
    await chmod(file, OWNER_ONLY);
  }
  try {
    const jwk: JWK = JSON.parse(text);
    return await signingKeyFromJwk(jwk);
  } catch (error) {
    throw keyFileError(file, error);
  }
}

function isCode(error: unknown, code: string): boolean {
  return error instanceof Error && 'code' in error && error.code === code;
}
