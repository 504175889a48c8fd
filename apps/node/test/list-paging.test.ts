import type { Innovation, Organisation, Service } from '@promise-global/schema';
import { DEFAULT_REVIEW_DAYS, reviewStatus } from '@promise-global/ui/format';
import { describe, expect, it } from 'vitest';
import { importJson } from '../src/import/import-records.js';
import { REVIEW_DAYS_WITHOUT_DUE_DATE } from '../src/resources/service-list.js';
import { innovation, organisation, service } from './fixtures.js';
import { createTestNode, type TestNode } from './test-node.js';

interface Page<T> {
  items: { rev: number; data: T; serviceCount?: number }[];
  nextCursor: string | null;
  prevCursor: string | null;
  total: number;
}

const DAY = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY).toISOString();
const dateIn = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);

/** An organisation with a service of each name (described as `description` says, if given). */
async function withServices(
  t: TestNode,
  names: string[],
  description?: (name: string) => string,
): Promise<string> {
  const org = await t.json<{ data: Organisation }>('POST', '/api/organisations', organisation);
  for (const name of names) {
    const input = { ...service(org.body.data.id), name };
    if (description) input.description = description(name);
    expect((await t.call('POST', '/api/services', input)).status).toBe(201);
  }
  return org.body.data.id;
}

/** Every page of `path` (which has a query already), following nextCursor. */
async function allPages<T>(t: TestNode, path: string): Promise<Page<T>[]> {
  const pages: Page<T>[] = [];
  let cursor: string | null = null;
  do {
    const url: string = cursor ? `${path}&cursor=${encodeURIComponent(cursor)}` : path;
    const reply = await t.json<Page<T>>('GET', url);
    expect(reply.status).toBe(200);
    pages.push(reply.body);
    cursor = reply.body.nextCursor;
  } while (cursor !== null && pages.length < 100);
  return pages;
}

