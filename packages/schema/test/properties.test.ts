import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { PUBLIC_SCHEMAS } from '../scripts/json-schema.js';
import { Innovation, Organisation, Partner, Service } from '../src/index.js';
import * as arbitrary from './arbitraries.js';
import { crisisLine, homeTreatment, innovation, organisation, partner } from './fixtures.js';

const documents = [
  ['Partner', Partner, arbitrary.partner],
  ['Organisation', Organisation, arbitrary.organisation],
  ['Service', Service, arbitrary.service],
  ['Innovation', Innovation, arbitrary.innovation],
] as const;

describe('parse after JSON serialisation', () => {
  it.each(documents)('round-trips any valid %s', (_, schema, documentArb) => {
    fc.assert(
      fc.property(documentArb, (document) => {
        const parsed = (schema as z.ZodMiniType).parse(document);
        expect(parsed).toEqual(document);
        const again = (schema as z.ZodMiniType).parse(JSON.parse(JSON.stringify(parsed)));
        expect(again).toEqual(parsed);
      }),
      { numRuns: 60 },
    );
  });
});

/** Every public type: the same list the JSON Schema export writes. */
const schemas: [string, z.ZodMiniType][] = Object.entries(PUBLIC_SCHEMAS);

const anything = fc.anything({
  withBigInt: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withSparseArray: true,
  withTypedArray: true,
  withBoxedValues: true,
});
/** A valid document with one field replaced by anything at all. */
const damaged = fc
  .tuple(
    fc.constantFrom<object>(partner, organisation, crisisLine, homeTreatment, innovation),
    anything,
  )
  .chain(([doc, value]) =>
    fc.constantFrom(...Object.keys(doc)).map((key) => ({ ...doc, [key]: value })),
  );

/** Parses and reports whatever was thrown other than a ZodError. */
function strayThrow(schema: z.ZodMiniType, input: unknown): unknown {
  try {
    schema.safeParse(input);
  } catch (error) {
    return error;
  }
  try {
    schema.parse(input);
  } catch (error) {
    if (!(error instanceof z.core.$ZodError)) return error;
  }
  return undefined;
}

describe('parsers facing hostile input', () => {
  it.each(schemas)('%s only ever throws a ZodError', (_, schema) => {
    fc.assert(
      fc.property(
        fc.oneof(
          anything,
          fc.json().map((j) => JSON.parse(j)),
          damaged,
        ),
        (input) => {
          expect(strayThrow(schema, input)).toBeUndefined();
        },
      ),
      { numRuns: 150 },
    );
  });
});
