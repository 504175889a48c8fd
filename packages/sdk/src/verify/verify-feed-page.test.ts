import { SCHEMA_VERSION } from '@promise-global/schema';
import { describe, expect, test } from 'vitest';
import { vectorContext } from '../../scripts/vectors/context.js';
import {
  headFor,
  nodeABodies,
  positionAfter,
  signChain,
  stateAt,
} from '../../scripts/vectors/feed.js';
import { NOW_DATE } from '../../scripts/vectors/fixtures.js';
import { isProtocolError } from '../errors.js';
import { revisionBook, verifyFeedPage } from './index.js';

const ctx = await vectorContext();
const now = NOW_DATE;

describe('verifyFeedPage (§7.3)', () => {
  test('returns data parsed by the schema, ignoring fields of a newer minor (§4.3)', async () => {
    const { records } = await verifyFeedPage(
      stateAt(ctx.pinnedA, positionAfter(ctx.records, 0)),
      {
        records: ctx.records,
        head: ctx.head,
      },
      { now },
    );
    const newerMinor = records[5]?.payload;
    expect(newerMinor?.schemaVersion).toBe('1.3.0');
    expect(newerMinor?.data).not.toHaveProperty('fieldFromMinor3');
    expect(records[4]?.payload.tombstone).toEqual({ reason: 'deleted' });
  });

  test('quarantines a record of an unknown major when asked, and the chain still advances', async () => {
    const bodies = nodeABodies();
    const seven = await signChain(
      ctx.keys.nodeA,
      [{ ...(bodies[5] ?? bodies[0]), rev: 3, schemaVersion: '2.0.0' } as (typeof bodies)[number]],
      positionAfter(ctx.records, 6),
    );
    const records = [...ctx.records, ...seven];
    const page = { records, head: await headFor(ctx.keys.nodeA, positionAfter(records, 7)) };
    const initial = stateAt(ctx.pinnedA, positionAfter(ctx.records, 0));
    await expect(verifyFeedPage(initial, page, { now })).rejects.toSatisfy((error) =>
      isProtocolError(error, 'SCHEMA_MAJOR_UNKNOWN'),
    );
    const quarantined = await verifyFeedPage(initial, page, { now, quarantineUnknownMajor: true });
    expect(quarantined.state.seq).toBe(7);
    expect(quarantined.records.map((record) => record.quarantined)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
      true,
    ]);
    expect(SCHEMA_VERSION.startsWith('1.')).toBe(true);
  });

  test('keeps, verifies and skips a record of a type a later minor added (§4.6)', async () => {
    const bodies = nodeABodies();
    const first = bodies[0] as (typeof bodies)[number];
    const later = await signChain(
      ctx.keys.nodeA,
      [
        {
          ...first,
          type: 'event_listing',
          id: 'f1e2d3c4-b5a6-4978-8695-a4b3c2d1e0f9',
          rev: 1,
          schemaVersion: '1.7.0',
          data: { id: 'f1e2d3c4-b5a6-4978-8695-a4b3c2d1e0f9', anything: 'unknown to 1.x readers' },
        } as unknown as (typeof bodies)[number],
        { ...first, rev: 2 },
      ],
      positionAfter(ctx.records, 6),
    );
    const records = [...ctx.records, ...later];
    const page = { records, head: await headFor(ctx.keys.nodeA, positionAfter(records, 8)) };
    const initial = stateAt(ctx.pinnedA, positionAfter(ctx.records, 0));
    const verified = await verifyFeedPage(initial, page, { now });
    expect(verified.state.seq).toBe(8);
    const unknown = verified.records[6];
    expect(unknown).toMatchObject({ quarantined: true, reason: 'RECORD_TYPE_UNKNOWN' });
    expect(unknown?.payload.type).toBe('event_listing');
    expect(verified.records[7]).toMatchObject({ quarantined: false, payload: { rev: 2 } });

    // Its signature is still checked: a changed byte fails the page as for any record.
    const [header, payload, signature] = (later[0] as string).split('.');
    const claims = JSON.parse(Buffer.from(payload as string, 'base64url').toString());
    const forged = `${header}.${Buffer.from(JSON.stringify({ ...claims, data: { ...claims.data, anything: 'changed' } })).toString('base64url')}.${signature}`;
    const tampered = { ...page, records: [...ctx.records, forged, ...later.slice(1)] };
    await expect(verifyFeedPage(initial, tampered, { now })).rejects.toSatisfy((error) =>
      isProtocolError(error, 'SIGNATURE_INVALID'),
    );
  });

  test('never changes the state it was given, also when it fails', async () => {
    const state = Object.freeze(stateAt(ctx.pinnedA, positionAfter(ctx.records, 2)));
    const snapshot = structuredClone(state);
    await verifyFeedPage(state, { records: ctx.records.slice(2), head: ctx.head }, { now });
    await expect(
      verifyFeedPage(state, { records: ctx.records.slice(3), head: ctx.head }, { now }),
    ).rejects.toSatisfy((error) => isProtocolError(error, 'CHAIN_GAP'));
    expect(state).toEqual(snapshot);
  });

  test('pages through a feed one record at a time to the same state as one backfill', async () => {
    let state = stateAt(ctx.pinnedA, positionAfter(ctx.records, 0));
    for (const jws of ctx.records) {
      ({ state } = await verifyFeedPage(state, { records: [jws], head: ctx.head }, { now }));
    }
    const once = await verifyFeedPage(
      stateAt(ctx.pinnedA, positionAfter(ctx.records, 0)),
      { records: ctx.records, head: ctx.head },
      { now },
    );
    expect(state).toEqual(once.state);
  });

  test('with a revision book, paging one record at a time refuses a revival two pages after its tombstone', async () => {
    const book = revisionBook();
    let state = stateAt(ctx.pinnedA, positionAfter(ctx.records, 0));
    for (const jws of ctx.records) {
      const page = await verifyFeedPage(
        state,
        { records: [jws], head: ctx.head },
        { now, revisions: book },
      );
      book.remember(page.records);
      state = page.state;
    }
    const bodies = nodeABodies();
    const revived = await signChain(
      ctx.keys.nodeA,
      [{ ...(bodies[2] ?? bodies[0]), rev: 3 } as (typeof bodies)[number]],
      positionAfter(ctx.records, 6),
    );
    const page = {
      records: revived,
      head: await headFor(ctx.keys.nodeA, positionAfter([...ctx.records, ...revived], 7)),
    };
    await expect(verifyFeedPage(state, page, { now, revisions: book })).rejects.toSatisfy(
      (error) => isProtocolError(error, 'RECORD_AFTER_TOMBSTONE') && error.details?.seq === 7,
    );
    // Without what came before, a verifier mid-feed cannot know, and says so by accepting.
    expect((await verifyFeedPage(state, page, { now })).state.seq).toBe(7);
  });
});
