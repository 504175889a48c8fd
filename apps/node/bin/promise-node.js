#!/usr/bin/env node
// Runs the CLI: the built JavaScript when `dist` exists, otherwise the TypeScript sources
// through tsx with the workspace's `source` export condition.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { requireNode } from './require-node.js';

requireNode('promise-node', new URL('../package.json', import.meta.url));

const built = fileURLToPath(new URL('../dist/cli/main.js', import.meta.url));
const source = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url));
const args = existsSync(built)
  ? [built]
  : ['--conditions=source', '--import', import.meta.resolve('tsx'), source];

const child = spawn(process.execPath, [...args, ...process.argv.slice(2)], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => child.kill(signal));
}
child.on('exit', (code, signal) => {
  process.exitCode = code ?? (signal ? 1 : 0);
});
