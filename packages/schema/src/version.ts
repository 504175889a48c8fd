/**
 * The version of the shared data model. Compatibility rule (docs in the package README):
 * a reader accepts any document of the same major and ignores fields it does not know
 * (a newer minor only adds optional fields); a document of an unknown major is quarantined,
 * never dropped and never half-read.
 */
export const SCHEMA_VERSION = '1.1.0';

/** The major part of {@link SCHEMA_VERSION}. */
export const SCHEMA_MAJOR = 1;

/** Reads the major of a `MAJOR.MINOR[.PATCH]` version string, or `undefined` when malformed. */
export function schemaMajorOf(version: string): number | undefined {
  const match = /^(\d{1,4})\.\d{1,4}(?:\.\d{1,4})?$/.exec(version);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

/** True when a document written at `version` can be read by this package (same major). */
export function isCompatibleSchemaVersion(version: string): boolean {
  return schemaMajorOf(version) === SCHEMA_MAJOR;
}
