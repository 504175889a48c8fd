#!/usr/bin/env node
// Runs the CLI: the built JavaScript when `dist` exists (an installed package always has it),
// otherwise, in a checkout before a build, the TypeScript sources through tsx with the
// workspace's `source` export condition.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { requireNode } from './require-node.js';

requireNode('promise-node', new URL('../package.json', import.meta.url));

const built = new URL('../dist/cli/main.js', import.meta.url);
if (existsSync(built)) {
  await import(built.href);
} else {
  const source = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url));
  const args = ['--conditions=source', '--import', import.meta.resolve('tsx'), source];
  const child = spawn(process.execPath, [...args, ...process.argv.slice(2)], { stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => child.kill(signal));
  }
  child.on('exit', (code, signal) => {
    process.exitCode = code ?? (signal ? 1 : 0);
  });
}
