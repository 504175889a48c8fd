#!/usr/bin/env node
// The hub's operator command (`promise-hub --help`): the built JavaScript (`pnpm build` in a
// checkout).
const found = process.versions.node;
if (Number(found.split('.')[0]) < 24) {
  console.error(`promise-hub needs Node.js 24 or later; found Node.js ${found}.`);
  process.exit(1);
}
await import('../dist/cli/main.js');
