import { generateSigningKey } from '@promise-global/sdk/keys';
import { signPing } from '@promise-global/sdk/sign';
import { afterEach, describe, expect, it } from 'vitest';
import { sample, scrape as scrapeWith } from '../../../e2e/support/metrics-scrape.js';
import type { HubConfigInput } from '../src/config/config.js';
import { enrolAndApprove } from './support/enrol.js';
import { innovationData, organisationData, serviceData } from './support/fixtures.js';
import { eventually, OPERATOR_TOKEN, startTestHub } from './support/test-hub.js';
import { startTestNode } from './support/test-node.js';

const TOKEN = 'hub-metrics-token-0123456789abcdef';
const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of cleanup.splice(0).reverse()) await close();
});

async function hubWith(overrides: HubConfigInput) {
  const started = await startTestHub(overrides);
  cleanup.push(() => started.hub.close());
  return started;
}

const scrape = (url: string, token: string | undefined = TOKEN) => scrapeWith(url, token);

describe('hub metrics', () => {
  it('are not served without a token or a metrics port', async () => {
    const { hub } = await hubWith({});
    expect((await fetch(`${hub.url}/metrics`)).status).toBe(404);
    const operator = { authorization: `Bearer ${OPERATOR_TOKEN}` };
    expect((await fetch(`${hub.url}/metrics`, { headers: operator })).status).toBe(404);
    expect(hub.metricsUrl).toBeNull();
  });

  it('answer only the metrics token on the public listener, and refuse a guesser with 429', async () => {
    const { hub } = await hubWith({
      metrics: { token: TOKEN },
      limits: { authFailuresPerClient: [{ limit: 3, windowSeconds: 60 }] },
    });
    const url = `${hub.url}/metrics`;
    const none = await fetch(url);
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toBe('Bearer realm="metrics"');
    expect(await none.text()).not.toContain('promise_hub');
    for (const wrong of [`Bearer ${OPERATOR_TOKEN}`, `Bearer ${TOKEN.slice(0, -1)}`]) {
      expect((await fetch(url, { headers: { authorization: wrong } })).status).toBe(401);
    }
    const limited = await fetch(url, { headers: { authorization: `Bearer ${TOKEN}x` } });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
    // A valid token is never refused for others' failures.
    const text = await scrape(url);
    expect(text).toContain('# TYPE promise_hub_search_duration_seconds histogram');
    expect(text).toContain('process_resident_memory_bytes');
  });

  it('serve on a loopback port of their own, and not on the public listener', async () => {
    const { hub } = await hubWith({ metrics: { port: 0, token: TOKEN } });
    expect(hub.metricsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
    expect(new URL(hub.metricsUrl ?? '').port).not.toBe(new URL(hub.url).port);
    const headers = { authorization: `Bearer ${TOKEN}` };
    expect((await fetch(`${hub.url}/metrics`, { headers })).status).toBe(404);
    expect((await fetch(hub.metricsUrl ?? '')).status).toBe(401);
    expect(await scrape(hub.metricsUrl ?? '')).toContain('promise_hub_syncs_total');
    await hub.close();
    await expect(fetch(hub.metricsUrl ?? '')).rejects.toThrow();
  });

  it('count pings by outcome and code, records harvested, syncs and per-node lag', async () => {
    const { hub, operator } = await hubWith({
      metrics: { token: TOKEN },
      harvest: { pageLimit: 1, maxPagesPerSync: 2 },
    });
    const node = await startTestNode({ partnerId: 'fenland' });
    cleanup.push(() => node.close());
    await node.publish('organisation', { ...organisationData('fenland') });
    const url = `${hub.url}/metrics`;

    // Not a member yet: refused, and counted by the hub's code.
    expect((await node.ping(hub.url)).status).toBe(400);
    let text = await scrape(url);
    expect(sample(text, 'promise_hub_pings_total{outcome="refused",code="ISSUER_UNKNOWN"}')).toBe(
      1,
    );
    expect((await fetch(`${hub.url}/ping`, { method: 'POST', body: 'not a jws' })).status).toBe(
      400,
    );
    const stranger = await generateSigningKey();
    const forged = await signPing(stranger, { iss: node.url, aud: hub.url, seq: 1 });

    await enrolAndApprove(operator, node.url, node.key.kid);
    await operator.syncNode({ partnerId: 'fenland' });
    const synced = 'promise_hub_syncs_total{source="node",outcome="synced",code=""}';
    const before = sample(await scrape(url), synced) ?? 0;
    expect(before).toBeGreaterThan(0);
    for (let i = 1; i <= 4; i++) await node.publish('innovation', innovationData('fenland', i));
    // Two pages of one record per sync: the hub is behind the node's head by what is left.
    expect((await node.ping(hub.url)).status).toBe(202);
    text = await eventually(async () => {
      const now = await scrape(url);
      expect(sample(now, synced)).toBe(before + 1);
      return now;
    });
    expect(sample(text, 'promise_hub_pings_total{outcome="accepted",code=""}')).toBe(1);
    expect(sample(text, 'promise_hub_records_harvested_total{source="node"}')).toBe(4);
    expect(sample(text, 'promise_hub_node_lag{partner="fenland"}')).toBe(2);

    expect((await fetch(`${hub.url}/ping`, { method: 'POST', body: forged })).status).toBe(400);
    await operator.syncNode({ partnerId: 'fenland' });
    text = await scrape(url);
    expect(sample(text, 'promise_hub_records_harvested_total{source="node"}')).toBe(6);
    expect(sample(text, 'promise_hub_node_lag{partner="fenland"}')).toBe(0);
    expect(text).toMatch(/^promise_hub_pings_total\{outcome="refused",code="[A-Z_]+"\} \d+$/m);
    const refused = text
      .split('\n')
      .filter((line) => line.startsWith('promise_hub_pings_total{outcome="refused"'))
      .reduce((sum, line) => sum + Number(line.split(' ').at(-1)), 0);
    expect(refused).toBe(3);

    // A node that stops answering: the failure is counted under its code.
    await node.close();
    const failed = await operator.syncNode({ partnerId: 'fenland' });
    const code = failed.lastError?.code;
    expect(code).toMatch(/^[A-Z_]+$/);
    text = await scrape(url);
    expect(
      sample(text, `promise_hub_syncs_total{source="node",outcome="failed",code="${code}"}`),
    ).toBe(1);
  });

  it('time searches over tRPC and REST in the search latency histogram', async () => {
    const { hub, client, operator } = await hubWith({ metrics: { token: TOKEN } });
    const node = await startTestNode({ partnerId: 'fenland' });
    cleanup.push(() => node.close());
    await node.publish('organisation', { ...organisationData('fenland') });
    await node.publish('service', { ...serviceData('fenland', 1) });
    await node.publish('innovation', innovationData('fenland', 1, { title: 'Harbour walk' }));
    await enrolAndApprove(operator, node.url, node.key.kid);
    await operator.syncNode({ partnerId: 'fenland' });
    const url = `${hub.url}/metrics`;
    const count = (text: string, labels: string) =>
      sample(text, `promise_hub_search_duration_seconds_count{${labels}}`) ?? 0;
    const before = await scrape(url);
    expect(count(before, 'index="innovations",api="trpc"')).toBe(0);

    expect((await client.searchInnovations({ q: 'harbour' })).items).toHaveLength(1);
    await client.searchServices({});
    const rest = await fetch(`${hub.url}/services?search=crisis`);
    expect(rest.status).toBe(200);

    const after = await scrape(url);
    expect(count(after, 'index="innovations",api="trpc"')).toBe(1);
    expect(count(after, 'index="services",api="trpc"')).toBe(1);
    expect(count(after, 'index="services",api="rest"')).toBe(1);
    const sum = sample(
      after,
      'promise_hub_search_duration_seconds_sum{index="innovations",api="trpc"}',
    );
    expect(sum).toBeGreaterThan(0);
    expect(
      sample(
        after,
        'promise_hub_search_duration_seconds_bucket{le="+Inf",index="innovations",api="trpc"}',
      ),
    ).toBe(1);
  });
});
