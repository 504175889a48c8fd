import { existsSync } from 'node:fs';
import { NodeError } from '../errors.js';
import { type KeyRing, saveKeyRing, writeOwnerOnly } from './key-ring.js';

/**
 * Moves the pre-committed next key off the server (protocol §9.2): its private JWK goes to `file`
 * (owner-only, never overwritten) and the server keeps only its thumbprint, so a stolen server
 * cannot also take over the node's next identity. Rotation takes it back with `--next-key`.
 */
export async function exportNextKey(ring: KeyRing, file: string): Promise<string> {
  if (ring.keyFile === null) {
    throw new NodeError(
      400,
      'KEY_NOT_IN_FILE',
      'The signing key comes from the config, not a key file',
    );
  }
  if (!ring.next) {
    throw new NodeError(
      409,
      'NEXT_KEY_OFFLINE',
      `The next key (kid ${ring.nextKid}) was already exported; it is not on this server`,
    );
  }
  if (existsSync(file)) {
    throw new NodeError(400, 'FILE_EXISTS', `${file} exists; choose a new file for the next key`);
  }
  // The exported copy is written before the server's copy is dropped: a crash loses neither.
  await writeOwnerOnly(file, `${JSON.stringify(ring.next.privateJwk, null, 2)}\n`);
  const kid = ring.next.kid;
  Object.assign(ring, { next: null });
  await saveKeyRing(ring);
  return kid;
}
