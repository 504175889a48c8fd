import { type Command, InvalidArgumentError, Option } from 'commander';
import { createAdminToken, listAdminTokens, revokeAdminToken } from '../../auth/admin-tokens.js';
import { type GlobalOptions, print, table, withHub } from '../cli-context.js';

function tokenId(value: string): number {
  const id = Number(value);
  if (!Number.isSafeInteger(id) || id < 1) {
    throw new InvalidArgumentError('a token id is a whole number (see `token list`)');
  }
  return id;
}

export function tokenCommand(program: Command) {
  const globals = () => program.opts<GlobalOptions>();
  const token = program
    .command('token')
    .description('Admin API tokens: operators run the hub, editors run Project 52');
  token
    .command('create')
    .description('Create a token; its value is printed once and never stored')
    .requiredOption('--name <name>', 'who or what holds it, e.g. "Sam (operator)"')
    .addOption(
      new Option('--role <role>', 'what it may do')
        .choices(['operator', 'editor'])
        .makeOptionMandatory(),
    )
    .action(async (options: { name: string; role: 'operator' | 'editor' }) => {
      const created = await withHub(globals(), (hub) =>
        createAdminToken(hub.db, { name: options.name, role: options.role }),
      );
      print(globals(), created, () => [
        `Created ${created.role} token ${created.id} (${created.name}). Shown once, keep it safe:`,
        created.token,
      ]);
    });
  token
    .command('list')
    .description('List tokens (never their values)')
    .action(async () => {
      const list = await withHub(globals(), (hub) => listAdminTokens(hub.db));
      print(globals(), list, () =>
        table(
          ['ID', 'ROLE', 'CREATED', 'REVOKED', 'NAME'],
          list.map((row) => [
            String(row.id),
            row.role,
            row.createdAt,
            row.revokedAt ?? '-',
            row.name,
          ]),
        ),
      );
    });
  token
    .command('revoke')
    .description('Revoke a token at once')
    .argument('<id>', 'the token id (see `token list`)', tokenId)
    .action(async (id: number) => {
      const revoked = await withHub(globals(), (hub) => revokeAdminToken(hub.db, id));
      print(globals(), { id, revoked }, () => [
        revoked ? `Revoked token ${id}.` : `Token ${id} does not exist or was already revoked.`,
      ]);
      if (!revoked) process.exitCode = 1;
    });
}
