import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { unsupportedNode } from '../bin/require-node.js';

const bin = fileURLToPath(new URL('../bin/promise-node.js', import.meta.url));
const rootCheck = fileURLToPath(new URL('../../../scripts/require-node.mjs', import.meta.url));

// The machine's own Node.js (Debian's or the image's) is older than 24 on the machines we build on.
const olderNode = ['/usr/bin/node', '/usr/local/bin/node'].find(
  (path) =>
    existsSync(path) &&
    Number(execFileSync(path, ['-p', 'process.versions.node']).toString().split('.')[0]) < 24,
);

describe('the Node.js version check', () => {
  it('names the version found and the version needed when the runtime is too old', () => {
    expect(unsupportedNode('>=24', '20.20.2')).toBe(
      'needs Node.js 24 or later; found Node.js 20.20.2',
    );
    expect(unsupportedNode('>=24', '22.17.0')).toContain('found Node.js 22.17.0');
  });

  it('accepts the supported LTS lines and later ones', () => {
    expect(unsupportedNode('>=24', '24.0.0')).toBeNull();
    expect(unsupportedNode('>=24', '26.1.0')).toBeNull();
    expect(unsupportedNode('>=24', '100.0.0')).toBeNull();
  });

  it.skipIf(olderNode === undefined)(
    'promise-node and pnpm start refuse an older Node.js in one line, exiting non-zero',
    () => {
      for (const script of [bin, rootCheck]) {
        const run = spawnSync(olderNode as string, [script, '--help'], { encoding: 'utf8' });
        expect(run.status).toBe(1);
        expect(run.stdout).toBe('');
        expect(run.stderr.trim().split('\n')).toHaveLength(1);
        expect(run.stderr).toMatch(/needs Node\.js 24 or later; found Node\.js \d+\.\d+\.\d+/);
      }
    },
  );

  it('lets promise-node run on this Node.js', () => {
    const run = spawnSync(process.execPath, [bin, '--help'], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('promise-node');
  });
});
