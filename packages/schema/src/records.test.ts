import { describe, expect, it } from 'vitest';
import { adoption, crisisLine, innovation, organisation, partner } from '../test/fixtures.js';
import { RECORD_TYPES, recordDataSchemas } from './records.js';

describe('recordDataSchemas', () => {
  const examples = { partner, organisation, service: crisisLine, innovation, adoption };

  it('has a schema for every record type', () => {
    expect(Object.keys(recordDataSchemas).sort()).toEqual([...RECORD_TYPES].sort());
  });

  it.each(RECORD_TYPES)('validates %s data with its own schema and refuses the others', (type) => {
    expect(recordDataSchemas[type].safeParse(examples[type]).success).toBe(true);
    for (const other of RECORD_TYPES.filter((t) => t !== type)) {
      expect(recordDataSchemas[type].safeParse(examples[other]).success).toBe(false);
    }
  });
});
