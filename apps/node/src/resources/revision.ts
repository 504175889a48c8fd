import { conflict } from '../errors.js';

/** What a read returns: the current data and its revision (the ETag for If-Match). */
export interface Versioned<T> {
  rev: number;
  data: T;
}

/** Optimistic concurrency: a write that names a revision fails with 409 if it is not current. */
export function checkRevision(current: number, expected: number | undefined): void {
  if (expected !== undefined && expected !== current) {
    throw conflict(
      'REVISION_MISMATCH',
      `The record is at revision ${current}, not ${expected}: reload it and try again`,
    );
  }
}
