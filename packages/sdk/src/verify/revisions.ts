import { ProtocolError } from '../errors.js';

/** A record's identity within one node: its `type` and `id` (§4.2). */
export interface RecordIdentity {
  type: string;
  id: string;
}

/** The latest published version of a record: its `rev` and whether it is a tombstone (§6). */
export interface KnownRevision extends RecordIdentity {
  rev: number;
  tombstoned: boolean;
}

/**
 * Where {@link verifyFeedPage} learns the latest version of records published before a page
 * (§6): given the identities a page touches, return the known ones; an identity left out was
 * never published. A hub answers from its stored records, a backfilling reader from a
 * {@link revisionBook}.
 */
export interface RevisionLookup {
  revisionsOf(
    identities: readonly RecordIdentity[],
  ): Iterable<KnownRevision> | Promise<Iterable<KnownRevision>>;
}

/** A {@link RevisionLookup} kept in memory, fed with the records of each verified page. */
export interface RevisionBook extends RevisionLookup {
  /** Records the versions of verified records, in seq order. */
  remember(
    records: readonly { payload: { type: string; id: string; rev: number; tombstone?: unknown } }[],
  ): void;
}

const keyOf = (identity: RecordIdentity) => `${identity.type}\u0000${identity.id}`;

/**
 * An in-memory {@link RevisionBook}, for a reader that verifies a node from seq 1 (or seeds it
 * with what it knew): pass it as `revisions` to `verifyFeedPage`, then `remember` the page.
 *
 * @example
 * const book = revisionBook();
 * const page = await verifyFeedPage(state, body, { revisions: book });
 * book.remember(page.records);
 */
export function revisionBook(known: Iterable<KnownRevision> = []): RevisionBook {
  const latest = new Map<string, KnownRevision>();
  for (const revision of known) latest.set(keyOf(revision), { ...revision });
  return {
    revisionsOf: (identities) =>
      identities.flatMap((identity) => latest.get(keyOf(identity)) ?? []),
    remember(records) {
      for (const { payload } of records) {
        const { type, id, rev } = payload;
        latest.set(keyOf(payload), { type, id, rev, tombstoned: payload.tombstone !== undefined });
      }
    },
  };
}

/**
 * Checks the versions of a node's records in seq order (§4.5, §6): the first version of a
 * record is rev 1 and not a tombstone, each later one is the previous rev + 1, and nothing
 * follows a tombstone; throws `RECORD_AFTER_TOMBSTONE`, `TOMBSTONE_UNKNOWN` or `REV_INVALID`.
 * Built from what was known before; `complete` says whether an identity missing from `known` was
 * never published (otherwise its first version met is taken as is). `verifyFeedPage` uses one per
 * page; use it directly for records that arrive one by one (e.g. relayed by a hub).
 *
 * @example
 * const versions = new RevisionCheck(await lookup.revisionsOf(identities), true);
 * for (const record of records) versions.next(record.payload);
 */
export class RevisionCheck {
  private readonly latest = new Map<string, KnownRevision>();

  constructor(
    known: Iterable<KnownRevision>,
    private readonly complete = true,
  ) {
    for (const revision of known) this.latest.set(keyOf(revision), revision);
  }

  /** Throws the record's revision error, or takes it as the latest version of its identity. */
  next(payload: { type: string; id: string; rev: number; seq: number; tombstone?: unknown }): void {
    const key = keyOf(payload);
    const before = this.latest.get(key);
    const tombstoned = payload.tombstone !== undefined;
    const what = `${payload.type} ${payload.id} at seq ${payload.seq}`;
    const details = { seq: payload.seq, type: payload.type, id: payload.id };
    if (before?.tombstoned) {
      throw new ProtocolError(
        'RECORD_AFTER_TOMBSTONE',
        `${what} follows its tombstone (rev ${before.rev})`,
        details,
      );
    }
    if (before === undefined && this.complete) {
      if (tombstoned)
        throw new ProtocolError('TOMBSTONE_UNKNOWN', `${what} deletes a record never published`, {
          ...details,
        });
      if (payload.rev !== 1)
        throw new ProtocolError(
          'REV_INVALID',
          `${what} is a first version with rev ${payload.rev}`,
          {
            ...details,
          },
        );
    }
    if (before !== undefined && payload.rev !== before.rev + 1) {
      throw new ProtocolError(
        'REV_INVALID',
        `${what} has rev ${payload.rev} after rev ${before.rev}`,
        details,
      );
    }
    this.latest.set(key, { type: payload.type, id: payload.id, rev: payload.rev, tombstoned });
  }
}
