import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { OWNER_ONLY_FILE, privateFolder } from '@promise-global/operations';
import type { Command } from 'commander';
import { pino } from 'pino';
import { createAdminToken } from '../../auth/admin-tokens.js';
import { DEFAULT_CONFIG_FILE } from '../../config/config-file.js';
import { createHub } from '../../create-hub.js';
import { hubLogger } from '../../logging/hub-logger.js';
import { type GlobalOptions, print } from '../cli-context.js';

interface InitOptions {
  publicUrl?: string;
  portalUrl?: string;
  host: string;
  port: string;
  force?: boolean;
}

export function initCommand(program: Command) {
  program
    .command('init')
    .description(
      'Create a hub in a directory: config file, database, signing key, first operator token',
    )
    .argument('[dir]', 'directory for the config, database and key (made owner-only)', '.')
    .option(
      '--public-url <url>',
      'the URL nodes and readers reach the hub at (default http://host:port)',
    )
    .option('--portal-url <url>', 'the public portal that feeds and bulletins link to')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--port <port>', 'port to listen on', '8788')
    .option('--force', 'overwrite an existing config file')
    .action(async (dir: string, options: InitOptions) => {
      const root = resolve(dir);
      const configFile = join(root, DEFAULT_CONFIG_FILE);
      if (existsSync(configFile) && !options.force) {
        throw new Error(`${configFile} exists; use --force to overwrite it`);
      }
      const port = Number(options.port);
      if (!Number.isInteger(port) || port < 1 || port > 65_535) {
        throw new Error(`--port must be a port number (1-65535), not ${options.port}`);
      }
      const fileConfig = {
        publicUrl: options.publicUrl ?? `http://${options.host}:${port}`,
        ...(options.portalUrl ? { portalUrl: options.portalUrl } : {}),
        host: options.host,
        port,
        database: { url: 'file:hub.db' },
        keyFile: 'hub-signing-key.json',
      };
      const warning = await privateFolder(configFile);
      if (warning) console.error(warning);
      // The config is checked before the database or key is made, and written last.
      const hub = await createHub(
        {
          ...fileConfig,
          database: { url: `file:${join(root, 'hub.db')}` },
          keyFile: join(root, 'hub-signing-key.json'),
          harvest: { schedule: false },
        },
        { log: hubLogger('warn', pino.destination(2)) },
      );
      try {
        const operator = await createAdminToken(hub.db, {
          name: 'first operator',
          role: 'operator',
        });
        await writeFile(configFile, `${JSON.stringify(fileConfig, null, 2)}\n`, {
          mode: OWNER_ONLY_FILE,
        });
        const key = hub.context.key;
        print(
          program.opts<GlobalOptions>(),
          {
            config: configFile,
            publicUrl: fileConfig.publicUrl,
            kid: key.kid,
            operatorToken: operator.token,
          },
          () => [
            `Created ${configFile}`,
            `Database:    ${join(root, 'hub.db')}`,
            `Signing key: ${join(root, 'hub-signing-key.json')} (kid ${key.kid})`,
            `Public URL:  ${fileConfig.publicUrl}`,
            `Operator token (shown once, keep it safe): ${operator.token}`,
            `Start with: promise-hub start --config ${configFile}`,
          ],
        );
      } finally {
        await hub.close();
      }
    });
}
