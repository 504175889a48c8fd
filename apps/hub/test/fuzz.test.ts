import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Hub } from '../src/create-hub.js';
import { innovationData } from './support/fixtures.js';
import { OPERATOR_TOKEN, startTestHub } from './support/test-hub.js';
import { startTestNode, type TestNode } from './support/test-node.js';

let hub: Hub;
let node: TestNode;

beforeAll(async () => {
  const started = await startTestHub();
  hub = started.hub;
  node = await startTestNode({ partnerId: 'cpft' });
  for (let i = 0; i < 10; i++) await node.publish('innovation', { ...innovationData('cpft', i) });
  await started.operator.enrolNode({ url: node.url });
  await started.operator.syncNode({ partnerId: 'cpft' });
});

afterAll(async () => {
  await hub.close();
  await node.close();
});

const queries = [
  'search.innovations',
  'search.services',
  'facets.innovations',
  'facets.services',
  'records.get',
  'partners.list',
  'nodes.status',
  'admin.nodes.list',
  'admin.quarantine.list',
  'admin.counters.list',
];
const mutations = [
  'admin.nodes.suspend',
  'admin.nodes.reinstate',
  'admin.nodes.repin',
  'admin.tokens.revoke',
];

/** Inputs shaped like the real ones, with hostile values mixed in. */
const input = fc.oneof(
  fc.jsonValue(),
  fc.record(
    {
      q: fc.oneof(
        fc.string(),
        fc.constantFrom('"', 'NEAR(', '*', 'a OR b', '\u0000', '-x', 'crisis*'),
      ),
      limit: fc.oneof(fc.integer(), fc.double()),
      cursor: fc.oneof(fc.string(), fc.base64String()),
      filters: fc.dictionary(
        fc.constantFrom('themes', 'years', 'kinds', 'available24x7', 'x'),
        fc.jsonValue(),
      ),
      partnerId: fc.oneof(fc.string(), fc.constant('cpft')),
      type: fc.constantFrom('innovation', 'service', 'x'),
      id: fc.oneof(fc.string(), fc.integer()),
    },
    { requiredKeys: [] },
  ),
);

describe('fuzzed tRPC input', () => {
  it('never produces a 5xx or a stack trace from any procedure', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...queries, ...mutations),
        input,
        fc.boolean(),
        fc.oneof(fc.constant<string | undefined>(undefined), fc.string({ maxLength: 20 })),
        async (path, value, withToken, rawInput) => {
          const headers: Record<string, string> = withToken
            ? { authorization: `Bearer ${OPERATOR_TOKEN}` }
            : {};
          const encoded = rawInput ?? JSON.stringify(value);
          const response = mutations.includes(path)
            ? await hub.app.request(`/trpc/${path}`, {
                method: 'POST',
                headers: { ...headers, 'content-type': 'application/json' },
                body: encoded,
              })
            : await hub.app.request(`/trpc/${path}?input=${encodeURIComponent(encoded)}`, {
                headers,
              });
          const body = await response.text();
          if (response.status >= 500)
            throw new Error(`${path} ${encoded} → ${response.status} ${body}`);
          if (body.includes('"stack"')) throw new Error(`${path} leaked a stack trace: ${body}`);
        },
      ),
      { numRuns: 600 },
    );
  });
});
