import { NodeClient, NodeClientError } from '@promise-global/sdk/client';
import { describe, expect, it } from 'vitest';
import { innovation, organisation, partnerProfile, service } from './fixtures.js';
import { createTestNode } from './test-node.js';

function clientOf(t: Awaited<ReturnType<typeof createTestNode>>, token?: string) {
  const inProcess: typeof fetch = (input, init) =>
    Promise.resolve(t.node.app.request(String(input), init));
  return new NodeClient({
    baseUrl: 'http://node.invalid',
    fetch: inProcess,
    ...(token ? { token } : {}),
  });
}

describe('NodeClient', () => {
  it('drives the authoring API and reads the feed', async () => {
    await using t = await createTestNode();
    const node = clientOf(t, t.editor);
    expect((await node.partner.get()).data.name).toBe(partnerProfile.name);
    const org = await node.organisations.create(organisation);
    const svc = await node.services.create(service(org.data.id));
    const assured = await node.services.assure(svc.data.id, {
      reviewDue: '2027-02-01',
      rev: svc.rev,
    });
    expect(assured.data.reviewDue).toBe('2027-02-01');
    const draft = await node.innovations.create(innovation);
    const submitted = await node.innovations.submit(draft.data.id, { rev: draft.rev });
    expect(submitted.data.status).toBe('submitted');
    expect((await node.innovations.list()).items.map((item) => item.data.id)).toEqual([
      draft.data.id,
    ]);

    const first = await node.feed({ after: 0, limit: 100 });
    if (first.notModified) throw new Error('expected a page');
    expect(first.page.records).toHaveLength(5);
    const again = await node.feed({ after: 0, limit: 100, etag: first.etag ?? '' });
    expect(again.notModified).toBe(true);
    expect((await node.jwks()).keys).toHaveLength(1);
    expect((await node.descriptor()).split('.')).toHaveLength(3);
  });

  it('turns error replies into NodeClientError with issues, findings and codes', async () => {
    await using t = await createTestNode();
    const node = clientOf(t, t.editor);
    const invalid = await node.organisations
      .create({ ...organisation, name: '' })
      .catch((error: unknown) => error);
    expect(invalid).toBeInstanceOf(NodeClientError);
    expect(invalid).toMatchObject({
      status: 400,
      code: 'VALIDATION_FAILED',
      issues: [{ path: 'name' }],
    });

    const draft = await node.innovations.create({
      ...innovation,
      summary: 'Call 07700 900123 any time.',
    });
    const refused = await node.innovations.submit(draft.data.id).catch((error: unknown) => error);
    expect(refused).toMatchObject({
      status: 422,
      code: 'PERSONAL_DATA_SUSPECTED',
      findings: [{ kind: 'uk_mobile' }],
    });
    await expect(
      node.innovations.submit(draft.data.id, { confirmPersonalData: true }),
    ).resolves.toMatchObject({
      data: { status: 'submitted' },
    });

    await expect(node.organisations.get('nope')).rejects.toMatchObject({
      status: 404,
      code: 'NOT_FOUND',
    });
    await expect(node.tokens.list()).rejects.toMatchObject({ status: 403 });
    await expect(clientOf(t).services.list()).rejects.toMatchObject({ status: 401 });
    const admin = clientOf(t, t.admin);
    const created = await admin.tokens.create({ name: 'cms' });
    expect((await admin.tokens.list()).map((token) => token.id)).toContain(created.id);
    await admin.tokens.revoke(created.id);
  });

  it('reads lists a page at a time, searches and filters them, and walks every page', async () => {
    await using t = await createTestNode();
    const node = clientOf(t, t.editor);
    const org = await node.organisations.create(organisation);
    for (const name of [
      'Crisis café',
      'Evening line',
      'Crisis house',
      'Day centre',
      'Crisis text',
    ]) {
      await node.services.create({ ...service(org.data.id), name, description: 'A listing.' });
    }
    const first = await node.services.list({ q: 'crisis', limit: 2 });
    expect(first.items.map((item) => item.data.name)).toEqual(['Crisis café', 'Crisis house']);
    expect(first.total).toBe(3);
    const second = await node.services.list({
      q: 'crisis',
      limit: 2,
      cursor: first.nextCursor ?? '',
    });
    expect(second).toMatchObject({ items: [{ data: { name: 'Crisis text' } }], nextCursor: null });

    const names: string[] = [];
    for await (const item of node.services.all({ limit: 2 })) names.push(item.data.name);
    expect(names).toEqual([
      'Crisis café',
      'Crisis house',
      'Crisis text',
      'Day centre',
      'Evening line',
    ]);
    const due: string[] = [];
    for await (const item of node.services.all({ review: 'due', q: 'crisis', limit: 1 }))
      due.push(item.data.name);
    expect(due).toEqual(['Crisis café', 'Crisis house', 'Crisis text']);

    const [listed] = (await node.organisations.list()).items;
    expect(listed).toMatchObject({ data: { id: org.data.id }, serviceCount: 5 });
    await expect(node.services.list({ limit: 500 })).rejects.toMatchObject({
      status: 400,
      code: 'VALIDATION_FAILED',
      issues: [{ path: 'limit' }],
    });
  });
});
