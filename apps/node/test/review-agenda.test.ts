import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reviewAgenda } from '../src/resources/review-agenda.js';
import { service } from './fixtures.js';
import { createTestNode, type TestNode } from './test-node.js';

let t: TestNode;
const ids: Record<string, string> = {};
const day = (offset: number) =>
  new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  t = await createTestNode();
  const organisation = await t.json<{ data: { id: string } }>('POST', '/api/organisations', {
    name: 'Fenland Mind',
    type: 'vcfse',
  });
  const add = async (name: string, reviewDue?: string) => {
    const created = await t.json<{ data: { id: string } }>('POST', '/api/services', {
      ...service(organisation.body.data.id),
      name,
    });
    ids[name] = created.body.data.id;
    if (reviewDue)
      await t.json(
        'POST',
        `/api/services/${created.body.data.id}/assure`,
        { reviewDue },
        {
          headers: { 'if-match': '"1"' },
        },
      );
  };
  await add('Soon line', day(5));
  await add('Never checked café');
  await add('Later group', day(30));
});

afterAll(() => t?.[Symbol.asyncDispose]());

describe('the review agenda', () => {
  it('lists overdue listings and those due within 14 days, soonest first', async () => {
    const agenda = await t.json<Awaited<ReturnType<typeof reviewAgenda>>>(
      'GET',
      '/api/review-agenda',
    );
    expect(agenda.status).toBe(200);
    expect(agenda.body.overdue.map((item) => item.name)).toEqual(['Never checked café']);
    expect(agenda.body.dueSoon.map((item) => [item.name, item.dueOn])).toEqual([
      ['Soon line', day(5)],
    ]);
  });

  it('moves listings along as time passes', async () => {
    const later = new Date(Date.now() + 20 * 86_400_000);
    const agenda = await t.node.context.database.read((db) => reviewAgenda(db, later));
    expect(agenda.overdue.map((item) => item.name)).toEqual(['Never checked café', 'Soon line']);
    expect(agenda.dueSoon.map((item) => item.name)).toEqual(['Later group']);
  });

  it('needs a signed-in editor', async () => {
    expect((await t.call('GET', '/api/review-agenda', undefined, { token: null })).status).toBe(
      401,
    );
  });
});
