import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { lockDataDir } from '@promise-global/operations';
import type { Command } from 'commander';
import { backupDatabase, restoreDatabase } from '../../backup/backup.js';
import { exportRecords } from '../../export/export-records.js';
import { importRecords } from '../../import/import-records.js';
import { type GlobalOptions, loadCliConfig, withContext } from '../cli-context.js';
import { createProgressBar } from '../progress-bar.js';

export function dataCommands(program: Command) {
  const globals = () => program.opts<GlobalOptions>();
  program
    .command('import')
    .description(
      'Import organisations, services (HSDS-style CSV or JSON) and write-ups (JSON); validated first, then written in chunks',
    )
    .argument('<file>', 'a .csv or .json file (layouts in the README; samples in examples/)')
    .option('--format <format>', 'csv or json (default: from the extension)')
    .action(async (file: string, options: { format?: string }) => {
      const format =
        options.format === 'csv' || options.format === 'json' ? options.format : undefined;
      if (options.format && !format) throw new Error('--format must be csv or json');
      const progress = createProgressBar('Importing');
      const summary = await withContext(globals(), (ctx) =>
        importRecords(ctx, resolve(file), {
          ...(format ? { format } : {}),
          onProgress: progress.update,
        }),
      );
      console.log(
        `Imported ${summary.organisations} organisations (${summary.reusedOrganisations} existing reused), ${summary.services} services, ${summary.innovations} write-ups (${summary.submitted} submitted); ${summary.records} feed records signed.`,
      );
    });
  program
    .command('export')
    .description('Export the live content as JSON (the layout `import` reads)')
    .option('--out <file>', 'write to a file instead of stdout')
    .action(async (options: { out?: string }) => {
      const data = await withContext(globals(), (ctx) => exportRecords(ctx));
      const text = `${JSON.stringify(data, null, 2)}\n`;
      if (options.out) {
        await writeFile(options.out, text);
        console.error(`Wrote ${options.out}`);
      } else {
        process.stdout.write(text);
      }
    });
  program
    .command('backup')
    .description('Write a consistent copy of the database (safe while the node runs)')
    .argument('<file>', 'the backup file to create')
    .action(async (file: string) => {
      await withContext(globals(), (ctx) => backupDatabase(ctx.database, resolve(file)));
      console.log(`Backed up to ${resolve(file)}`);
    });
  program
    .command('restore')
    .description('Replace the database with a backup (refused while the node runs)')
    .argument('<file>', 'a file made by `backup`')
    .action(async (file: string) => {
      const config = loadCliConfig(globals());
      const lock = await lockDataDir(config.dataDir, {
        program: 'promise-node',
        purpose: 'restore',
      });
      const { records } = await restoreDatabase(config.databaseUrl, resolve(file)).finally(() =>
        lock.release(),
      );
      console.log(`Restored ${resolve(file)} (${records} feed records). Start the node again.`);
    });
}
