import { type Command, Option } from 'commander';
import { createToken, listTokens, ROLES, type Role, revokeToken } from '../../auth/tokens.js';
import { type GlobalOptions, withContext } from '../cli-context.js';

export function tokenCommand(program: Command) {
  const token = program
    .command('token')
    .description('Manage API tokens (stored hashed; shown once)');
  token
    .command('create')
    .description('Create a token and print it (the only time it is shown)')
    .requiredOption('--name <name>', 'who or what the token is for')
    .addOption(
      new Option('--role <role>', 'what the token may do').choices(ROLES).default('editor'),
    )
    .action(async (options: { name: string; role: Role }) => {
      const { role } = options;
      const created = await withContext(program.opts<GlobalOptions>(), (ctx) =>
        ctx.database.write((tx) => createToken(tx, { name: options.name, role })),
      );
      console.error(
        `Created ${created.role} token ${created.id} (${created.name}); it is shown once:`,
      );
      console.log(created.token);
    });
  token
    .command('list')
    .description('List tokens (never their secrets)')
    .action(async () => {
      const tokens = await withContext(program.opts<GlobalOptions>(), (ctx) =>
        ctx.database.read((db) => listTokens(db)),
      );
      for (const t of tokens) {
        console.log(
          [t.id, t.role.padEnd(6), t.revokedAt ? 'revoked' : 'active ', t.createdAt, t.name].join(
            '  ',
          ),
        );
      }
    });
  token
    .command('revoke')
    .description('Revoke a token by id')
    .argument('<id>', 'the token id (from `token list`)')
    .action(async (id: string) => {
      await withContext(program.opts<GlobalOptions>(), (ctx) =>
        ctx.database.write((tx) => revokeToken(tx, id)),
      );
      console.log(`Revoked ${id}`);
    });
}
