import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The demo's sign-in tokens, made on the first run and kept (owner-only) in the data folder. */
export interface DemoSecrets {
  hubOperatorToken: string;
  /** The demo editor's hub token (Project 52's editors' area); made when first needed. */
  hubEditorToken?: string;
  /** Signs Project 52's confirmation and unsubscribe links; made when first needed. */
  mailingSecret?: string;
  /** Per partner id: the node admin token printed for staff. */
  nodeTokens: Record<string, string>;
}

export async function loadSecrets(dataDir: string): Promise<DemoSecrets | undefined> {
  try {
    return JSON.parse(await readFile(join(dataDir, 'secrets.json'), 'utf8')) as DemoSecrets;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

export async function saveSecrets(dataDir: string, secrets: DemoSecrets): Promise<void> {
  await writeFile(join(dataDir, 'secrets.json'), `${JSON.stringify(secrets, null, 2)}\n`, {
    mode: 0o600,
  });
}

export function newOperatorToken(): string {
  return `demo-operator-${randomBytes(24).toString('base64url')}`;
}

/** A random secret of 256 bits (43 characters). */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}
