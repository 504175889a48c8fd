import { describe, expect, it } from 'vitest';
import { adoption, adoptionInput } from '../test/fixtures.js';
import { type BadField, expectRefusedAt } from '../test/issues.js';
import { Adoption, AdoptionInput } from './adoption.js';
import { RecordPayload } from './protocol/record-payload.js';
import { isKnownRecordType, RECORD_TYPES, recordDataSchemas } from './records.js';
import { ADOPTION_STAGES } from './vocabularies.js';
import { ADOPTION_NOTE_WORD_LIMIT } from './word-count.js';

const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');

describe('Adoption', () => {
  it('accepts a partner piloting another partner’s piece', () => {
    expect(Adoption.parse(adoption)).toMatchObject(adoption);
    expect(AdoptionInput.parse(adoptionInput)).toMatchObject(adoptionInput);
  });

  it('is a record type with its own data schema', () => {
    expect(RECORD_TYPES).toContain('adoption');
    expect(recordDataSchemas.adoption.safeParse(adoption).success).toBe(true);
    expect(isKnownRecordType('adoption')).toBe(true);
  });

  it.each(ADOPTION_STAGES)('accepts the stage %s', (stage) => {
    expect(Adoption.safeParse({ ...adoption, stage }).success).toBe(true);
  });

  it(`accepts a note of ${ADOPTION_NOTE_WORD_LIMIT} words and refuses one word more`, () => {
    const at = { ...adoption, note: words(ADOPTION_NOTE_WORD_LIMIT) };
    expect(Adoption.safeParse(at).success).toBe(true);
    const over = { ...adoption, note: words(ADOPTION_NOTE_WORD_LIMIT + 1) };
    expect(Adoption.safeParse(over).success).toBe(false);
  });

  const bad: BadField[] = [
    ['stage', 'finished'],
    ['date', '2 March 2026'],
    ['note', '   '],
    ['note', undefined],
    ['contactRole', 'jo.bloggs@example.org'],
    ['contactRole', 'Call Jo on 07700 900123'],
    ['contactRole', undefined],
    ['piece.partnerId', 'Not A Slug'],
    ['piece.recordId', 'not-a-uuid'],
    ['piece.hash', 'abc'],
    ['piece.hash', undefined],
    ['piece.partnerId', 'leeds'],
  ];
  it.each(bad)('refuses a bad %s (%j)', (path, value) => {
    expectRefusedAt(Adoption, adoption, [path, value]);
  });
});

describe('record types a reader does not know (§4.6)', () => {
  const envelope = {
    iss: 'https://node.example.org',
    iat: 1767225600,
    id: '7d9f3b8e-2a41-4c6d-9e0f-5b1a2c3d4e5f',
    rev: 1,
    seq: 3,
    prev: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
    updatedAt: '2026-03-02T11:00:00Z',
    schemaVersion: '1.4.0',
    data: { anything: true },
  };

  it('parses the envelope of a record whose type a later minor added', () => {
    const parsed = RecordPayload.parse({ ...envelope, type: 'event_listing' });
    expect(parsed.type).toBe('event_listing');
    expect(isKnownRecordType(parsed.type)).toBe(false);
  });

  it.each(['', 'Adoption', '1adoption', 'adoption-record', 'a'.repeat(33), '__proto__'])(
    'still refuses a type claim that is not a type name (%j)',
    (type) => {
      expect(RecordPayload.safeParse({ ...envelope, type }).success).toBe(false);
    },
  );
});
