import { describe, expect, it } from 'vitest';
import {
  isCompatibleSchemaVersion,
  SCHEMA_MAJOR,
  SCHEMA_VERSION,
  schemaMajorOf,
} from './version.js';

describe('schema version', () => {
  it('is a semantic version whose major is SCHEMA_MAJOR', () => {
    expect(SCHEMA_VERSION).toMatch(/^\d+\.\d+\.\d+$/);
    expect(schemaMajorOf(SCHEMA_VERSION)).toBe(SCHEMA_MAJOR);
  });

  it.each([
    ['1.0.0', 1],
    ['1.7.3', 1],
    ['2.0', 2],
    ['10.1.0', 10],
  ])('reads the major of %s as %i', (version, major) => {
    expect(schemaMajorOf(version)).toBe(major);
  });

  it.each(['', '1', 'v1.0.0', '1.0.0-beta', '1.x', 'one.two', '1.0.0.0'])(
    'reads no major from the malformed %j',
    (version) => {
      expect(schemaMajorOf(version)).toBeUndefined();
    },
  );

  it('accepts documents of the same major, any minor (unknown fields are ignored)', () => {
    expect(isCompatibleSchemaVersion(`${SCHEMA_MAJOR}.0.0`)).toBe(true);
    expect(isCompatibleSchemaVersion(`${SCHEMA_MAJOR}.99.0`)).toBe(true);
  });

  it('does not accept another major or a malformed version (those are quarantined)', () => {
    expect(isCompatibleSchemaVersion(`${SCHEMA_MAJOR + 1}.0.0`)).toBe(false);
    expect(isCompatibleSchemaVersion('0.9.0')).toBe(false);
    expect(isCompatibleSchemaVersion('latest')).toBe(false);
  });
});
