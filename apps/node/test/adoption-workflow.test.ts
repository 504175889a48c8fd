import { describe, expect, it } from 'vitest';
import { followFeed } from './feed-checker.js';
import { createTestNode } from './test-node.js';

type Versioned = {
  rev: number;
  data: { id: string; stage: string; partnerId: string } & Record<string, unknown>;
};
type ErrorBody = { error: { code: string; findings?: { field: string; kind: string }[] } };

const adoption = {
  piece: {
    partnerId: 'leeds',
    recordId: '0b7c2d0e-2c1f-4d6e-9a57-3f1e2d4c5b6a',
    hash: 'sCxXK4WwQu-K96ViuYOvXnMfQmxLQjOO2I5Hp9AVdfw',
  },
  stage: 'exploring',
  date: '2026-11-02',
  note: 'Our crisis café steering group is reading this with its peer workers.',
  contactRole: 'Crisis pathway lead',
};

async function setUp() {
  const t = await createTestNode();
  const feed = await followFeed(
    (path) => Promise.resolve(t.node.app.request(path)),
    t.node.url,
    'fenland',
  );
  await feed.next(); // the partner profile
  return Object.assign(t, { feed });
}

describe('adoption workflow', () => {
  it('publishes an adoption at once and a new revision as it moves on', async () => {
    await using t = await setUp();
    const started = await t.json<Versioned>('POST', '/api/adoptions', adoption);
    expect(started.status).toBe(201);
    expect(started.body.data).toMatchObject({ partnerId: 'fenland', stage: 'exploring' });
    const moved = await t.json<Versioned>('PUT', `/api/adoptions/${started.body.data.id}`, {
      ...adoption,
      stage: 'piloting',
      date: '2026-11-20',
    });
    expect(moved.body.rev).toBe(2);
    const records = await t.feed.next();
    expect(
      records.map((r) => [
        r.payload.type,
        r.payload.rev,
        (r.payload.data as Versioned['data']).stage,
      ]),
    ).toEqual([
      ['adoption', 1, 'exploring'],
      ['adoption', 2, 'piloting'],
    ]);
    const list = await t.json<{ items: { id: string; stage: string; rev: number }[] }>(
      'GET',
      '/api/adoptions',
    );
    expect(list.body.items).toMatchObject([
      { id: started.body.data.id, stage: 'piloting', rev: 2 },
    ]);
  });

  it('refuses adopting its own piece, a second adoption of one piece, and a stale revision', async () => {
    await using t = await setUp();
    const own = await t.json<ErrorBody>('POST', '/api/adoptions', {
      ...adoption,
      piece: { ...adoption.piece, partnerId: 'fenland' },
    });
    expect(own.status).toBe(422);
    const first = await t.json<Versioned>('POST', '/api/adoptions', adoption);
    const again = await t.json<ErrorBody>('POST', '/api/adoptions', adoption);
    expect([again.status, again.body.error.code]).toEqual([409, 'ADOPTION_EXISTS']);
    const stale = await t.call('PUT', `/api/adoptions/${first.body.data.id}`, adoption, {
      headers: { 'If-Match': '"7"' },
    });
    expect(stale.status).toBe(409);
    expect(await t.feed.next()).toHaveLength(1);
  });

  it('refuses a note that looks like it is about a person, and a contact that is a person', async () => {
    await using t = await setUp();
    const note = await t.json<ErrorBody>('POST', '/api/adoptions', {
      ...adoption,
      note: 'Tried it with a client, DOB 03/04/1987, who liked it.',
    });
    expect([note.status, note.body.error.code]).toEqual([422, 'PERSONAL_DATA_SUSPECTED']);
    expect(note.body.error.findings?.map((f) => f.field)).toEqual(['note']);
    const contact = await t.json<ErrorBody>('POST', '/api/adoptions', {
      ...adoption,
      contactRole: 'jo.bloggs@example.org',
    });
    expect(contact.status).toBe(400);
    const long = await t.json<ErrorBody>('POST', '/api/adoptions', {
      ...adoption,
      note: Array.from({ length: 151 }, (_, i) => `w${i}`).join(' '),
    });
    expect(long.status).toBe(400);
    expect(await t.feed.next()).toEqual([]);
  });

  it('says plainly that the network cannot be read when no hub is configured', async () => {
    await using t = await setUp();
    const pieces = await t.json<ErrorBody>('GET', '/api/network/pieces');
    expect([pieces.status, pieces.body.error.code]).toEqual([503, 'NO_HUB']);
    const takenUp = await t.json<{ hub: boolean; items: unknown[] }>(
      'GET',
      '/api/network/taken-up',
    );
    expect([takenUp.status, takenUp.body]).toEqual([200, { hub: false, items: [] }]);
  });
});
