#!/usr/bin/env node
// `promise-portal start`: serves the built portal (adapter-node) behind the security headers of
// server.js. Flags override the environment variables they name.
import { parseArgs } from 'node:util';

const found = process.versions.node;
if (Number(found.split('.')[0]) < 24) {
  console.error(`promise-portal needs Node.js 24 or later; found Node.js ${found}.`);
  process.exit(1);
}

const USAGE = `Usage: promise-portal start [options]

Serve the PROMISE Network portal, reading the network from a hub.

Options:
  --hub-url <url>  the hub the portal reads (PROMISE_HUB_URL; default http://127.0.0.1:8788)
  --host <host>    address to listen on (HOST; default 127.0.0.1)
  --port <port>    port to listen on (PORT; default 8790)
  --origin <url>   the public origin readers use, behind a reverse proxy (ORIGIN)
  -h, --help       show this help`;

const FLAGS = { 'hub-url': 'PROMISE_HUB_URL', host: 'HOST', port: 'PORT', origin: 'ORIGIN' };

function refuse(problem) {
  console.error(`promise-portal: ${problem} (see promise-portal --help)`);
  process.exit(2);
}

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      ...Object.fromEntries(Object.keys(FLAGS).map((flag) => [flag, { type: 'string' }])),
      help: { type: 'boolean', short: 'h' },
    },
  });
} catch (error) {
  refuse(error.message);
}
const { values, positionals } = parsed;
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
if (positionals[0] !== 'start' || positionals.length > 1) {
  refuse(positionals.length ? `unknown command '${positionals.join(' ')}'` : 'no command given');
}
const port = values.port ?? process.env.PORT;
if (port !== undefined && !/^\d{1,5}$/.test(port)) refuse(`--port must be a number, not '${port}'`);
for (const url of [values['hub-url'], values.origin]) {
  if (url !== undefined && !URL.canParse(url)) refuse(`'${url}' is not a URL`);
}
for (const [flag, variable] of Object.entries(FLAGS)) {
  if (values[flag] !== undefined) process.env[variable] = values[flag];
}
await import('../server.js');