describe('paged lists', () => {
  it('pages services by name with an opaque cursor, each once, and says how many match', async () => {
    await using t = await createTestNode();
    const names = ['delta line', 'Alpha café', 'echo team', 'Bravo house', 'charlie crisis line'];
    await withServices(t, [...names, 'alpha café']);
    const pages = await allPages<Service>(t, '/api/services?limit=2');
    expect(pages.map((page) => page.items.length)).toEqual([2, 2, 2]);
    expect(pages.every((page) => page.total === 6)).toBe(true);
    expect(pages.at(-1)?.nextCursor).toBeNull();
    const listed = pages.flatMap((page) => page.items.map((item) => item.data.name));
    expect(listed.map((name) => name.toLowerCase())).toEqual([
      'alpha café',
      'alpha café',
      'bravo house',
      'charlie crisis line',
      'delta line',
      'echo team',
    ]);
    const ids = pages.flatMap((page) => page.items.map((item) => item.data.id));
    expect(new Set(ids).size).toBe(6);
    expect(pages[0]?.prevCursor).toBeNull();

    // Back from the last page with prevCursor: the same pages, in the same order.
    const back: string[][] = [];
    let cursor = pages.at(-1)?.prevCursor ?? null;
    while (cursor !== null) {
      const reply = await t.json<Page<Service>>(
        'GET',
        `/api/services?limit=2&cursor=${encodeURIComponent(cursor)}`,
      );
      back.unshift(reply.body.items.map((item) => item.data.id));
      expect(reply.body.nextCursor).toEqual(expect.any(String));
      cursor = reply.body.prevCursor;
    }
    expect(back).toEqual(pages.slice(0, -1).map((page) => page.items.map((item) => item.data.id)));
  });

  it('gives 50 by default, at most 200, and refuses a larger limit in words', async () => {
    await using t = await createTestNode();
    await withServices(
      t,
      Array.from({ length: 51 }, (_, i) => `Service ${String(i).padStart(2, '0')}`),
    );
    const first = await t.json<Page<Service>>('GET', '/api/services');
    expect(first.body.items).toHaveLength(50);
    expect(first.body.total).toBe(51);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    expect((await t.json<Page<Service>>('GET', '/api/services?limit=200')).body.items).toHaveLength(
      51,
    );
    const tooMany = await t.json<{
      error: { code: string; issues: { path: string; message: string }[] };
    }>('GET', '/api/services?limit=201');
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.issues).toEqual([
      { path: 'limit', message: 'limit is at most 200: follow nextCursor for more' },
    ]);
    for (const bad of ['limit=0', 'limit=2.5', 'limit=lots', 'review=soon', 'status=open']) {
      expect((await t.call('GET', `/api/services?${bad}`)).status, bad).toBe(400);
    }
    const ignored = await t.json<Page<Service>>('GET', '/api/services?limit=3&_=1733200000');
    expect(ignored.body.items).toHaveLength(3);
  });

  it('refuses a cursor it did not give out, however it is forged', async () => {
    await using t = await createTestNode();
    await withServices(t, ['One', 'Two', 'Three']);
    const forged = [
      'not-a-cursor',
      Buffer.from('{"key":"a"}').toString('base64url'),
      Buffer.from('[1,2]').toString('base64url'),
      Buffer.from('["a"]').toString('base64url'),
      Buffer.from('["a","b","forward"]').toString('base64url'),
      'x'.repeat(2001),
    ];
    for (const cursor of forged) {
      const reply = await t.json<{ error: { code: string; issues: { path: string }[] } }>(
        'GET',
        `/api/services?cursor=${encodeURIComponent(cursor)}`,
      );
      expect(reply.status, cursor).toBe(400);
      expect(reply.body.error.issues[0]?.path).toBe('cursor');
    }
    // A well-formed cursor whose key is SQL stays a value: it pages after that text, nothing more.
    const sqlKey = Buffer.from(JSON.stringify(["' or 1=1 --", 'z'])).toString('base64url');
    const after = await t.json<Page<Service>>('GET', `/api/services?cursor=${sqlKey}`);
    expect(after.body.items.map((item) => item.data.name)).toEqual(['One', 'Three', 'Two']);
  });

  it('searches every word in name and description, in any ASCII case, wildcards taken literally', async () => {
    await using t = await createTestNode();
    await withServices(
      t,
      ['Evening CRISIS line', 'Crisis café', '100% peer support', 'Home_treatment'],
      (name) => (name.startsWith('Evening') ? 'A calm place to call.' : 'A fictional listing.'),
    );
    const names = async (q: string) =>
      (await t.json<Page<Service>>('GET', `/api/services?q=${encodeURIComponent(q)}`)).body.items
        .map((item) => item.data.name)
        .sort();
    expect(await names('crisis')).toEqual(['Crisis café', 'Evening CRISIS line']);
    expect(await names('  crisis   LINE ')).toEqual(['Evening CRISIS line']);
    expect(await names('calm evening')).toEqual(['Evening CRISIS line']); // "calm" is in the description
    expect(await names('100%')).toEqual(['100% peer support']);
    expect(await names('%')).toEqual(['100% peer support']);
    expect(await names('_')).toEqual(['Home_treatment']);
    expect(await names("' or 1=1 --")).toEqual([]);
    expect((await t.json<Page<Service>>('GET', '/api/services?q=crisis')).body.total).toBe(2);
  });

  it('filters by review state exactly as the workspace labels it, and by status and organisation', async () => {
    await using t = await createTestNode();
    expect(REVIEW_DAYS_WITHOUT_DUE_DATE).toBe(DEFAULT_REVIEW_DAYS);
    const orgId = await withServices(t, ['Never checked, no date']);
    const base = service(orgId);
    await importJson(t.node.context, {
      services: [
        { ...base, name: 'Checked long ago', assuredAt: daysAgo(300) },
        { ...base, name: 'Checked lately', assuredAt: daysAgo(10) },
        { ...base, name: 'Due yesterday', assuredAt: daysAgo(20), reviewDue: dateIn(-1) },
        { ...base, name: 'Imported, due next year', reviewDue: dateIn(300) },
        { ...base, name: 'Closed for now', status: 'temporarily closed', reviewDue: dateIn(2) },
      ],
    });
    const all = (await t.json<Page<Service>>('GET', '/api/services')).body.items.map((i) => i.data);
    expect(all).toHaveLength(6);
    const label = (s: Service) => {
      const review = reviewStatus(s);
      return review.overdue ? 'due' : review.checked ? 'checked' : 'not_checked';
    };
    for (const review of ['due', 'checked', 'not_checked']) {
      const listed = (await t.json<Page<Service>>('GET', `/api/services?review=${review}`)).body;
      const expected = all.filter((s) => label(s) === review).map((s) => s.name);
      expect(expected.length, review).toBeGreaterThan(0);
      expect(listed.items.map((item) => item.data.name)).toEqual(expected);
      expect(listed.total).toBe(expected.length);
    }
    const closed = await t.json<Page<Service>>('GET', '/api/services?status=temporarily%20closed');
    expect(closed.body.items.map((item) => item.data.name)).toEqual(['Closed for now']);
    const other = await t.json<{ data: Organisation }>('POST', '/api/organisations', {
      ...organisation,
      name: 'Another',
    });
    const none = await t.json<Page<Service>>(
      'GET',
      `/api/services?organisationId=${other.body.data.id}`,
    );
    expect(none.body).toEqual({ items: [], nextCursor: null, prevCursor: null, total: 0 });
  });

  it('pages write-ups newest first, filtered by status and kind and searched by title and summary', async () => {
    await using t = await createTestNode();
    const ids: string[] = [];
    for (const title of ['First piece', 'Second piece', 'Third piece']) {
      ids.push(
        (await t.json<{ data: Innovation }>('POST', '/api/innovations', { ...innovation, title }))
          .body.data.id,
      );
    }
    await t.call('POST', `/api/innovations/${ids[0]}/submit`);
    const pages = await allPages<Innovation>(t, '/api/innovations?limit=1');
    const order = pages.flatMap((page) => page.items.map((item) => item.data));
    expect(order.map((item) => item.id).sort()).toEqual([...ids].sort());
    for (let i = 1; i < order.length; i++) {
      const [a, b] = [order[i - 1], order[i]];
      if (!a || !b) throw new Error('missing');
      expect(a.updatedAt > b.updatedAt || (a.updatedAt === b.updatedAt && a.id > b.id)).toBe(true);
    }
    expect(order[0]?.id).toBe(ids[0]); // submitted last, so changed last
    const backCursor = encodeURIComponent(pages.at(-1)?.prevCursor ?? '');
    const back = await t.json<Page<Innovation>>(
      'GET',
      `/api/innovations?limit=1&cursor=${backCursor}`,
    );
    expect(back.body.items.map((item) => item.data.id)).toEqual([order[1]?.id]);
    const drafts = await t.json<Page<Innovation>>('GET', '/api/innovations?status=draft');
    expect(drafts.body.items.map((item) => item.data.title).sort()).toEqual([
      'Second piece',
      'Third piece',
    ]);
    expect((await t.json<Page<Innovation>>('GET', '/api/innovations?q=third')).body.total).toBe(1);
    expect(
      (await t.json<Page<Innovation>>('GET', '/api/innovations?q=lived%20experience')).body.total,
    ).toBe(3);
    expect((await t.json<Page<Innovation>>('GET', '/api/innovations?kind=idea')).body.total).toBe(
      0,
    );
    expect((await t.call('GET', '/api/innovations?status=published')).status).toBe(400);
  });

  it('pages organisations by name with how many live services each runs', async () => {
    await using t = await createTestNode();
    const orgId = await withServices(t, ['One', 'Two']);
    await t.json('POST', '/api/organisations', {
      ...organisation,
      name: 'A first trust',
      type: 'nhs_trust',
    });
    const page = await t.json<Page<Organisation>>('GET', '/api/organisations');
    expect(page.body.items.map((item) => [item.data.name, item.serviceCount])).toEqual([
      ['A first trust', 0],
      ['Fenland Crisis Sanctuary', 2],
    ]);
    const trusts = await t.json<Page<Organisation>>(
      'GET',
      '/api/organisations?type=nhs_trust&q=first',
    );
    expect(trusts.body.total).toBe(1);
    expect(page.body.items[1]?.data.id).toBe(orgId);
  });

  it('documents paging, search and filters in the OpenAPI document', async () => {
    await using t = await createTestNode();
    interface ListGet {
      parameters: { name: string; schema: unknown }[];
      responses: Record<string, { content?: Record<string, { schema: { required: string[] } }> }>;
    }
    const doc = (await t.json<{ paths: Record<string, { get: ListGet }> }>('GET', '/openapi.json'))
      .body;
    const listGet = (path: string): ListGet => {
      const get = doc.paths[path]?.get;
      if (!get) throw new Error(`${path} is not documented`);
      return get;
    };
    for (const path of ['/api/services', '/api/innovations', '/api/organisations']) {
      const get = listGet(path);
      const names = get.parameters.map((p) => p.name);
      expect(names).toEqual(expect.arrayContaining(['limit', 'cursor', 'q']));
      const limit = get.parameters.find((p) => p.name === 'limit');
      expect(limit?.schema).toMatchObject({ default: 50, maximum: 200 });
      const body = get.responses['200']?.content?.['application/json']?.schema;
      expect(body?.required).toEqual(['items', 'nextCursor', 'prevCursor', 'total']);
      expect(get.responses['400']).toBeDefined();
    }
    const services = listGet('/api/services').parameters.map((p) => p.name);
    expect(services).toEqual(expect.arrayContaining(['review', 'status', 'organisationId']));
  });
});
