import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { launchDemo } from './launch.js';

const HELP = `pnpm start [--fresh]

Runs the PROMISE Network demo on this machine: four partner nodes, the hub and the portal,
each on an embedded libSQL file under ./data/demo. The first run imports the demo content,
enrols the nodes with the hub and approves the write-ups for Project 52; later runs reuse that
data. Mail the hub sends is written to ./data/demo/outbox as .eml files, never delivered.

  --fresh        delete ./data/demo and start clean
  --host HOST    address to listen on (default 127.0.0.1)
  -h, --help     show this help

Ports: portal 3000, hub 4000, nodes 4001-4004 (PROMISE_DEMO_PORTAL_PORT, PROMISE_DEMO_HUB_PORT,
PROMISE_DEMO_NODE_PORT change them). Stop with Ctrl-C.`;

const { values } = parseArgs({
  options: {
    fresh: { type: 'boolean', default: false },
    host: { type: 'string', default: '127.0.0.1' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  console.log(HELP);
  process.exit(0);
}

const port = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1 || value > 65_535) {
    console.error(`${name} must be a port number between 1 and 65535, not "${process.env[name]}"`);
    process.exit(2);
  }
  return value;
};

const root = fileURLToPath(new URL('..', import.meta.url));
const startedAt = performance.now();
const demo = await launchDemo({
  dataDir: `${root}data/demo`,
  fresh: values.fresh,
  host: values.host,
  portalPort: port('PROMISE_DEMO_PORTAL_PORT', 3000),
  hubPort: port('PROMISE_DEMO_HUB_PORT', 4000),
  firstNodePort: port('PROMISE_DEMO_NODE_PORT', 4001),
  portalBuildDir: `${root}apps/portal/build`,
  log: (line) => console.log(`  ${line}`),
}).catch((error: unknown) => {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') {
    console.error(
      `A demo port is already in use (${(error as Error).message}). Is the demo already running?`,
    );
  } else {
    console.error(error instanceof Error ? error.message : error);
  }
  process.exit(1);
});

const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
console.log(`
PROMISE Network demo is running (ready in ${seconds} s${demo.firstRun ? ', first run: seeded and enrolled' : ''}).

  Portal           ${demo.portalUrl}
  Network status   ${demo.portalUrl}/status
  Hub status       ${demo.hubUrl}/status

  Project 52 bulletins   ${demo.portalUrl}/bulletins (subscribe at ${demo.portalUrl}/subscribe)
  Project 52 editors     ${demo.portalUrl}/editors/project52
    editor token         ${demo.editorToken}
  Mail the hub sends     ${relative(process.cwd(), demo.outboxDir)}/ (.eml files; nothing leaves this machine)
`);
for (const node of demo.nodes) {
  console.log(`  ${node.name}`);
  console.log(`    staff workspace   ${node.url}/admin`);
  console.log(`    sign-in token     ${node.adminToken}`);
  console.log(`    API               ${node.url}/openapi.json`);
}
console.log('\nPress Ctrl-C to stop.');

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  console.log('\nStopping the demo…');
  await demo.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
