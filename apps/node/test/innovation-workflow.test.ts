import { describe, expect, it } from 'vitest';
import { personalDataConfirmations } from '../src/db/schema.js';
import { followFeed } from './feed-checker.js';
import { innovation } from './fixtures.js';
import { createTestNode } from './test-node.js';

type Versioned = { rev: number; data: { id: string; status: string } & Record<string, unknown> };
type ErrorBody = {
  error: {
    code: string;
    findings?: { field: string; kind: string; start: number; end: number; text: string }[];
  };
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

describe('innovation workflow', () => {
  it('keeps drafts off the feed and publishes a write-up on submit', async () => {
    await using t = await setUp();
    const draft = await t.json<Versioned>('POST', '/api/innovations', innovation);
    expect(draft.body.data.status).toBe('draft');
    expect(await t.feed.next()).toEqual([]);

    const submitted = await t.json<Versioned>(
      'POST',
      `/api/innovations/${draft.body.data.id}/submit`,
    );
    expect(submitted.status).toBe(200);
    expect(submitted.body.data.status).toBe('submitted');
    const [record, ...rest] = await t.feed.next();
    expect(rest).toEqual([]);
    expect(record?.payload).toMatchObject({ type: 'innovation', id: draft.body.data.id, rev: 1 });
    expect(record?.payload.data).toMatchObject({
      title: innovation.title,
      status: 'submitted',
      partnerId: 'fenland',
    });
    expect(record?.payload.type === 'innovation' && record.payload.data?.submittedAt).toBeTruthy();
  });

  it('publishes a new revision when a submitted write-up is edited', async () => {
    await using t = await setUp();
    const { body } = await t.json<Versioned>('POST', '/api/innovations', innovation);
    await t.call('POST', `/api/innovations/${body.data.id}/submit`);
    const edited = await t.json<Versioned>('PUT', `/api/innovations/${body.data.id}`, {
      ...innovation,
      title: 'Peer workers first',
    });
    expect(edited.body.data.status).toBe('submitted');
    const records = await t.feed.next();
    expect(
      records.map((r) => [r.payload.rev, r.payload.type === 'innovation' && r.payload.data?.title]),
    ).toEqual([
      [1, innovation.title],
      [2, 'Peer workers first'],
    ]);
  });

  it('publishes a tombstone on withdrawal and then refuses edits', async () => {
    await using t = await setUp();
    const { body } = await t.json<Versioned>('POST', '/api/innovations', innovation);
    await t.call('POST', `/api/innovations/${body.data.id}/submit`);
    const withdrawn = await t.json<Versioned>('POST', `/api/innovations/${body.data.id}/withdraw`);
    expect(withdrawn.body.data.status).toBe('withdrawn');
    const records = await t.feed.next();
    expect(records.at(-1)?.payload).toMatchObject({ rev: 2, tombstone: { reason: 'withdrawn' } });
    expect(records.at(-1)?.payload.data).toBeUndefined();

    const edit = await t.json<ErrorBody>('PUT', `/api/innovations/${body.data.id}`, innovation);
    expect(edit.status).toBe(409);
    expect(
      (await t.json<ErrorBody>('POST', `/api/innovations/${body.data.id}/submit`)).status,
    ).toBe(409);
    expect(
      (await t.json<ErrorBody>('POST', `/api/innovations/${body.data.id}/withdraw`)).status,
    ).toBe(409);
  });

  it('publishes a tombstone when a submitted write-up is deleted, and nothing for a draft', async () => {
    await using t = await setUp();
    const draft = await t.json<Versioned>('POST', '/api/innovations', innovation);
    expect((await t.call('DELETE', `/api/innovations/${draft.body.data.id}`)).status).toBe(204);
    expect(await t.feed.next()).toEqual([]);

    const live = await t.json<Versioned>('POST', '/api/innovations', innovation);
    await t.call('POST', `/api/innovations/${live.body.data.id}/submit`);
    expect((await t.call('DELETE', `/api/innovations/${live.body.data.id}`)).status).toBe(204);
    const records = await t.feed.next();
    expect(records.map((r) => r.payload.tombstone?.reason ?? 'data')).toEqual(['data', 'deleted']);
  });

  it('refuses to submit text that looks like personal data, listing the spans', async () => {
    await using t = await setUp();
    const body = `${innovation.body}\n\nOne caller, NHS number 943 476 5919, was seen again.`;
    const draft = await t.json<Versioned>('POST', '/api/innovations', { ...innovation, body });
    const refused = await t.json<ErrorBody>(
      'POST',
      `/api/innovations/${draft.body.data.id}/submit`,
    );
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('PERSONAL_DATA_SUSPECTED');
    const [finding] = refused.body.error.findings ?? [];
    expect(finding).toMatchObject({ field: 'body', kind: 'nhs_number', text: '943 476 5919' });
    expect(body.slice(finding?.start, finding?.end)).toBe('943 476 5919');
    expect(await t.feed.next()).toEqual([]);
    expect(
      (await t.json<Versioned>('GET', `/api/innovations/${draft.body.data.id}`)).body.data.status,
    ).toBe('draft');
  });

  it('checks the case-study sections for personal data too', async () => {
    await using t = await setUp();
    const caseStudy = { whatChanged: 'Mrs B (NHS number 943 476 5919) now calls less.' };
    const draft = await t.json<Versioned>('POST', '/api/innovations', { ...innovation, caseStudy });
    const refused = await t.json<ErrorBody>(
      'POST',
      `/api/innovations/${draft.body.data.id}/submit`,
    );
    expect(refused.status).toBe(422);
    expect(refused.body.error.findings?.[0]).toMatchObject({
      field: 'caseStudy.whatChanged',
      kind: 'nhs_number',
    });
    expect(await t.feed.next()).toEqual([]);
  });

  it('submits flagged text once the author confirms, and records the confirmation', async () => {
    await using t = await setUp();
    const summary = 'Born 03/04/1987? No: the date our first peer group met.';
    const draft = await t.json<Versioned>('POST', '/api/innovations', { ...innovation, summary });
    const confirmed = await t.json<Versioned>(
      'POST',
      `/api/innovations/${draft.body.data.id}/submit`,
      {
        confirmPersonalData: true,
      },
    );
    expect(confirmed.status).toBe(200);
    expect(await t.feed.next()).toHaveLength(1);
    const rows = await t.node.context.database.read((db) =>
      db.select().from(personalDataConfirmations),
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ innovationId: draft.body.data.id, rev: 1 });
    expect(JSON.stringify(rows[0]?.findings)).toContain('03/04/1987');

    const edit = await t.json<ErrorBody>('PUT', `/api/innovations/${draft.body.data.id}`, {
      ...innovation,
      summary,
    });
    expect(edit.status).toBe(422);
    const editConfirmed = await t.call(
      'PUT',
      `/api/innovations/${draft.body.data.id}?confirmPersonalData=true`,
      {
        ...innovation,
        summary,
      },
    );
    expect(editConfirmed.status).toBe(200);
  });

  it('refuses a write-up over 750 words', async () => {
    await using t = await setUp();
    const response = await t.json<{ error: { issues: { path: string }[] } }>(
      'POST',
      '/api/innovations',
      {
        ...innovation,
        body: 'word '.repeat(751),
      },
    );
    expect(response.status).toBe(400);
    expect(response.body.error.issues.map((issue) => issue.path)).toEqual(['body']);
  });
});
