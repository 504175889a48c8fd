import { describe, expect, it } from 'vitest';
import { organisation, partnerProfile, service } from './fixtures.js';
import { createTestNode } from './test-node.js';

type Versioned = { rev: number; data: { id: string } & Record<string, unknown> };
type ErrorBody = { error: { code: string; issues?: { path: string; message: string }[] } };

describe('authoring API', () => {
  it('creates, reads, lists, replaces and deletes an organisation', async () => {
    await using t = await createTestNode();
    const created = await t.json<Versioned>('POST', '/api/organisations', organisation);
    expect(created.status).toBe(201);
    expect(created.headers.get('etag')).toBe('"1"');
    const { id } = created.body.data;
    expect((await t.json<Versioned>('GET', `/api/organisations/${id}`)).body.data.name).toBe(
      organisation.name,
    );
    const listed = await t.json<{ items: Versioned[] }>('GET', '/api/organisations');
    expect(listed.body.items.map((item) => item.data.id)).toEqual([id]);

    const renamed = await t.json<Versioned>(
      'PUT',
      `/api/organisations/${id}`,
      { ...organisation, name: 'Renamed' },
      {
        headers: { 'if-match': '"1"' },
      },
    );
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ rev: 2, data: { name: 'Renamed' } });

    expect((await t.call('DELETE', `/api/organisations/${id}`)).status).toBe(204);
    expect((await t.call('GET', `/api/organisations/${id}`)).status).toBe(404);
  });

  it('answers 400 naming every bad field', async () => {
    await using t = await createTestNode();
    const response = await t.json<ErrorBody>('POST', '/api/organisations', {
      name: '',
      type: 'pub',
      website: 'javascript:alert(1)',
      email: 'not-an-email',
    });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
    const paths = [...new Set(response.body.error.issues?.map((issue) => issue.path))].sort();
    expect(paths).toEqual(['email', 'name', 'type', 'website']);
  });

  it('answers 400 for a body that is not JSON, and 413 for a huge one', async () => {
    await using t = await createTestNode();
    const bad = await t.json<ErrorBody>('POST', '/api/organisations', '{"name":');
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('INVALID_JSON');
    const huge = await t.call('POST', '/api/organisations', {
      ...organisation,
      description: 'x'.repeat(2_000_000),
    });
    expect(huge.status).toBe(413);
  });

  it('answers 404 for unknown ids on every resource', async () => {
    await using t = await createTestNode();
    const missing = '6a3b1c9e-0d7f-4b2a-9e51-3c2d1f0a9b87';
    for (const path of ['organisations', 'services', 'innovations']) {
      expect((await t.call('GET', `/api/${path}/${missing}`)).status).toBe(404);
      expect((await t.call('DELETE', `/api/${path}/${missing}`)).status).toBe(404);
    }
    expect((await t.call('POST', `/api/services/${missing}/assure`)).status).toBe(404);
    expect((await t.call('POST', `/api/innovations/${missing}/submit`)).status).toBe(404);
    expect((await t.call('GET', '/api/nothing-here')).status).toBe(404);
  });

  it('answers 409 for a taken id and for a stale If-Match revision', async () => {
    await using t = await createTestNode();
    const id = '0b6f3f0e-3f5c-4c3e-8f7a-2d4b6c8e0a1f';
    expect((await t.call('POST', '/api/organisations', { ...organisation, id })).status).toBe(201);
    const taken = await t.json<ErrorBody>('POST', '/api/organisations', { ...organisation, id });
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe('ID_TAKEN');
    expect(
      (
        await t.call('PUT', `/api/organisations/${id}`, organisation, {
          headers: { 'if-match': '"1"' },
        })
      ).status,
    ).toBe(200);
    const stale = await t.json<ErrorBody>('PUT', `/api/organisations/${id}`, organisation, {
      headers: { 'if-match': '"1"' },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('REVISION_MISMATCH');
  });

  it('refuses to delete an organisation that still has services', async () => {
    await using t = await createTestNode();
    const org = await t.json<Versioned>('POST', '/api/organisations', organisation);
    const svc = await t.json<Versioned>('POST', '/api/services', service(org.body.data.id));
    expect(svc.status).toBe(201);
    const refused = await t.json<ErrorBody>('DELETE', `/api/organisations/${org.body.data.id}`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('ORGANISATION_HAS_SERVICES');
    expect((await t.call('DELETE', `/api/services/${svc.body.data.id}`)).status).toBe(204);
    expect((await t.call('DELETE', `/api/organisations/${org.body.data.id}`)).status).toBe(204);
  });

  it('refuses a service of an unknown organisation, and an assuredAt set by hand', async () => {
    await using t = await createTestNode();
    const response = await t.json<ErrorBody>('POST', '/api/services', {
      ...service('6a3b1c9e-0d7f-4b2a-9e51-3c2d1f0a9b87'),
      assuredAt: '2026-01-01T00:00:00Z',
    });
    expect(response.status).toBe(400);
    expect(response.body.error.issues?.map((issue) => issue.path).sort()).toEqual([
      'assuredAt',
      'organisationId',
    ]);
  });

  it('sets assuredAt and reviewDue through the assure action, and keeps them on edits', async () => {
    await using t = await createTestNode({ reviewIntervalDays: 90 });
    const org = await t.json<Versioned>('POST', '/api/organisations', organisation);
    const svc = await t.json<Versioned>('POST', '/api/services', service(org.body.data.id));
    expect(svc.body.data.assuredAt).toBeUndefined();
    const before = Date.now();
    const assured = await t.json<Versioned>('POST', `/api/services/${svc.body.data.id}/assure`);
    expect(assured.status).toBe(200);
    const assuredAt = Date.parse(String(assured.body.data.assuredAt));
    expect(assuredAt).toBeGreaterThanOrEqual(before - 1000);
    const due = new Date(assuredAt + 90 * 86_400_000).toISOString().slice(0, 10);
    expect(assured.body.data.reviewDue).toBe(due);

    const chosen = await t.json<Versioned>('POST', `/api/services/${svc.body.data.id}/assure`, {
      reviewDue: '2027-03-01',
    });
    expect(chosen.body.data.reviewDue).toBe('2027-03-01');
    const edited = await t.json<Versioned>('PUT', `/api/services/${svc.body.data.id}`, {
      ...service(org.body.data.id),
      name: 'Evening sanctuary (new name)',
    });
    expect(edited.body.data.assuredAt).toBe(chosen.body.data.assuredAt);
    expect(edited.body.data.reviewDue).toBe('2027-03-01');
  });

  it('keeps the partner profile, filling id and baseUrl from the node', async () => {
    await using t = await createTestNode();
    const seeded = await t.json<Versioned>('GET', '/api/partner');
    expect(seeded.body.data).toMatchObject({
      id: 'fenland',
      baseUrl: 'https://fenland.example.org',
      name: partnerProfile.name,
    });
    const updated = await t.json<Versioned>(
      'PUT',
      '/api/partner',
      { ...partnerProfile, name: 'Fenland Partnership' },
      {
        headers: { 'if-match': `"${seeded.body.rev}"` },
      },
    );
    expect(updated.status).toBe(200);
    expect(updated.body.data.name).toBe('Fenland Partnership');
    const invalid = await t.json<ErrorBody>('PUT', '/api/partner', {
      ...partnerProfile,
      country: 'XX',
    });
    expect(invalid.body.error.issues?.map((issue) => issue.path)).toEqual(['country']);
  });

  it('serves an OpenAPI 3.1 document generated from the schemas', async () => {
    await using t = await createTestNode();
    const doc = await t.json<{
      openapi: string;
      paths: Record<string, unknown>;
      components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
    }>('GET', '/openapi.json', undefined, { token: null });
    expect(doc.status).toBe(200);
    expect(doc.body.openapi).toBe('3.1.0');
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining([
        '/feed',
        '/api/services/{id}/assure',
        '/api/innovations/{id}/submit',
        '/api/partner',
      ]),
    );
    expect(Object.keys(doc.body.components.schemas.ServiceInput?.properties ?? {})).toEqual(
      expect.arrayContaining(['organisationId', 'urgency', 'referralRoutes', 'available24x7']),
    );
  });

  it('answers health and readiness checks', async () => {
    await using t = await createTestNode();
    expect((await t.call('GET', '/healthz', undefined, { token: null })).status).toBe(200);
    expect((await t.json('GET', '/readyz', undefined, { token: null })).body).toEqual({
      status: 'ready',
    });
    t.node.context.database.close();
    expect((await t.call('GET', '/readyz', undefined, { token: null })).status).toBe(503);
  });
});
