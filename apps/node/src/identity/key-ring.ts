import { chmod, readFile, rename, writeFile } from 'node:fs/promises';
import type { KeyRevocation, PublicEd25519Jwk } from '@promise-global/schema';
import {
  generateSigningKey,
  type JWK,
  type SigningKey,
  signingKeyFromJwk,
} from '@promise-global/sdk/keys';
import type { Logger } from 'pino';
import type { NodeConfig } from '../config/config.js';
import { loadSigningKey } from './signing-key-store.js';

const OWNER_ONLY = 0o600;

/**
 * The node's keys (protocol §9): the `current` key signs records, heads, pings and the
 * descriptor; `next` is the pre-committed key whose thumbprint the descriptor publishes as
 * `nextKid`, so it can sign the descriptor of the next rotation; `retired` are the public keys that
 * signed earlier records and `revocations`, both announced in every descriptor. `next` is `null`
 * once its private half has been exported off the server (`key export-next`): only its thumbprint
 * `nextKid` stays, and rotation takes the key back from the exported file. `nextFile` is where
 * `next` and `revocations` live (owner-only), or `null` when the key does not come from a key file
 * (config-supplied or ephemeral): such a ring rotates in memory only.
 */
export interface KeyRing {
  current: SigningKey;
  next: SigningKey | null;
  nextKid: string;
  retired: PublicEd25519Jwk[];
  revocations: KeyRevocation[];
  keyFile: string | null;
  nextFile: string | null;
}

interface NextKeyFile {
  /** Absent once exported; `nextKid` then names the key kept elsewhere. */
  next?: JWK;
  nextKid?: string;
  retired?: PublicEd25519Jwk[];
  revocations?: KeyRevocation[];
}

/** `signing-key.json` → `signing-key.next.json`, beside the key file. */
export function nextKeyFileOf(keyFile: string): string {
  return keyFile.endsWith('.json') ? `${keyFile.slice(0, -5)}.next.json` : `${keyFile}.next`;
}

/** Loads the current key as before, plus the pre-committed next key (created on first load). */
export async function loadKeyRing(config: NodeConfig, log: Logger): Promise<KeyRing> {
  const current = await loadSigningKey(config, log);
  const keyFile = config.signingKey ? null : config.keyFile;
  if (keyFile === null) {
    const next = await generateSigningKey();
    return {
      current,
      next,
      nextKid: next.kid,
      retired: [],
      revocations: [],
      keyFile: null,
      nextFile: null,
    };
  }
  const nextFile = nextKeyFileOf(keyFile);
  const stored = await readNextKeyFile(nextFile);
  const storedNext = stored?.next ? await signingKeyFromJwk(stored.next) : undefined;
  const exportedKid = stored && !stored.next ? stored.nextKid : undefined;
  // A rotation interrupted between its two writes leaves next = current: commit a fresh one.
  const keep = exportedKid
    ? exportedKid !== current.kid
    : storedNext !== undefined && storedNext.kid !== current.kid;
  const next = keep ? (storedNext ?? null) : await generateSigningKey();
  const ring: KeyRing = {
    current,
    next,
    nextKid: next?.kid ?? exportedKid ?? '',
    retired: stored?.retired ?? [],
    revocations: stored?.revocations ?? [],
    keyFile,
    nextFile,
  };
  if (!keep) {
    await writeOwnerOnly(nextFile, nextKeyFileBody(ring));
    log.info({ nextKid: ring.nextKid, file: nextFile }, 'pre-committed a next signing key');
  }
  return ring;
}

/** Writes the ring's files: the current key first, then the next key and revocations. */
export async function saveKeyRing(ring: KeyRing): Promise<void> {
  if (ring.keyFile === null || ring.nextFile === null) return;
  await writeOwnerOnly(ring.keyFile, `${JSON.stringify(ring.current.privateJwk, null, 2)}\n`);
  await writeOwnerOnly(ring.nextFile, nextKeyFileBody(ring));
}

function nextKeyFileBody(ring: KeyRing): string {
  const body: NextKeyFile = {
    ...(ring.next ? { next: ring.next.privateJwk } : {}),
    nextKid: ring.nextKid,
    retired: ring.retired,
    revocations: ring.revocations,
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}

async function readNextKeyFile(file: string): Promise<NextKeyFile | undefined> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as NextKeyFile;
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Replaces `file` atomically (write a temporary owner-only file, then rename over it). */
export async function writeOwnerOnly(file: string, text: string): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, text, { mode: OWNER_ONLY });
  await chmod(temporary, OWNER_ONLY);
  await rename(temporary, file);
}
