import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Hub } from '@promise-global/hub';
import { HubClient } from '@promise-global/sdk/client/hub';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrolAndApprove } from '../apps/hub/test/support/enrol.js';
import {
  OPERATOR_TOKEN,
  type RunningNode,
  startHub,
  startNode,
  submitInnovation,
} from './support/federation.js';

// Every TypeScript block of packages/sdk/README.md, as a developer would paste it: compiled with
// the strictest flags against the built packages, then run against a real node and hub (their
// example.org addresses replaced by the loopback ones).
const run = promisify(execFile);
const here = fileURLToPath(new URL('.', import.meta.url));
const readme = await readFile(new URL('../packages/sdk/README.md', import.meta.url), 'utf8');
const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((match, index) => ({
  name: `block-${index + 1}.mts`,
  code: match[1] ?? '',
}));
const tsc = fileURLToPath(new URL('../node_modules/typescript/bin/tsc', import.meta.url));
/** The oldest TypeScript the SDK supports, as its README states (the `typescript-oldest` alias). */
const OLDEST_TYPESCRIPT = '5.7';
const oldestTsc = fileURLToPath(
  new URL('./node_modules/typescript-oldest/bin/tsc', import.meta.url),
);
const tsconfig = {
  compilerOptions: {
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    target: 'ES2022',
    lib: ['ES2023', 'DOM'],
    types: ['node'],
    strict: true,
    exactOptionalPropertyTypes: true,
    noUncheckedIndexedAccess: true,
    noEmit: true,
    skipLibCheck: false,
  },
  include: ['*.mts'],
};

let dir = '';
let hub: Hub;
let node: RunningNode;
let token = '';
const closers: (() => Promise<void>)[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(here, 'readme-'));
  closers.push(() => rm(dir, { recursive: true, force: true }));
  hub = await startHub(':memory:');
  closers.push(() => hub.close());
  node = await startNode('fenland', 'GB', hub.url);
  closers.push(() => node.node.close());
  token = await node.node.createToken('readme', 'editor');
  await submitInnovation(node, 'Sanctuary night café');
  const operator = new HubClient({ baseUrl: hub.url, token: OPERATOR_TOKEN });
  await enrolAndApprove(operator, node.url, node.node.context.key.kid);
  await operator.syncNode({ partnerId: 'fenland' });
  for (const block of blocks) {
    const code = block.code
      .replaceAll('https://promise.fenland.example.org', node.url)
      .replaceAll('https://node.example.org', node.url)
      .replaceAll('https://hub.example.org', hub.url);
    await writeFile(join(dir, block.name), `${code}\nexport {};\n`);
  }
  await writeFile(join(dir, 'tsconfig.json'), JSON.stringify(tsconfig));
  await writeFile(join(dir, 'package.json'), JSON.stringify({ type: 'module' }));
}, 120_000);

afterAll(async () => {
  for (const close of closers.reverse()) await close();
});

describe('the SDK README', () => {
  it('has the examples a partner’s developer needs', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(7);
    expect(readme).toContain('node.services.assure(');
    expect(readme).toContain('membershipKeys(');
    expect(readme).toContain('for await');
  });

  it('compiles every block under NodeNext, strict and exactOptionalPropertyTypes', async () => {
    const result = await run(process.execPath, [tsc, '-p', dir]).catch(
      (error: { stdout: string }) => ({ stdout: error.stdout }),
    );
    expect(result.stdout).toBe('');
  });

  it(`compiles every block the same way with TypeScript ${OLDEST_TYPESCRIPT}, the oldest supported`, async () => {
    expect(readme).toContain(`TypeScript ≥ ${OLDEST_TYPESCRIPT}`);
    const { stdout: version } = await run(process.execPath, [oldestTsc, '--version']);
    expect(version).toContain(`Version ${OLDEST_TYPESCRIPT}.`);
    const result = await run(process.execPath, [oldestTsc, '-p', dir, '--resolveJsonModule']).catch(
      (error: { stdout: string }) => ({ stdout: error.stdout }),
    );
    expect(result.stdout).toBe('');
  });

  it.each(blocks.map((block) => block.name))('runs %s as written', async (name) => {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', join(dir, name)], {
      cwd: dir,
      env: { ...process.env, PROMISE_TOKEN: token },
    });
    expect(stderr).toBe('');
    const source = blocks.find((block) => block.name === name)?.code ?? '';
    // The hub example's membership-anchored check must really run, not be skipped by its guards.
    if (source.includes('verifyMembership(')) {
      expect(stdout).toContain(`signed by ${node.url} : Sanctuary night café`);
      expect(stdout).toContain("path: [ 'limit' ]");
    }
  });
});
