import { createPrivateKey, createPublicKey } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { keyFingerprint, signingKeyFromJwk } from '@promise-global/sdk/keys';
import type { Command } from 'commander';
import { NodeError } from '../../errors.js';
import { exportNextKey } from '../../identity/export-next-key.js';
import { rotateSigningKey } from '../../identity/rotate-signing-key.js';
import { type GlobalOptions, withContext } from '../cli-context.js';

export function keyCommand(program: Command) {
  const key = program.command('key').description('Manage the node signing key (protocol §9)');
  key
    .command('show')
    .description(
      "Show the signing key's fingerprint, which a hub operator confirms to enrol this node (protocol §3.1)",
    )
    .action(async () => {
      const shown = await withContext(program.opts<GlobalOptions>(), async (ctx) => ({
        kid: ctx.key.kid,
        fingerprint: keyFingerprint(ctx.key.kid),
        nextKid: ctx.keyRing.nextKid,
        nextOffline: ctx.keyRing.next === null,
      }));
      console.log(`Key fingerprint: ${shown.fingerprint}`);
      console.log(`Signing kid     ${shown.kid}`);
      console.log(
        `Next kid        ${shown.nextKid}${shown.nextOffline ? ' (kept off this server)' : ''}`,
      );
      console.log(
        'Read the fingerprint to the hub operator by a channel you trust; they confirm it to enrol this node.',
      );
    });
  key
    .command('rotate')
    .description(
      'Make the pre-committed next key the signing key and commit a fresh next key; restart a ' +
        'running node afterwards so it signs with the new key',
    )
    .option('--revoke', 'revoke the outgoing key from the next record (it may be compromised)')
    .option(
      '--revoke-from-seq <seq>',
      'revoke the outgoing key from this seq: records it signed from there on become invalid',
    )
    .option(
      '--next-key <file>',
      'the next key, when `key export-next` moved it off this server (checked against its thumbprint)',
    )
    .action(async (options: { revoke?: boolean; revokeFromSeq?: string; nextKey?: string }) => {
      const nextKey = options.nextKey ? await readKeyFile(options.nextKey) : undefined;
      const revokeFromSeq =
        options.revokeFromSeq !== undefined
          ? Number(options.revokeFromSeq)
          : options.revoke
            ? ('next' as const)
            : undefined;
      const rotation = await withContext(program.opts<GlobalOptions>(), (ctx) => {
        if (ctx.keyRing.keyFile === null) {
          throw new Error('the signing key comes from the config, not a key file: rotate it there');
        }
        return rotateSigningKey(ctx, {
          ...(revokeFromSeq === undefined ? {} : { revokeFromSeq }),
          ...(nextKey ? { nextKey } : {}),
        });
      });
      console.log(`Retired kid ${rotation.retiredKid}`);
      console.log(`Signing kid ${rotation.kid}`);
      console.log(`Next kid    ${rotation.nextKid}`);
      if (rotation.revokedFromSeq !== undefined)
        console.log(`Revoked ${rotation.retiredKid} from seq ${rotation.revokedFromSeq}`);
      console.error('Restart the node so it serves the new descriptor and signs with the new key.');
    });
  exportNextKeyCommand(key, program);
}

export function exportNextKeyCommand(key: Command, program: Command) {
  key
    .command('export-next')
    .description(
      'Move the pre-committed next key off this server into a file (keep it offline); the node ' +
        'keeps only its thumbprint and `key rotate --next-key <file>` takes it back',
    )
    .argument('<file>', 'where to write the next key (must not exist; written owner-only)')
    .action(async (file: string) => {
      const target = resolve(file);
      const kid = await withContext(program.opts<GlobalOptions>(), (ctx) =>
        exportNextKey(ctx.keyRing, target),
      );
      console.log(`Exported next key ${kid} to ${target}`);
      console.error(
        'Move that file off this server now. The node keeps only the thumbprint; to rotate, run ' +
          '`promise-node key rotate --next-key <file>`.',
      );
    });
}

async function readKeyFile(file: string) {
  try {
    const jwk = JSON.parse(await readFile(file, 'utf8'));
    // The kid is the public half's thumbprint: check the private half really belongs to it.
    const derived = createPublicKey(createPrivateKey({ key: jwk, format: 'jwk' })).export({
      format: 'jwk',
    });
    if (derived.x !== jwk.x) throw new Error('its private part does not match its public part');
    return await signingKeyFromJwk(jwk);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new NodeError(
      400,
      'NEXT_KEY_UNREADABLE',
      `Cannot read a signing key from ${file}: ${reason}`,
    );
  }
}
