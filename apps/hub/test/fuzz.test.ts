import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Hub } from '../src/create-hub.js';
import { enrolAndApprove } from './support/enrol.js';
import { innovationData } from './support/fixtures.js';
import { project52Config, weekFromNow } from './support/project52.js';
import { OPERATOR_TOKEN, startTestHub } from './support/test-hub.js';
import { startTestNode, type TestNode } from './support/test-node.js';

let hub: Hub;
let node: TestNode;

beforeAll(async () => {
  const started = await startTestHub({ project52: project52Config() });
  hub = started.hub;
  node = await startTestNode({ partnerId: 'cpft' });
  for (let i = 0; i < 10; i++) {
    await node.publish('innovation', {
      ...innovationData(
        'cpft',
        i,
        i < 4 ? { status: 'submitted', submittedAt: `2026-01-0${i + 1}T09:00:00Z` } : {},
      ),
    });
  }
  await enrolAndApprove(started.operator, node.url, node.key.kid);
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
  'project52.schedule',
  'project52.bulletins',
  'project52.bulletin',
  'admin.project52.queue',
];
const mutations = [
  'admin.nodes.suspend',
  'admin.nodes.reinstate',
  'admin.nodes.repin',
  'admin.tokens.revoke',
  'subscriptions.request',
  'admin.project52.approve',
  'admin.project52.requestChanges',
  'admin.project52.decline',
  'admin.project52.pin',
  'admin.project52.unpin',
  'admin.project52.swap',
];

const week = fc.oneof(
  fc.string(),
  fc.constantFrom('2026-W53', '2027-W53', '2026-W00', '9999-W01', weekFromNow(0), weekFromNow(2)),
);

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
        fc.constantFrom('themes', 'years', 'kinds', 'available24x7', 'age', 'x'),
        fc.jsonValue(),
      ),
      partnerId: fc.oneof(fc.string(), fc.constant('cpft')),
      type: fc.constantFrom('innovation', 'service', 'x'),
      id: fc.oneof(fc.string(), fc.integer()),
      recordId: fc.oneof(fc.string(), fc.constant(innovationData('cpft', 1).id)),
      week,
      weekA: week,
      weekB: week,
      note: fc.string(),
      reason: fc.string(),
      email: fc.oneof(fc.string(), fc.emailAddress()),
      sort: fc.constantFrom('relevance', 'newest', 'x'),
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
