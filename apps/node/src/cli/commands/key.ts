import { keyFingerprint } from '@promise-global/sdk/keys';
import type { Command } from 'commander';
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
        nextKid: ctx.keyRing.next.kid,
      }));
      console.log(`Key fingerprint: ${shown.fingerprint}`);
      console.log(`Signing kid     ${shown.kid}`);
      console.log(`Next kid        ${shown.nextKid}`);
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
    .action(async (options: { revoke?: boolean; revokeFromSeq?: string }) => {
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
        return rotateSigningKey(ctx, revokeFromSeq === undefined ? {} : { revokeFromSeq });
      });
      console.log(`Retired kid ${rotation.retiredKid}`);
      console.log(`Signing kid ${rotation.kid}`);
      console.log(`Next kid    ${rotation.nextKid}`);
      if (rotation.revokedFromSeq !== undefined)
        console.log(`Revoked ${rotation.retiredKid} from seq ${rotation.revokedFromSeq}`);
      console.error('Restart the node so it serves the new descriptor and signs with the new key.');
    });
}
