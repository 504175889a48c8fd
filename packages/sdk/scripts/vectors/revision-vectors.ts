import { recordHash } from '../../src/sign/index.js';
import type { KnownRevision } from '../../src/verify/index.js';
import type { VectorContext } from './context.js';
import {
  headFor,
  nodeABodies,
  positionAfter,
  type RecordBody,
  signChain,
  stateAt,
} from './feed.js';
import { NOW, organisation } from './fixtures.js';
import { type Expectation, fails, type Vector } from './types.js';

/** What a verifier that backfilled node A from seq 1 knows after its first `count` records. */
function revisionsAfter(count: number): KnownRevision[] {
  const latest = new Map<string, KnownRevision>();
  for (const body of nodeABodies().slice(0, count)) {
    latest.set(`${body.type}/${body.id}`, {
      type: body.type,
      id: body.id,
      rev: body.rev,
      tombstoned: body.tombstone !== undefined,
    });
  }
  return [...latest.values()];
}

/** Page vectors of the version rules (§4.2 `rev`, §6 tombstones), with and without `revisions`. */
export async function revisionVectors(ctx: VectorContext): Promise<Vector[]> {
  const a = ctx.keys.nodeA;
  const { records, pinnedA } = ctx;
  const at = (count: number) => positionAfter(records, count);
  const bodies = nodeABodies();
  const body = (index: number, changes: Partial<RecordBody>): RecordBody =>
    ({
      ...(bodies[index] ?? bodies[0]),
      ...changes,
    }) as RecordBody;
  /** Node A's first `count` records, then `extra` chained on them, with a head at the end. */
  const pageOf = async (count: number, extra: RecordBody[], from = 0) => {
    const chain = [...records.slice(0, count), ...(await signChain(a, extra, at(count)))];
    const end = { seq: chain.length, hash: recordHash(chain.at(-1) ?? '') };
    return { records: chain.slice(from), head: await headFor(a, end) };
  };
  const vector = (
    id: string,
    section: string,
    description: string,
    input: object,
    expect: Expectation,
  ) =>
    ({
      id: `page/${id}`,
      kind: 'page',
      section,
      description,
      input: { now: NOW, ...input },
      expect,
    }) as Vector;
  const initial = stateAt(pinnedA, at(0));
  const later = { updatedAt: '2026-11-02T08:45:00Z' };
  const serviceRev3 = body(2, { rev: 3, ...later });
  const attackerSeq3 = await signChain(ctx.keys.attacker, [body(2, {})], {
    seq: 2,
    hash: recordHash((await signChain(a, [body(1, { rev: 2 })], at(1)))[0] ?? ''),
  });
  const revTwoAtSeq2 = await pageOf(1, [body(1, { rev: 2 })]);
  const update = await pageOf(6, [body(5, { rev: 3, ...later })], 6);
  const afterUpdate = { seq: 7, hash: recordHash(update.records[0] ?? '') };

  return [
    vector(
      'revisions-backfill',
      '§6',
      'from seq 3 with the revisions of seq 1-3: service rev 2 (a tombstone) follows rev 1',
      {
        state: stateAt(pinnedA, at(3)),
        revisions: revisionsAfter(3),
        page: await pageOf(6, [], 3),
      },
      {
        valid: true,
        result: { state: stateAt(pinnedA, at(6), NOW), seqs: [4, 5, 6] },
      },
    ),
    vector(
      'revisions-update',
      '§4.2',
      'innovation rev 3 at seq 7, its rev 2 known from revisions',
      {
        state: stateAt(pinnedA, at(6)),
        revisions: revisionsAfter(6),
        page: update,
      },
      { valid: true, result: { state: stateAt(pinnedA, afterUpdate, NOW), seqs: [7] } },
    ),
    vector(
      'rev-first-not-1',
      '§4.2',
      'the first version of the partner record has rev 2',
      { state: initial, page: await pageOf(0, [body(0, { rev: 2 })]) },
      fails('REV_INVALID'),
    ),
    vector(
      'rev-repeated',
      '§4.2',
      'service rev 1 at seq 3, then rev 1 again at seq 4',
      { state: initial, page: await pageOf(3, [body(2, later)]) },
      fails('REV_INVALID'),
    ),
    vector(
      'rev-skipped',
      '§4.2',
      'service rev 1 known from revisions, rev 3 at seq 4',
      {
        state: stateAt(pinnedA, at(3)),
        revisions: revisionsAfter(3),
        page: await pageOf(3, [serviceRev3], 3),
      },
      fails('REV_INVALID'),
    ),
    vector(
      'rev-mid-feed-in-page',
      '§4.2',
      'no revisions known before seq 3: organisation rev 4 at seq 4 is unchecked, rev 4 again at seq 5 is not',
      {
        state: stateAt(pinnedA, at(3)),
        page: await pageOf(3, [body(1, { rev: 4 }), body(1, { rev: 4, ...later })], 3),
      },
      fails('REV_INVALID'),
    ),
    vector(
      'tombstone-unknown',
      '§6',
      'a tombstone at seq 2 for an organisation never published',
      {
        state: initial,
        page: await pageOf(1, [
          {
            type: 'organisation',
            id: organisation.id,
            rev: 1,
            updatedAt: later.updatedAt,
            tombstone: { reason: 'deleted' },
          },
        ]),
      },
      fails('TOMBSTONE_UNKNOWN'),
    ),
    vector(
      'record-after-tombstone',
      '§6',
      'service rev 3 with data at seq 6, after its tombstone at seq 5 in the same page',
      { state: initial, page: await pageOf(5, [serviceRev3]) },
      fails('RECORD_AFTER_TOMBSTONE'),
    ),
    vector(
      'record-after-known-tombstone',
      '§6',
      'service rev 3 with data at seq 7, its tombstone known from revisions',
      {
        state: stateAt(pinnedA, at(6)),
        revisions: revisionsAfter(6),
        page: await pageOf(6, [serviceRev3], 6),
      },
      fails('RECORD_AFTER_TOMBSTONE'),
    ),
    vector(
      'tombstone-after-tombstone',
      '§6',
      'a second tombstone (rev 3) of the service at seq 7',
      {
        state: stateAt(pinnedA, at(6)),
        revisions: revisionsAfter(6),
        page: await pageOf(6, [body(4, { rev: 3, ...later })], 6),
      },
      fails('RECORD_AFTER_TOMBSTONE'),
    ),
    vector(
      'chain-before-rev',
      '§7.3',
      'seq 3 after seq 1 (a gap) is also a first version with rev 5: the chain check comes first',
      {
        state: initial,
        page: {
          records: [
            records[0],
            ...(await signChain(a, [body(2, { rev: 5 })], { seq: 2, hash: at(1).hash })),
          ],
          head: ctx.head,
        },
      },
      fails('CHAIN_GAP'),
    ),
    vector(
      'rev-before-later-record',
      '§7.3',
      'seq 2 has a bad rev and seq 3 a foreign key: the earlier record decides',
      {
        state: initial,
        page: { records: [...revTwoAtSeq2.records, ...attackerSeq3], head: ctx.head },
      },
      fails('REV_INVALID'),
    ),
    vector(
      'rev-before-head',
      '§7.3',
      'seq 2 has a bad rev and lies beyond the head at seq 1: record checks come first',
      {
        state: initial,
        page: { records: revTwoAtSeq2.records, head: await headFor(a, at(1)) },
      },
      fails('REV_INVALID'),
    ),
  ];
}
