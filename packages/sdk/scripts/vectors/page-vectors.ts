import { GENESIS_HASH } from '@promise-global/schema';
import { recordHash } from '../../src/sign/index.js';
import type { VectorContext } from './context.js';
import { headFor, nodeABodies, positionAfter, signChain, stateAt } from './feed.js';
import { NOW } from './fixtures.js';
import { type Expectation, fails, type Vector } from './types.js';

/** Feed page vectors (§7): chain position, head checks, page bounds. */
export async function pageVectors(ctx: VectorContext): Promise<Vector[]> {
  const a = ctx.keys.nodeA;
  const { records, head, pinnedA } = ctx;
  const at = (count: number) => positionAfter(records, count);
  const initial = stateAt(pinnedA, at(0));
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
  const advanced = (from: number, to: number, headIat = NOW): Expectation => ({
    valid: true,
    result: {
      state: stateAt(pinnedA, at(to), headIat),
      seqs: Array.from({ length: to - from }, (_, index) => from + index + 1),
    },
  });

  // A rewritten history: seq 3 replaced by another record, chained on the real seq 2.
  const bodies = nodeABodies();
  const [forked] = await signChain(
    a,
    [{ ...(bodies[2] ?? bodies[0]), rev: 7 } as (typeof bodies)[number]],
    at(2),
  );
  const forkedSeq3 = forked ?? '';
  const [brokenSeq4] = await signChain(a, [bodies[3] ?? bodies[0]] as typeof bodies, {
    seq: 3,
    hash: GENESIS_HASH,
  });
  const [wrongSeq5] = await signChain(
    a,
    [{ ...(bodies[4] ?? bodies[0]), updatedAt: '2026-11-02T08:00:01Z' }] as typeof bodies,
    at(4),
  );

  return [
    vector(
      'backfill',
      '§7.3',
      'backfill from after=0: six records and the head',
      { state: initial, page: { records, head } },
      advanced(0, 6),
    ),
    vector(
      'incremental',
      '§7.3',
      'from seq 3 to 6',
      { state: stateAt(pinnedA, at(3), NOW - 600), page: { records: records.slice(3), head } },
      advanced(3, 6),
    ),
    vector(
      'partial',
      '§7.3',
      'a page that stops before the head (more to fetch)',
      { state: initial, page: { records: records.slice(0, 2), head } },
      advanced(0, 2),
    ),
    vector(
      'up-to-date',
      '§7.3',
      'no new records, head at our position',
      { state: stateAt(pinnedA, at(6)), page: { records: [], head } },
      advanced(6, 6),
    ),
    vector(
      'gap',
      '§7.3',
      'seq 1, 2, then 4',
      { state: initial, page: { records: [records[0], records[1], records[3]], head } },
      fails('CHAIN_GAP'),
    ),
    vector(
      'rollback-record',
      '§7.3',
      'known up to 4, page restarts at 2',
      { state: stateAt(pinnedA, at(4)), page: { records: records.slice(1), head } },
      fails('ROLLBACK'),
    ),
    vector(
      'rollback-head',
      '§7.3',
      'known up to 6, head says 4',
      { state: stateAt(pinnedA, at(6)), page: { records: [], head: await headFor(a, at(4)) } },
      fails('ROLLBACK'),
    ),
    vector(
      'fork-record',
      '§7.3',
      'known up to 3, page starts with another seq 3',
      {
        state: stateAt(pinnedA, at(3)),
        page: { records: [forkedSeq3, ...records.slice(3)], head },
      },
      fails('CHAIN_FORK'),
    ),
    vector(
      'fork-head',
      '§7.3',
      'known up to 3, head at 3 with another hash',
      {
        state: stateAt(pinnedA, at(3)),
        page: { records: [], head: await headFor(a, { seq: 3, hash: recordHash(forkedSeq3) }) },
      },
      fails('CHAIN_FORK'),
    ),
    vector(
      'broken-prev',
      '§5.1',
      "seq 4's prev is not the hash of seq 3",
      { state: stateAt(pinnedA, at(3)), page: { records: [brokenSeq4], head } },
      fails('CHAIN_BROKEN'),
    ),
    vector(
      'duplicate',
      '§7.3',
      'the last known record sent again',
      { state: stateAt(pinnedA, at(3)), page: { records: records.slice(2), head } },
      fails('DUPLICATE_RECORD'),
    ),
    vector(
      'replayed-head',
      '§7.2',
      'a head older than the last accepted one',
      {
        state: stateAt(pinnedA, at(6), NOW),
        page: { records: [], head: await headFor(a, at(6), NOW - 60) },
      },
      fails('HEAD_REPLAYED'),
    ),
    vector(
      'head-behind-records',
      '§7.2',
      'records beyond the seq the head signs',
      { state: initial, page: { records, head: await headFor(a, at(5)) } },
      fails('HEAD_MISMATCH'),
    ),
    vector(
      'head-hash-differs',
      '§7.2',
      "the head's hash at seq 5 is not seq 5's hash",
      {
        state: initial,
        page: {
          records: [...records.slice(0, 4), wrongSeq5],
          head: await headFor(a, { seq: 5, hash: at(5).hash }),
        },
      },
      fails('HEAD_MISMATCH'),
    ),
    vector(
      'expired-head',
      '§7.2',
      'the page head expired',
      { state: initial, page: { records, head: await headFor(a, at(6), NOW - 600) } },
      fails('EXPIRED'),
    ),
    vector(
      'record-fails',
      '§7.3',
      'a page whose third record is signed with another key',
      {
        state: initial,
        page: {
          records: [
            records[0],
            records[1],
            ...(await signChain(ctx.keys.attacker, [bodies[2]] as typeof bodies, at(2))),
          ],
          head,
        },
      },
      fails('UNKNOWN_KID'),
    ),
    vector(
      'not-a-page',
      '§7.1',
      'records is not an array',
      { state: initial, page: { records: 'seq 1', head } },
      fails('PAGE_INVALID'),
    ),
    vector(
      'too-many-records',
      '§11.1',
      '1001 records in one page',
      { state: initial, page: { records: Array.from({ length: 1001 }, () => 'x'), head } },
      fails('PAGE_TOO_LARGE'),
    ),
  ];
}
