import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { publint } from 'publint';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

// The package as a developer on npm gets it: built, linted by publint, packed with pnpm, installed
// from the tarballs into a project outside the workspace, and used there to verify a vector feed.
const run = promisify(execFile);
const sdkDir = fileURLToPath(new URL('..', import.meta.url));
const schemaDir = fileURLToPath(new URL('../../schema', import.meta.url));
let project = '';

const consumer = `
import index from '@promise-global/sdk/vectors' with { type: 'json' };
import pages from '@promise-global/sdk/vectors/page.json' with { type: 'json' };
import { isProtocolError, revisionBook, verifyFeedPage } from '@promise-global/sdk/verify';
import { recordHash } from '@promise-global/sdk/sign';
import { generateSigningKey } from '@promise-global/sdk/keys';

const outcomes = [];
for (const vector of pages.vectors) {
  try {
    const revisions = vector.input.revisions ? { revisions: revisionBook(vector.input.revisions) } : {};
    const limit = vector.input.limit === undefined ? {} : { limit: vector.input.limit };
    const { state } = await verifyFeedPage(vector.input.state, vector.input.page, { now: new Date(vector.input.now * 1000), ...revisions, ...limit });
    outcomes.push({ id: vector.id, ok: vector.expect.valid && JSON.stringify(state) === JSON.stringify(vector.expect.result.state) });
  } catch (error) {
    if (!isProtocolError(error)) throw error;
    outcomes.push({ id: vector.id, ok: !vector.expect.valid && vector.expect.error === error.code });
  }
}
const key = await generateSigningKey();
console.log(JSON.stringify({
  protocol: index.protocol,
  vectors: outcomes.length,
  failed: outcomes.filter((outcome) => !outcome.ok).map((outcome) => outcome.id),
  hash: recordHash('a.b.c').length,
  kid: key.kid.length,
}));
`;

async function pack(dir: string, destination: string): Promise<string> {
  await run('pnpm', ['pack', '--pack-destination', destination], { cwd: dir });
  const name = (await readdir(destination)).find((file) =>
    file.startsWith(dir.includes('schema') ? 'promise-global-schema' : 'promise-global-sdk'),
  );
  if (name === undefined) throw new Error(`no tarball for ${dir}`);
  return join(destination, name);
}

beforeAll(async () => {
  await run(
    'pnpm',
    ['--filter', '@promise-global/schema', '--filter', '@promise-global/sdk', 'build'],
    { cwd: sdkDir },
  );
  project = await mkdtemp(join(tmpdir(), 'promise-sdk-consumer-'));
}, 180_000);

afterAll(async () => {
  if (project !== '') await rm(project, { recursive: true, force: true });
});

describe('the published package', () => {
  test('passes publint without errors or warnings', async () => {
    const { messages } = await publint({ pkgDir: sdkDir, level: 'warning', pack: 'pnpm' });
    expect(messages).toEqual([]);
  }, 120_000);

  test('installs from its tarball outside the workspace and verifies the vector feeds there', async () => {
    const tarballs = await mkdtemp(join(tmpdir(), 'promise-sdk-tarballs-'));
    try {
      const schema = await pack(schemaDir, tarballs);
      const sdk = await pack(sdkDir, tarballs);
      await writeFile(
        join(project, 'package.json'),
        JSON.stringify({
          name: 'promise-sdk-consumer',
          private: true,
          type: 'module',
          dependencies: {
            '@promise-global/schema': `file:${schema}`,
            '@promise-global/sdk': `file:${sdk}`,
          },
        }),
      );
      await writeFile(join(project, 'verify.mjs'), consumer);
      await run(
        'npm',
        ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'],
        { cwd: project },
      );
      const { stdout } = await run('node', ['verify.mjs'], { cwd: project });
      const summary = JSON.parse(stdout);
      expect(summary).toEqual({
        protocol: 'promise-feed/1',
        vectors: expect.any(Number),
        failed: [],
        hash: 43,
        kid: 43,
      });
      expect(summary.vectors).toBeGreaterThanOrEqual(15);
    } finally {
      await rm(tarballs, { recursive: true, force: true });
    }
  }, 240_000);
});
