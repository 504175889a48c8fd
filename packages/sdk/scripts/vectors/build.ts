import { PROTOCOL_ID } from '@promise-global/schema';
import { aggregateVectors } from './aggregate-vectors.js';
import { vectorContext } from './context.js';
import { KEY_SEEDS } from './fixtures.js';
import { orderVectors } from './order-vectors.js';
import { pageVectors } from './page-vectors.js';
import { recordVectors } from './record-vectors.js';
import { revisionVectors } from './revision-vectors.js';
import { descriptorVectors, headVectors, membershipVectors, pingVectors } from './token-vectors.js';
import type { Vector, VectorKind } from './types.js';

/** One vectors file per verifier, plus `index.json` describing them (docs/protocol.md §13). */
export type VectorFiles = Record<string, unknown>;

const KINDS: readonly VectorKind[] = [
  'record',
  'page',
  'head',
  'descriptor',
  'membership',
  'ping',
  'aggregate',
];

/** Builds every conformance vector file in memory; deterministic (fixed seeds, fixed clock). */
export async function buildVectorFiles(): Promise<VectorFiles> {
  const ctx = await vectorContext();
  const vectors: Vector[] = [
    ...recordVectors(ctx),
    ...(await pageVectors(ctx)),
    ...(await revisionVectors(ctx)),
    ...headVectors(ctx),
    ...descriptorVectors(ctx),
    ...membershipVectors(ctx),
    ...pingVectors(ctx),
    ...aggregateVectors(ctx),
    ...orderVectors(ctx),
  ];
  const files: VectorFiles = {};
  const index = {
    protocol: PROTOCOL_ID,
    description:
      'PROMISE Feed v1 conformance vectors. Run each vector through the verifier named by its kind, with the ' +
      "vector's own `now` as the clock; a valid vector must yield `expect.result`, an invalid one must fail " +
      'with exactly `expect.error`. See docs/protocol.md §13.',
    keySeeds: Object.fromEntries(
      Object.entries(KEY_SEEDS).map(([name, seed]) => [name, Buffer.from(seed).toString('hex')]),
    ),
    publicKeys: Object.fromEntries(
      Object.entries(ctx.keys).map(([name, key]) => [name, key.publicJwk]),
    ),
    files: KINDS.map((kind) => ({
      kind,
      file: `${kind}.json`,
      count: vectors.filter((v) => v.kind === kind).length,
    })),
  };
  files['index.json'] = index;
  for (const kind of KINDS)
    files[`${kind}.json`] = { kind, vectors: vectors.filter((v) => v.kind === kind) };
  return files;
}

/** The text each file is written as: two-space JSON and a final newline. */
export function serialiseVectorFile(content: unknown): string {
  return `${JSON.stringify(content, null, 2)}\n`;
}
