/// <reference lib="dom" />
import type { Hub } from '@promise-global/hub';
import { HubClient } from '@promise-global/sdk/client/hub';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrolAndApprove } from '../apps/hub/test/support/enrol.js';
import { bundleVerify } from '../packages/sdk/scripts/bundle-verify.js';
import { launchBrowser, newContext, openPage, type WatchedPage } from './support/browser.js';
import {
  OPERATOR_TOKEN,
  organisationInput,
  type RunningNode,
  serviceInput,
  startHub,
  startNode,
  submitInnovation,
} from './support/federation.js';
import { startOriginServer } from './support/origin-server.js';

// A developer's page on another origin loads the SDK's browser verify bundle and checks a real
// node's feed itself: keys from the node's JWKS, every record's signature, schema and chain.
const closers: (() => Promise<void>)[] = [];
let hub: Hub;
let node: RunningNode;
let browser: Browser;
let elsewhere: WatchedPage;

beforeAll(async () => {
  hub = await startHub(':memory:');
  closers.push(() => hub.close());
  node = await startNode('cpft', 'GB', hub.url);
  closers.push(() => node.node.close());
  const created = await node.api('POST', '/api/organisations', organisationInput('cpft'));
  const { data: organisation } = (await created.json()) as { data: { id: string } };
  await node.api('POST', '/api/services', serviceInput(organisation.id, 'Crisis line'));
  await submitInnovation(node, 'Sanctuary night café');
  const operator = new HubClient({ baseUrl: hub.url, token: OPERATOR_TOKEN });
  await enrolAndApprove(operator, node.url, node.node.context.key.kid);
  await operator.syncNode({ partnerId: 'cpft' });

  const { code } = await bundleVerify();
  const origin = await startOriginServer(
    { '/promise-verify.js': code },
    "import * as sdk from '/promise-verify.js'; window.promiseVerify = sdk;",
  );
  closers.push(() => origin.close());
  browser = await launchBrowser();
  closers.push(() => browser.close());
  elsewhere = await openPage(await newContext(browser), origin.url);
  await elsewhere.page.waitForFunction(() => 'promiseVerify' in window);
}, 120_000);

afterAll(async () => {
  for (const close of closers.reverse()) await close();
});

interface PageVerdict {
  bufferInPage: boolean;
  seqs: number[];
  types: string[];
  headSeq: number;
  tampered: string;
}

describe('verifying a node feed in a browser on another origin', () => {
  it('verifies every record of a live node with the bundle, and refuses a tampered one', async () => {
    const verdict = await elsewhere.page.evaluate(
      async ({ nodeUrl, partnerId }): Promise<PageVerdict> => {
        // biome-ignore lint/suspicious/noExplicitAny: the bundle's API, loaded by the page
        const sdk = (window as any).promiseVerify;
        const jwks = await (await fetch(`${nodeUrl}/.well-known/jwks.json`)).json();
        const keys = await sdk.pinKeys(jwks);
        const state = sdk.initialFeedState({ iss: nodeUrl, partnerId, keys });
        const page = await (await fetch(`${nodeUrl}/feed?after=0&limit=500`)).json();
        const { records, head } = await sdk.verifyFeedPage(state, page);
        const [header, payload, signature] = String(page.records[1]).split('.');
        const claims = JSON.parse(atob(String(payload).replaceAll('-', '+').replaceAll('_', '/')));
        claims.data.name = 'Another crisis line';
        const forged = btoa(JSON.stringify(claims))
          .replaceAll('+', '-')
          .replaceAll('/', '_')
          .replace(/=+$/, '');
        let tampered = 'accepted';
        try {
          await sdk.verifyRecord(`${header}.${forged}.${signature}`, { keys, iss: nodeUrl });
        } catch (error) {
          tampered = sdk.isProtocolError(error) ? (error as { code: string }).code : String(error);
        }
        return {
          bufferInPage: 'Buffer' in globalThis,
          seqs: records.map((record: { payload: { seq: number } }) => record.payload.seq),
          types: records.map((record: { payload: { type: string } }) => record.payload.type),
          headSeq: head.seq,
          tampered,
        };
      },
      { nodeUrl: node.url, partnerId: 'cpft' },
    );
    expect(verdict.bufferInPage).toBe(false);
    expect(verdict.types).toEqual(['partner', 'organisation', 'service', 'innovation']);
    expect(verdict.seqs).toEqual([1, 2, 3, 4]);
    expect(verdict.headSeq).toBe(4);
    expect(verdict.tampered).toBe('SIGNATURE_INVALID');
    expect(elsewhere.consoleErrors).toEqual([]);
  });

  it('reads the hub’s public search and records, and is refused its admin API', async () => {
    const outcome = await elsewhere.page.evaluate(
      async ({ hubUrl, token }) => {
        const input = encodeURIComponent(JSON.stringify({ q: 'sanctuary' }));
        const search = await (
          await fetch(`${hubUrl}/trpc/search.innovations?input=${input}`)
        ).json();
        const services = await (await fetch(`${hubUrl}/services?per_page=5`)).json();
        let admin = 'readable';
        try {
          await fetch(`${hubUrl}/trpc/admin.nodes.list`, {
            headers: { authorization: `Bearer ${token}` },
          });
        } catch (error) {
          admin = error instanceof TypeError ? 'blocked' : String(error);
        }
        return {
          titles: search.result.data.items.map((item: { title: string }) => item.title),
          services: services.contents.length,
          admin,
        };
      },
      { hubUrl: hub.url, token: OPERATOR_TOKEN },
    );
    expect(outcome).toEqual({ titles: ['Sanctuary night café'], services: 1, admin: 'blocked' });
  });

  it('is refused the node’s authoring API', async () => {
    const token = await node.node.createToken('browser test', 'editor');
    const outcome = await elsewhere.page.evaluate(
      async ({ nodeUrl, token }) => {
        try {
          await fetch(`${nodeUrl}/api/services`, { headers: { authorization: `Bearer ${token}` } });
          return 'readable';
        } catch (error) {
          return error instanceof TypeError ? 'blocked' : String(error);
        }
      },
      { nodeUrl: node.url, token },
    );
    expect(outcome).toBe('blocked');
    elsewhere.consoleErrors.length = 0;
  });
});
