import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { innovation, organisation, partnerProfile, service } from './fixtures.js';
import { createTestNode, type TestNode } from './test-node.js';

const RUNS = 1_000;

/** A valid body with some fields replaced by anything JSON can hold, or dropped. */
function mutated(valid: Record<string, unknown>) {
  const keys = [...Object.keys(valid), 'id', 'assuredAt', '__proto__', 'constructor'];
  return fc
    .dictionary(fc.constantFrom(...keys), fc.oneof(fc.jsonValue(), fc.constant(undefined)), {
      maxKeys: 4,
    })
    .map((changes) => ({ ...valid, ...changes }));
}

function body(valid: Record<string, unknown>) {
  return fc.oneof(
    { weight: 3, arbitrary: mutated(valid) },
    { weight: 1, arbitrary: fc.jsonValue().map((value) => JSON.stringify(value)) },
    { weight: 1, arbitrary: fc.string() },
    { weight: 1, arbitrary: fc.constant('') },
  );
}

/** Mostly no If-Match, sometimes a plausible revision, sometimes junk. */
const header = fc.oneof(
  { weight: 6, arbitrary: fc.constant('') },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 4 }).map((rev) => `"${rev}"`) },
  { weight: 2, arbitrary: fc.stringMatching(/^[\x20-\x7e]{0,20}$/) },
);

let t: TestNode;
let ids: { organisation: string; service: string; draft: string; submitted: string };

beforeAll(async () => {
  t = await createTestNode({ authFailureLimit: 1_000_000 });
  const org = (await (await t.call('POST', '/api/organisations', organisation)).json()) as {
    data: { id: string };
  };
  const svc = (await (await t.call('POST', '/api/services', service(org.data.id))).json()) as {
    data: { id: string };
  };
  const draft = (await (await t.call('POST', '/api/innovations', innovation)).json()) as {
    data: { id: string };
  };
  const sub = (await (await t.call('POST', '/api/innovations', innovation)).json()) as {
    data: { id: string };
  };
  await t.call('POST', `/api/innovations/${sub.data.id}/submit`);
  ids = {
    organisation: org.data.id,
    service: svc.data.id,
    draft: draft.data.id,
    submitted: sub.data.id,
  };
  return () => t.node.close();
});

const id = () =>
  fc
    .oneof(fc.constantFrom(...Object.values(ids)), fc.uuid(), fc.string({ minLength: 1 }))
    .map(encodeURIComponent);

async function neverFails(
  method: string,
  path: string,
  payload: unknown,
  ifMatch: string,
  token?: string,
) {
  const response = await t.call(method, path, payload === undefined ? undefined : payload, {
    headers: ifMatch ? { 'if-match': ifMatch } : {},
    ...(token ? { token } : {}),
  });
  expect(
    response.status,
    `${method} ${path} → ${response.status}: ${await response.clone().text()}`,
  ).toBeLessThan(500);
}

const routes: [string, (id: string) => string, (() => Record<string, unknown>) | undefined][] = [
  ['PUT', () => '/api/partner', () => partnerProfile],
  ['POST', () => '/api/organisations', () => organisation],
  ['PUT', (x) => `/api/organisations/${x}`, () => organisation],
  ['DELETE', (x) => `/api/organisations/${x}`, undefined],
  ['POST', () => '/api/services', () => service(ids.organisation)],
  ['PUT', (x) => `/api/services/${x}`, () => service(ids.organisation)],
  ['POST', (x) => `/api/services/${x}/assure`, () => ({ reviewDue: '2027-01-01' })],
  ['DELETE', (x) => `/api/services/${x}`, undefined],
  ['POST', () => '/api/innovations', () => innovation],
  ['PUT', (x) => `/api/innovations/${x}`, () => innovation],
  ['POST', (x) => `/api/innovations/${x}/submit`, () => ({ confirmPersonalData: true })],
  ['POST', (x) => `/api/innovations/${x}/withdraw`, () => ({})],
  ['DELETE', (x) => `/api/innovations/${x}`, undefined],
  ['POST', () => '/api/tokens', () => ({ name: 'fuzz', role: 'editor' })],
  ['DELETE', (x) => `/api/tokens/${x}`, undefined],
];

describe('fuzzed authoring routes', () => {
  for (const [method, path, valid] of routes) {
    it(`never answers ${method} ${path(':id')} with a 5xx`, async () => {
      const token = path(':id').startsWith('/api/tokens') ? t.admin : undefined;
      await fc.assert(
        fc.asyncProperty(
          id(),
          valid ? body(valid()) : fc.constant(undefined),
          header,
          async (x, payload, ifMatch) => neverFails(method, path(x), payload, ifMatch, token),
        ),
        { numRuns: RUNS },
      );
    });
  }

  it('never answers GET /feed with a 5xx, whatever the query', async () => {
    const value = fc.oneof(fc.integer().map(String), fc.string(), fc.constant(''));
    await fc.assert(
      fc.asyncProperty(value, value, async (after, limit) => {
        const query = new URLSearchParams({ after, limit });
        expect((await t.node.app.request(`/feed?${query}`)).status).toBeLessThan(500);
      }),
      { numRuns: RUNS },
    );
  });
});
