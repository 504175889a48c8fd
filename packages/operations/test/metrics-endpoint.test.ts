import { afterEach, describe, expect, it } from 'vitest';
import { listenMetrics, type MetricsListener, metricsTokenMatches } from '../src/index.js';

const TOKEN = 'metrics-token-0123456789abcdef';
let scrapes = 0;
let failing = false;
const source = {
  contentType: 'text/plain; version=0.0.4; charset=utf-8',
  async metrics() {
    if (failing) throw new Error('database closed');
    scrapes++;
    return `# TYPE scrapes_total counter\nscrapes_total ${scrapes}\n`;
  },
};
let listener: MetricsListener | undefined;

afterEach(async () => {
  await listener?.close();
  listener = undefined;
  failing = false;
});

describe('the metrics token check', () => {
  it('accepts exactly the bearer token, the scheme in any case', () => {
    expect(metricsTokenMatches(`Bearer ${TOKEN}`, TOKEN)).toBe(true);
    expect(metricsTokenMatches(`bearer ${TOKEN}`, TOKEN)).toBe(true);
    expect(metricsTokenMatches(`BEARER   ${TOKEN}  `, TOKEN)).toBe(true);
  });

  it('refuses anything else: no header, another scheme, a prefix, a longer token, two tokens', () => {
    for (const header of [
      undefined,
      null,
      '',
      'Bearer',
      'Bearer ',
      TOKEN,
      `Basic ${TOKEN}`,
      `Bearer ${TOKEN.slice(0, -1)}`,
      `Bearer ${TOKEN}x`,
      `Bearer ${TOKEN.toUpperCase()}`,
      `Bearer ${TOKEN} ${TOKEN}`,
      `Bearer x${TOKEN}`,
    ]) {
      expect(metricsTokenMatches(header, TOKEN), String(header)).toBe(false);
    }
  });
});

describe('the metrics listener', () => {
  it('serves GET /metrics alone on its own loopback port, and 404 elsewhere', async () => {
    listener = await listenMetrics({ host: '127.0.0.1', port: 0, source });
    expect(listener.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
    const first = await fetch(listener.url);
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe(source.contentType);
    const before = Number(/scrapes_total (\d+)/.exec(await first.text())?.[1]);
    const second = await (await fetch(listener.url)).text();
    expect(Number(/scrapes_total (\d+)/.exec(second)?.[1])).toBe(before + 1);
    expect((await fetch(listener.url.replace('/metrics', '/'))).status).toBe(404);
    expect((await fetch(listener.url.replace('/metrics', '/feed'))).status).toBe(404);
    expect((await fetch(listener.url, { method: 'POST' })).status).toBe(405);
  });

  it('asks for the token when one is set, and counts each refusal', async () => {
    let refused = 0;
    listener = await listenMetrics({
      host: '127.0.0.1',
      port: 0,
      source,
      token: TOKEN,
      onRefused: () => refused++,
    });
    const without = await fetch(listener.url);
    expect(without.status).toBe(401);
    expect(without.headers.get('www-authenticate')).toBe('Bearer realm="metrics"');
    expect(await without.text()).not.toContain('scrapes_total');
    const wrong = await fetch(listener.url, { headers: { authorization: `Bearer ${TOKEN}0` } });
    expect(wrong.status).toBe(401);
    expect(refused).toBe(2);
    const right = await fetch(listener.url, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(right.status).toBe(200);
    expect(await right.text()).toContain('scrapes_total');
    expect(refused).toBe(2);
  });

  it('answers 503 and reports the error when the metrics cannot be collected', async () => {
    const errors: unknown[] = [];
    listener = await listenMetrics({
      host: '127.0.0.1',
      port: 0,
      source,
      onError: (error) => errors.push(error),
    });
    failing = true;
    const response = await fetch(listener.url);
    expect(response.status).toBe(503);
    expect(await response.text()).not.toContain('database closed');
    expect(errors).toHaveLength(1);
  });

  it('refuses a port in use', async () => {
    listener = await listenMetrics({ host: '127.0.0.1', port: 0, source });
    const port = Number(new URL(listener.url).port);
    await expect(listenMetrics({ host: '127.0.0.1', port, source })).rejects.toMatchObject({
      code: 'EADDRINUSE',
      message: `127.0.0.1:${port} is in use: stop what listens there or set another metrics port`,
    });
  });
});
