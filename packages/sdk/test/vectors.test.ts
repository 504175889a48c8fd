import { readFile } from 'node:fs/promises';
import { describe, expect, test } from 'vitest';
import { buildVectorFiles, serialiseVectorFile } from '../scripts/vectors/build.js';
import type { Vector } from '../scripts/vectors/types.js';
import { runVector } from './vector-runner.js';

const dir = new URL('../vectors/', import.meta.url);
const index = JSON.parse(await readFile(new URL('index.json', dir), 'utf8')) as {
  files: { kind: string; file: string; count: number }[];
};
const vectors: Vector[] = [];
for (const { file } of index.files) {
  const content = JSON.parse(await readFile(new URL(file, dir), 'utf8')) as { vectors: Vector[] };
  vectors.push(...content.vectors);
}

describe('conformance vectors (§13)', () => {
  test('the committed vectors are exactly what the generator produces (no drift)', async () => {
    const files = await buildVectorFiles();
    for (const [name, content] of Object.entries(files)) {
      expect(await readFile(new URL(name, dir), 'utf8'), name).toBe(serialiseVectorFile(content));
    }
    expect(Object.keys(files).sort()).toEqual(
      ['index.json', ...index.files.map((entry) => entry.file)].sort(),
    );
  });

  test('cover at least 30 distinct error codes, every vector id unique', () => {
    const codes = new Set(
      vectors.flatMap((vector) => (vector.expect.valid ? [] : [vector.expect.error])),
    );
    expect(codes.size).toBeGreaterThanOrEqual(30);
    expect(new Set(vectors.map((vector) => vector.id)).size).toBe(vectors.length);
  });

  test.each(vectors.map((vector) => [`${vector.id}: ${vector.description}`, vector] as const))(
    '%s',
    async (_name, vector) => {
      const before = structuredClone(vector.input);
      expect(await runVector(vector)).toEqual(vector.expect);
      expect(vector.input).toEqual(before);
    },
  );
});
