import { afterEach, describe, expect, it } from 'vitest';
import { sample, scrape as scrapeWith } from '../../../e2e/support/metrics-scrape.js';
import type { NodeConfigInput } from '../src/config/config.js';
import { createNode, type PromiseNode } from '../src/node.js';
import { organisation, partnerProfile } from './fixtures.js';

const TOKEN = 'node-metrics-token-0123456789abcdef';
const nodes: PromiseNode[] = [];
afterEach(async () => {
  for (const node of nodes.splice(0)) await node.close();
});

/** A real node on a loopback port, with an in-memory database. */
async function startNode(overrides: Partial<NodeConfigInput> = {}): Promise<PromiseNode> {
  const node = await createNode({
    partnerId: 'fenland',
    databaseUrl: ':memory:',
    host: '127.0.0.1',
    port: 0,
    logLevel: 'silent',
    partner: partnerProfile,
    ...overrides,
  });
  nodes.push(node);
  await node.start();
  return node;
}

const scrape = (url: string, token: string | undefined = TOKEN) => scrapeWith(url, token);

describe('node metrics', () => {
  it('are not served without a metrics token or a metrics port', async () => {
    const node = await startNode();
    const editor = await node.createToken('editor', 'editor');
    expect((await fetch(`${node.url}/metrics`)).status).toBe(404);
    const withToken = await fetch(`${node.url}/metrics`, {
      headers: { authorization: `Bearer ${editor}` },
    });
    expect(withToken.status).toBe(404);
    expect(node.metricsUrl).toBeNull();
  });

  it('answer only the metrics token, count each refusal, and refuse a guesser with 429', async () => {
    const node = await startNode({ metricsToken: TOKEN, authFailureLimit: 3 });
    const admin = await node.createToken('admin', 'admin');
    const url = `${node.url}/metrics`;
    const none = await fetch(url);
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toBe('Bearer realm="metrics"');
    expect(await none.text()).not.toContain('promise_node');
    // An API token, even an admin's, is not the metrics token.
    for (const wrong of [`Bearer ${admin}`, `Bearer ${TOKEN.slice(0, -1)}`]) {
      expect((await fetch(url, { headers: { authorization: wrong } })).status).toBe(401);
    }
    const limited = await fetch(url, { headers: { authorization: `Bearer ${TOKEN}x` } });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
    // The right token is never refused for others' failures.
    const text = await scrape(url);
    expect(sample(text, 'promise_node_auth_failures_total{reason="metrics_token_invalid"}')).toBe(
      4,
    );
    expect(text).toContain('process_resident_memory_bytes');
  });

  it('count feed requests by status, feed records by type, and failed authentication by reason', async () => {
    const node = await startNode({ metricsToken: TOKEN });
    const url = `${node.url}/metrics`;
    let text = await scrape(url);
    expect(sample(text, 'promise_node_feed_records{type="partner"}')).toBe(1);
    expect(sample(text, 'promise_node_feed_head_seq')).toBe(1);
    expect(sample(text, 'promise_node_feed_requests_total{status="200"}')).toBeUndefined();

    const page = await fetch(`${node.url}/feed`);
    expect(page.status).toBe(200);
    const etag = page.headers.get('etag') ?? '';
    await page.body?.cancel();
    const unchanged = await fetch(`${node.url}/feed`, { headers: { 'if-none-match': etag } });
    expect(unchanged.status).toBe(304);
    expect((await fetch(`${node.url}/feed?limit=0`)).status).toBe(400);

    const editor = await node.createToken('editor', 'editor');
    const created = await fetch(`${node.url}/api/organisations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${editor}`, 'content-type': 'application/json' },
      body: JSON.stringify(organisation),
    });
    expect(created.status).toBe(201);
    expect((await fetch(`${node.url}/api/organisations`)).status).toBe(401);
    const bad = { authorization: 'Bearer pnt_not-a-token' };
    expect((await fetch(`${node.url}/api/organisations`, { headers: bad })).status).toBe(401);
    const asEditor = { authorization: `Bearer ${editor}` };
    expect((await fetch(`${node.url}/api/tokens`, { headers: asEditor })).status).toBe(403);

    text = await scrape(url);
    expect(sample(text, 'promise_node_feed_requests_total{status="200"}')).toBe(1);
    expect(sample(text, 'promise_node_feed_requests_total{status="304"}')).toBe(1);
    expect(sample(text, 'promise_node_feed_requests_total{status="400"}')).toBe(1);
    expect(sample(text, 'promise_node_feed_records{type="organisation"}')).toBe(1);
    expect(sample(text, 'promise_node_feed_head_seq')).toBe(2);
    for (const reason of ['credential_missing', 'token_invalid', 'role_insufficient']) {
      expect(sample(text, `promise_node_auth_failures_total{reason="${reason}"}`), reason).toBe(1);
    }
  });

  it('serve on a loopback port of their own, and not on the public listener', async () => {
    const node = await startNode({ metricsPort: 0, metricsToken: TOKEN });
    const metricsUrl = node.metricsUrl ?? '';
    expect(metricsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
    expect(new URL(metricsUrl).port).not.toBe(new URL(node.url).port);
    const headers = { authorization: `Bearer ${TOKEN}` };
    expect((await fetch(`${node.url}/metrics`, { headers })).status).toBe(404);
    expect((await fetch(metricsUrl)).status).toBe(401);
    expect((await fetch(metricsUrl.replace('/metrics', '/feed'), { headers })).status).toBe(404);
    const text = await scrape(metricsUrl);
    expect(sample(text, 'promise_node_auth_failures_total{reason="metrics_token_invalid"}')).toBe(
      1,
    );
    await node.close();
    await expect(fetch(metricsUrl)).rejects.toThrow();
  });

  it('count pings a hub never answered', async () => {
    const node = await startNode({
      metricsPort: 0,
      hubUrl: 'http://127.0.0.1:9',
      pingRetries: 1,
      pingBackoffMs: 1,
    });
    const editor = await node.createToken('editor', 'editor');
    await node.context.pinger.idle();
    const before = await scrape(node.metricsUrl ?? '', undefined);
    const count = (text: string, name: string) => sample(text, name) ?? 0;
    await fetch(`${node.url}/api/organisations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${editor}`, 'content-type': 'application/json' },
      body: JSON.stringify(organisation),
    });
    await node.context.pinger.idle();
    const after = await scrape(node.metricsUrl ?? '', undefined);
    // One ping for the new record: the first attempt and one retry, neither answered.
    for (const name of ['promise_node_pings_sent_total', 'promise_node_pings_unanswered_total']) {
      expect(count(after, name) - count(before, name), name).toBe(2);
    }
    expect(after).not.toContain('promise_node_pings_refused_total{');
  });
});
