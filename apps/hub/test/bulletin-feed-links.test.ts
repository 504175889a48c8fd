import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HubClient } from '@promise-global/sdk/client/hub';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHub, type Hub } from '../src/create-hub.js';
import { startSmtpSink } from '../src/project52/test-support/smtp-sink.js';
import { readFeed } from '../src/syndication/test-support/read-feed.js';
import { enrolAndApprove } from './support/enrol.js';
import { innovationData, testUuid } from './support/fixtures.js';
import { project52Config } from './support/project52.js';
import { OPERATOR_TOKEN } from './support/test-hub.js';
import { startTestNode, type TestNode } from './support/test-node.js';

const OLD_PORTAL = 'https://portal.example.org';
const NEW_PORTAL = 'https://network.example.org/portal';
const piece = testUuid('cpft/innovation/1');
const alsoNew = testUuid('cpft/innovation/2');

let dir: string;
let node: TestNode;
let sink: Awaited<ReturnType<typeof startSmtpSink>>;
let week: string;
const closers: (() => Promise<void>)[] = [];

async function startHub(portal: { portalUrl?: string; p52PortalUrl: string }): Promise<Hub> {
  const hub = await createHub({
    database: { url: `file:${join(dir, 'hub.db')}` },
    allowPrivateHosts: ['127.0.0.1'],
    bootstrapOperatorToken: OPERATOR_TOKEN,
    logLevel: 'silent',
    harvest: { schedule: false },
    portalUrl: portal.portalUrl,
    project52: { ...project52Config(sink.port), portalUrl: portal.p52PortalUrl },
  });
  await hub.start();
  return hub;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'promise-bulletin-links-'));
  sink = await startSmtpSink();
  node = await startTestNode({ partnerId: 'cpft' });
  closers.push(sink.close, node.close);
  await node.publish('innovation', {
    ...innovationData('cpft', 1, { status: 'submitted', submittedAt: '2026-01-05T09:00:00Z' }),
    publishedAt: undefined,
  });
  await node.publish('innovation', { ...innovationData('cpft', 2) });
  // The bulletin goes out while the portal lives at its old address (set where it used to be).
  const hub = await startHub({ p52PortalUrl: OLD_PORTAL });
  const operator = new HubClient({ baseUrl: hub.url, token: OPERATOR_TOKEN });
  await enrolAndApprove(operator, node.url, node.key.kid);
  await operator.syncNode({ partnerId: 'cpft' });
  await operator.approvePiece({ partnerId: 'cpft', recordId: piece });
  const pass = await hub.project52Pass();
  week = pass?.started?.week ?? '';
  expect(week).not.toBe('');
  await hub.close();
});

afterAll(async () => {
  for (const close of closers.reverse()) await close();
  await rm(dir, { recursive: true, force: true });
});

describe('bulletin feeds after the portal moved', () => {
  let hub: Hub;
  beforeAll(async () => {
    hub = await startHub({ portalUrl: NEW_PORTAL, p52PortalUrl: OLD_PORTAL });
    closers.push(() => hub.close());
  });

  it('link the week and its pieces to the portal as configured now, keeping each item’s id', async () => {
    for (const [file, format] of [
      ['rss.xml', 'rss'],
      ['atom.xml', 'atom'],
      ['feed.json', 'json'],
    ] as const) {
      const response = await fetch(`${hub.url}/bulletins/${file}`);
      expect(response.status).toBe(200);
      const body = await response.text();
      const feed = readFeed(body, format);
      expect(feed.homePage, format).toBe(`${NEW_PORTAL}/bulletins`);
      expect(
        feed.items.map((item) => [item.id, item.link]),
        format,
      ).toEqual([[`${OLD_PORTAL}/bulletins/${week}`, `${NEW_PORTAL}/bulletins/${week}`]]);
      expect(body, format).toContain(`${NEW_PORTAL}/innovations/cpft/${alsoNew}`);
      expect(body.replaceAll(`${OLD_PORTAL}/bulletins/${week}`, ''), format).not.toContain(
        OLD_PORTAL,
      );
    }
  });

  it('show the archive and the week’s page with today’s portal links', async () => {
    const client = new HubClient({ baseUrl: hub.url });
    const [sent] = await client.bulletins();
    expect(sent?.url).toBe(`${NEW_PORTAL}/bulletins/${week}`);
    const page = await client.bulletin({ week });
    expect(page?.piece.url).toBe(`${NEW_PORTAL}/innovations/cpft/${piece}`);
    expect(page?.alsoNew.pieces.map((item) => item.url)).toEqual([
      `${NEW_PORTAL}/innovations/cpft/${alsoNew}`,
    ]);
    expect(page?.html).not.toContain(OLD_PORTAL);
  });

  it('answer 304 to a reader whose copy is current', async () => {
    for (const file of ['rss.xml', 'atom.xml', 'feed.json']) {
      const first = await fetch(`${hub.url}/bulletins/${file}`);
      const etag = first.headers.get('etag') ?? '';
      const again = await fetch(`${hub.url}/bulletins/${file}`, {
        headers: { 'if-none-match': etag },
      });
      expect(again.status, file).toBe(304);
      const byDate = await fetch(`${hub.url}/bulletins/${file}`, {
        headers: { 'if-modified-since': first.headers.get('last-modified') ?? '' },
      });
      expect(byDate.status, file).toBe(304);
    }
  });
});
