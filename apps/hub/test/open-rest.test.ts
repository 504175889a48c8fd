import { readFile } from 'node:fs/promises';
import { PublicJwkSet } from '@promise-global/schema';
import { promiseTerm } from '@promise-global/schema/hsds';
import {
  pinKeys,
  verifyAggregatePage,
  verifyHead,
  verifyMembership,
  verifyRecord,
  verifyRelayedItems,
} from '@promise-global/sdk/verify';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hub } from '../src/create-hub.js';
import { type AggregateItem, aggregateDigest } from '../src/rest/aggregate-feed.js';
import { enrolAndApprove } from './support/enrol.js';
import { innovationData, organisationData, serviceData } from './support/fixtures.js';
import { startTestHub } from './support/test-hub.js';
import { startTestNode, type TestNode } from './support/test-node.js';

let hub: Hub;
let node: TestNode;
const closers: (() => Promise<void>)[] = [];

beforeAll(async () => {
  const started = await startTestHub();
  hub = started.hub;
  closers.push(() => started.hub.close());
  node = await startTestNode({ partnerId: 'hiow' });
  closers.push(() => node.close());
  await node.publish('organisation', { ...organisationData('hiow') });
  for (let i = 0; i < 25; i++) await node.publish('service', { ...serviceData('hiow', i) });
  for (let i = 0; i < 4; i++) {
    await node.publish('innovation', {
      ...innovationData('hiow', i, i === 3 ? { status: 'submitted', publishedAt: undefined } : {}),
    });
  }
  await enrolAndApprove(started.operator, node.url, node.key.kid);
  await started.operator.syncNode({ partnerId: 'hiow' });
});

afterAll(async () => {
  for (const close of closers.reverse()) await close();
});

describe('open REST', () => {
  it('serves HSDS 3.0 services that validate against the standard, with CORS for everyone', async () => {
    const schema = JSON.parse(
      await readFile(
        new URL('../../../../shared/standards/hsds-3.0/service.json', import.meta.url),
        'utf8',
      ),
    );
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats.default(ajv);
    const validate = ajv.compile(schema);
    const response = await fetch(`${hub.url}/services?per_page=10&page=2`, {
      headers: { origin: 'https://example.org' },
    });
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    const body = (await response.json()) as {
      total_items: number;
      total_pages: number;
      page_number: number;
      contents: unknown[];
    };
    expect(body).toMatchObject({
      total_items: 25,
      total_pages: 3,
      page_number: 2,
      size: 10,
      first_page: false,
      last_page: false,
    });
    for (const item of body.contents)
      expect(validate(item), JSON.stringify(validate.errors)).toBe(true);
  });

  it('filters services by text, taxonomy term and modification date', async () => {
    const term = promiseTerm('urgency', 'emergency').id;
    const byTerm = (await (
      await fetch(`${hub.url}/services?taxonomy_term_id=${term}&per_page=100`)
    ).json()) as { total_items: number };
    expect(byTerm.total_items).toBe(9);
    const bySearch = (await (
      await fetch(`${hub.url}/services?search=hampshire&per_page=100`)
    ).json()) as { total_items: number };
    expect(bySearch.total_items).toBe(12);
    const recent = (await (
      await fetch(`${hub.url}/services?modified_after=2025-01-01T20:00:00Z`)
    ).json()) as { total_items: number };
    expect(recent.total_items).toBe(5);
    expect((await fetch(`${hub.url}/services?per_page=1000`)).status).toBe(400);
  });

  it('publishes the health of every enrolled node as JSON anyone may read', async () => {
    const response = await fetch(`${hub.url}/status`, {
      headers: { origin: 'https://other.example.org' },
    });
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    const status = (await response.json()) as {
      hub: string;
      nodes: { partnerId: string; health: string; lag: number; lastSuccessAt: string | null }[];
    };
    expect(status.hub).toBe(hub.url);
    expect(status.nodes).toEqual([
      expect.objectContaining({
        partnerId: 'hiow',
        health: 'healthy',
        lag: 0,
        lastSuccessAt: expect.any(String),
      }),
    ]);
  });

  it('serves a hub-signed aggregate feed another hub can verify down to each original record', async () => {
    const hubKeys = await pinKeys(
      PublicJwkSet.parse(await (await fetch(`${hub.url}/.well-known/jwks.json`)).json()),
    );
    const page = (await (await fetch(`${hub.url}/hub/feed?after=0&limit=1000`)).json()) as {
      items: AggregateItem[];
      head: string;
    };
    // Asked for nothing, the hub answers as protocol 1.0 did, so 1.0 consumers keep working.
    const head = await verifyHead(page.head, { keys: hubKeys, iss: hub.url });
    expect(head.digestAlg).toBeUndefined();
    expect(head.hash).toBe(aggregateDigest(page.items, 'json-items'));
    expect(head.seq).toBe(page.items.at(-1)?.hubSeq);
    // Past the end, an empty page still says where the log ends (a consumer ahead of it was reset).
    const beyond = (await (await fetch(`${hub.url}/hub/feed?after=1000000`)).json()) as {
      items: AggregateItem[];
      head: string;
    };
    expect(beyond.items).toEqual([]);
    expect((await verifyHead(beyond.head, { keys: hubKeys, iss: hub.url })).seq).toBe(head.seq);
    const membership = await verifyMembership(
      await (await fetch(`${hub.url}/memberships/hiow`)).text(),
      {
        hubKeys,
        hub: hub.url,
        sub: node.url,
      },
    );
    const nodeKeys = await pinKeys(membership.jwks);
    const originals = page.items.flatMap((item) => ('jws' in item ? [item.jws] : []));
    expect(originals).toEqual(node.log);
    for (const jws of originals) await verifyRecord(jws, { keys: nodeKeys, iss: node.url });
  });

  it('advertises its protocol minor in its identity document', async () => {
    const identity = await (await fetch(`${hub.url}/.well-known/promise-hub`)).json();
    expect(identity).toMatchObject({ url: hub.url, protocolVersion: '1.1' });
  });

  it('serves protocol 1.1 pages (item-lines digest) that the SDK verifies down to every record', async () => {
    const hubKeys = await pinKeys(
      PublicJwkSet.parse(await (await fetch(`${hub.url}/.well-known/jwks.json`)).json()),
    );
    const body = await (
      await fetch(`${hub.url}/hub/feed?after=0&limit=1000&digest=item-lines`)
    ).json();
    const listing = (await (await fetch(`${hub.url}/memberships`)).json()) as {
      nodeUrl: string;
      jws: string;
    }[];
    const options = { keys: hubKeys, iss: hub.url, after: 0, headIat: 0, limit: 1000 };
    const page = await verifyAggregatePage(body, { ...options, acceptLegacyDigest: false });
    expect(page.digestAlg).toBe('item-lines');
    expect(page.head.hash).toBe(aggregateDigest(page.items));
    const relayed = await verifyRelayedItems(page, {
      hubKeys,
      hub: hub.url,
      memberships: new Map(listing.map((entry) => [entry.nodeUrl, entry.jws])),
    });
    expect(relayed.records.map(({ record }) => record.jws)).toEqual(node.log);
    expect(relayed.nodes.get(node.url)?.seq).toBe(node.log.length);
  });
});
