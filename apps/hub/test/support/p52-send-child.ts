import type { HubConfigInput } from '../../src/config/config.js';
import { createHub } from '../../src/create-hub.js';

// A hub process for the Project 52 kill test: opens the database file with SMTP configured, lets
// its scheduler's first pass run (resume + the due week), prints the pass as JSON and exits.
const [database, project52Json] = process.argv.slice(2);
if (!database || !project52Json)
  throw new Error('usage: p52-send-child <database-url> <project52>');
const hub = await createHub({
  database: { url: database },
  publicUrl: 'https://hub.example.org',
  logLevel: 'silent',
  harvest: { schedule: false },
  project52: JSON.parse(project52Json) as HubConfigInput['project52'],
});
await hub.start();
const pass = await hub.project52Started;
process.stdout.write(`${JSON.stringify(pass)}\n`);
await hub.close();
