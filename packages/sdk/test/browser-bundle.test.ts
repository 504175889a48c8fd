import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, test } from 'vitest';
import { bundleVerify } from '../scripts/bundle-verify.js';
import type { Vector } from '../scripts/vectors/types.js';
import { runVector, type VerifyApi } from './vector-runner.js';

// The verify entry as a browser gets it (esbuild, no externals). Chromium runs it against a live
// node in e2e/sdk-browser-verify.test.ts; here every conformance vector goes through the bundle.
// 25 000 for schema 1.0. Schema 1.1's data (adoptions, case-study sections, time zones, places)
// and protocol 1.1's aggregate-page and relayed-record verifiers added ~1.7 KB (26,681 bytes).
const SIZE_GOAL = 27_000;
let code = '';
let gzipBytes = 0;
let bundled: VerifyApi;

const dir = new URL('../vectors/', import.meta.url);
const index = JSON.parse(await readFile(new URL('index.json', dir), 'utf8')) as {
  files: { file: string }[];
};
const vectors: Vector[] = [];
for (const { file } of index.files) {
  const content = JSON.parse(await readFile(new URL(file, dir), 'utf8')) as { vectors: Vector[] };
  vectors.push(...content.vectors);
}

beforeAll(async () => {
  ({ code, gzipBytes } = await bundleVerify());
  bundled = (await import(
    `data:text/javascript;base64,${Buffer.from(code).toString('base64')}`
  )) as VerifyApi;
});

describe('the browser verify bundle', () => {
  test(`is at most ${SIZE_GOAL} bytes gzip, data-schema validation included`, () => {
    expect(gzipBytes).toBeLessThanOrEqual(SIZE_GOAL);
    expect(code).toContain('SCHEMA_INVALID');
  });

  test('needs nothing from Node: no node: modules, Buffer, process or require', () => {
    // A Node module is named in a string ("node:crypto"); `node:` alone is also an object key.
    expect(code).not.toMatch(/["'`]node:|\bBuffer\b|\bprocess\.|\brequire\(/);
    expect(code).not.toMatch(/^import\s|\bfrom\s*["']/m);
  });

  test('reaches the expected verdict on every conformance vector', async () => {
    for (const vector of vectors) {
      expect(await runVector(vector, bundled), vector.id).toEqual(vector.expect);
    }
    expect(vectors.length).toBeGreaterThan(80);
  });
});
