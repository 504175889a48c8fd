import type { Hub } from '@promise-global/hub';
import { NodeClient } from '@promise-global/sdk/client';
import { HubClient, HubClientError } from '@promise-global/sdk/client/hub';
import { initialFeedState, pinKeys, verifyFeedPage } from '@promise-global/sdk/verify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrolAndApprove } from '../apps/hub/test/support/enrol.js';
import {
  OPERATOR_TOKEN,
  organisationInput,
  type RunningNode,
  serviceInput,
  startHub,
  startNode,
} from './support/federation.js';

// The SDK's clients against a real node and hub: paged lists as async iterators, the verified
// feed iterator keeping chain state, typed record data and validation issues as data.
const closers: (() => Promise<void>)[] = [];
let hub: Hub;
let node: RunningNode;
let organisationId = '';

beforeAll(async () => {
  hub = await startHub(':memory:');
  closers.push(() => hub.close());
  node = await startNode('hiow', 'GB', hub.url);
  closers.push(() => node.node.close());
  const created = await node.api('POST', '/api/organisations', organisationInput('hiow'));
  organisationId = ((await created.json()) as { data: { id: string } }).data.id;
  for (const name of ['Crisis line', 'Crisis café', 'Crisis house', 'Crisis team', 'Crisis text']) {
    await node.api('POST', '/api/services', serviceInput(organisationId, name));
  }
  const operator = new HubClient({ baseUrl: hub.url, token: OPERATOR_TOKEN });
  await enrolAndApprove(operator, node.url, node.node.context.key.kid);
  await operator.syncNode({ partnerId: 'hiow' });
}, 60_000);

afterAll(async () => {
  for (const close of closers.reverse()) await close();
});

describe('the SDK clients against a real node and hub', () => {
  it('iterates every page of a search with for await', async () => {
    const hub2 = new HubClient({ baseUrl: hub.url });
    const names: string[] = [];
    for await (const service of hub2.searchServicesAll({ q: 'crisis', limit: 2 })) {
      names.push(service.name);
    }
    expect(names.sort()).toEqual([
      'Crisis café',
      'Crisis house',
      'Crisis line',
      'Crisis team',
      'Crisis text',
    ]);
  });

  it('verifies the feed page after page, keeping chain state, and stops at the head', async () => {
    const client = new NodeClient({ baseUrl: node.url });
    const keys = await pinKeys(await client.jwks());
    const start = initialFeedState({ iss: node.url, partnerId: 'hiow', keys });
    const pages: number[][] = [];
    let state = start;
    for await (const page of client.verifiedFeed(start, { limit: 3 })) {
      pages.push(page.records.map((record) => record.payload.seq));
      state = page.state;
    }
    expect(pages).toEqual([[1, 2, 3], [4, 5, 6], [7]]);
    const fetched = await client.feed({ after: 0 });
    if (fetched.notModified) throw new Error('a first read is never notModified');
    const whole = await verifyFeedPage(start, fetched.page);
    expect(state.seq).toBe(whole.state.seq);
    expect(state.hash).toBe(whole.state.hash);
    const more = [];
    for await (const page of client.verifiedFeed(state)) more.push(page);
    expect(more).toEqual([]);
  });

  it('types a record’s data by its type', async () => {
    const client = new HubClient({ baseUrl: hub.url });
    const [hit] = (await client.searchServices({ q: 'café' })).items;
    const record = await client.getRecord({
      partnerId: 'hiow',
      type: 'service',
      id: hit?.id ?? '',
    });
    expect(record?.type).toBe('service');
    if (record?.type === 'service') expect(record.data?.urgency).toBe('urgent');
  });

  it('returns the hub’s validation issues as data with the HTTP meaning as code', async () => {
    const error = await new HubClient({ baseUrl: hub.url })
      .searchServices({ q: 'crisis', limit: 0 })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(HubClientError);
    expect(error).toMatchObject({ code: 'BAD_REQUEST', httpStatus: 400 });
    expect((error as HubClientError).issues.map((issue) => issue.path)).toEqual([['limit']]);
    expect((error as HubClientError).message).not.toContain('[');
  });

  it('answers a missing record with null and an unknown procedure with NOT_FOUND', async () => {
    const client = new HubClient({ baseUrl: hub.url });
    expect(
      await client.getRecord({ partnerId: 'hiow', type: 'service', id: organisationId }),
    ).toBeNull();
    const unknown = new HubClient({ baseUrl: `${hub.url}/nowhere` });
    await expect(unknown.partners()).rejects.toMatchObject({ code: 'NOT_FOUND', httpStatus: 404 });
  });
});
