import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { keyFingerprint } from '@promise-global/sdk/keys';
import type { Command } from 'commander';
import { createToken } from '../../auth/tokens.js';
import { resolveConfig } from '../../config/config.js';
import { createContext } from '../../context.js';
import { cliLogger, DEFAULT_CONFIG_FILE } from '../cli-context.js';

interface InitOptions {
  partnerId: string;
  host: string;
  port: string;
  publicUrl?: string;
  hubUrl?: string;
  name?: string;
  country?: string;
  region?: string;
  website?: string;
  contactEmail?: string;
  description?: string;
  force?: boolean;
}

export function initCommand(program: Command) {
  program
    .command('init')
    .description(
      'Create a node in a directory: config file, database, signing key, first admin token',
    )
    .argument('[dir]', 'directory for the config, database and key', '.')
    .requiredOption('--partner-id <slug>', 'your partner slug, e.g. cpft')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--port <port>', 'port to listen on', '8080')
    .option('--public-url <url>', 'the URL others reach the node at (default http://host:port)')
    .option('--hub-url <url>', 'the hub to ping when content changes')
    .option('--name <name>', 'partner name (profile)')
    .option('--country <code>', 'ISO 3166 country code, e.g. GB (profile)')
    .option('--region <region>', 'region (profile)')
    .option('--website <url>', 'partner website (profile)')
    .option('--contact-email <email>', 'contact email (profile)')
    .option('--description <text>', 'one-paragraph description (profile)')
    .option('--force', 'overwrite an existing config file')
    .action(async (dir: string, options: InitOptions) => {
      const root = resolve(dir);
      const configFile = join(root, DEFAULT_CONFIG_FILE);
      if (existsSync(configFile) && !options.force) {
        throw new Error(`${configFile} exists; use --force to overwrite it`);
      }
      const profile = {
        name: options.name,
        country: options.country,
        region: options.region,
        website: options.website,
        contactEmail: options.contactEmail,
        description: options.description,
      };
      const hasProfile = Object.values(profile).some((value) => value !== undefined);
      const fileConfig = {
        partnerId: options.partnerId,
        dataDir: '.',
        host: options.host,
        port: Number(options.port),
        ...(options.publicUrl ? { publicUrl: options.publicUrl } : {}),
        ...(options.hubUrl ? { hubUrl: options.hubUrl } : {}),
        ...(hasProfile ? { partner: profile } : {}),
      };
      const config = resolveConfig({ ...fileConfig, dataDir: root });
      await mkdir(root, { recursive: true, mode: 0o700 });
      const ctx = await createContext(config, cliLogger(config));
      try {
        const admin = await ctx.database.write((tx) =>
          createToken(tx, { name: 'first admin', role: 'admin' }),
        );
        await writeFile(configFile, `${JSON.stringify(fileConfig, null, 2)}\n`);
        console.log(`Created ${configFile}`);
        console.log(`Database:    ${config.databaseUrl}`);
        console.log(`Signing key: ${config.keyFile} (kid ${ctx.key.kid})`);
        console.log(`Key fingerprint: ${keyFingerprint(ctx.key.kid)}`);
        console.log(
          '  Give it to the hub operator by a channel you trust (phone, signed email): they confirm it to enrol this node.',
        );
        console.log(`Admin token (shown once, keep it safe): ${admin.token}`);
        if (!hasProfile) {
          console.log('No partner profile yet: add "partner" to the config or PUT /api/partner.');
        }
        console.log(`Start with: promise-node start --config ${configFile}`);
      } finally {
        await ctx.close();
      }
    });
}
