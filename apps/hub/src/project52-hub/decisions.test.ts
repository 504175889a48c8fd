import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db/database.js';
import { appendDecision, readDecisionLog } from './decisions.js';
import { LibsqlSendLedger, LibsqlSubscriberStore } from './stores.js';

const approve = (recordId: string, by: string) => ({
  type: 'approve' as const,
  recordId,
  by,
  at: '2026-11-23T09:00:00.000Z',
});

describe('the Project 52 stores on libSQL', () => {
  it('appends a decision only against the log it was checked with (compare-and-swap)', async () => {
    const db = await openDatabase({ url: ':memory:' });
    const seen = await readDecisionLog(db);
    expect(await appendDecision(db, seen.lastSeq, approve('cpft/a', 'editor:Ann'))).toBe(true);
    // A second editor who read the same log loses: they must re-read and decide again.
    expect(await appendDecision(db, seen.lastSeq, approve('cpft/b', 'editor:Bob'))).toBe(false);
    const after = await readDecisionLog(db);
    expect(after.lastSeq).toBe(1);
    expect(after.events).toEqual([approve('cpft/a', 'editor:Ann')]);
    expect(await appendDecision(db, after.lastSeq, approve('cpft/b', 'editor:Bob'))).toBe(true);
    expect((await readDecisionLog(db)).events.map((event) => event.by)).toEqual([
      'editor:Ann',
      'editor:Bob',
    ]);
    db.$client.close();
  });

  it('keeps subscribers and ledger entries as written, and lists confirmed readers in id order', async () => {
    const db = await openDatabase({ url: ':memory:' });
    const store = new LibsqlSubscriberStore(db);
    const base = { subscribedAt: '2026-11-01T10:00:00Z', unsubscribedAt: null };
    await store.save({
      id: 'b',
      address: 'b@example.org',
      state: 'confirmed',
      confirmedAt: '2026-11-01T10:05:00Z',
      ...base,
    });
    await store.save({
      id: 'a',
      address: 'a@example.org',
      state: 'confirmed',
      confirmedAt: '2026-11-01T10:06:00Z',
      ...base,
    });
    await store.save({
      id: 'c',
      address: 'c@example.org',
      state: 'pending',
      confirmedAt: null,
      ...base,
    });
    expect((await store.confirmed()).map((s) => s.id)).toEqual(['a', 'b']);
    expect(await store.findByAddress('c@example.org')).toMatchObject({ id: 'c', state: 'pending' });
    expect(await store.counts()).toEqual({ pending: 1, confirmed: 2, unsubscribed: 0 });

    const ledger = new LibsqlSendLedger(db);
    const entry = {
      week: '2026-W48' as const,
      subscriberId: 'a',
      state: 'failed' as const,
      messageId: '<p52.2026-W48.a@hub.example.org>',
      attempts: 2,
      updatedAt: '2026-11-23T09:00:01Z',
      error: { code: 'SMTP_550', message: 'No such mailbox', permanent: true },
    };
    await ledger.put(entry);
    expect(await ledger.get('2026-W48', 'a')).toEqual({ ...entry, response: undefined });
    await ledger.put({ ...entry, state: 'accepted', error: undefined, response: '250 OK' });
    expect(await ledger.get('2026-W48', 'a')).toMatchObject({
      state: 'accepted',
      response: '250 OK',
      error: undefined,
    });
    expect(await ledger.get('2026-W48', 'b')).toBeUndefined();
    db.$client.close();
  });
});
