import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hub } from '../src/create-hub.js';
import { startTestHub } from './support/test-hub.js';

let hub: Hub;
beforeAll(async () => {
  ({ hub } = await startTestHub());
});
afterAll(() => hub.close());

/**
 * Streams a chunked body of up to `totalBytes` to `path` until the hub answers; resolves with the
 * status and how many bytes had been written when the answer came.
 */
function streamUntilAnswered(path: string, totalBytes: number) {
  return new Promise<{ status: number; written: number }>((resolve, reject) => {
    const chunk = Buffer.alloc(64 * 1024, 'a');
    let written = 0;
    let answered = false;
    const req = request(`${hub.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
    });
    req.on('response', (res) => {
      answered = true;
      res.resume();
      resolve({ status: res.statusCode ?? 0, written });
      req.destroy();
    });
    req.on('error', (error) => {
      if (!answered) reject(error);
    });
    const pump = () => {
      while (!answered && written < totalBytes) {
        written += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      if (!answered) req.end();
    };
    pump();
  });
}

describe('request body limits', () => {
  it('refuses a 50 MB ping with 413 before reading it', async () => {
    const declared = await new Promise<number>((resolve, reject) => {
      const req = request(`${hub.url}/ping`, {
        method: 'POST',
        headers: { 'content-length': String(50 * 2 ** 20) },
      });
      req.on('response', (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
        req.destroy();
      });
      req.on('error', reject);
      req.write('x'.repeat(1024));
    });
    expect(declared).toBe(413);
    const streamed = await streamUntilAnswered('/ping', 50 * 2 ** 20);
    expect(streamed.status).toBe(413);
    expect(streamed.written).toBeLessThan(16 * 2 ** 20);
  });

  it('refuses an oversized subscription request with 413 while reading it', async () => {
    const streamed = await streamUntilAnswered('/trpc/subscriptions.request', 50 * 2 ** 20);
    expect(streamed.status).toBe(413);
    expect(streamed.written).toBeLessThan(16 * 2 ** 20);
    const declared = await fetch(`${hub.url}/trpc/subscriptions.request`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'a@example.org', padding: 'x'.repeat(100 * 1024) }),
    });
    expect(declared.status).toBe(413);
    expect(await declared.json()).toMatchObject({ error: { code: 'PAYLOAD_TOO_LARGE' } });
  });

  it('answers a batch of at most ten tRPC calls and refuses a larger one', async () => {
    const batch = (size: number) => {
      const paths = Array.from({ length: size }, () => 'search.innovations').join(',');
      const input = Object.fromEntries(Array.from({ length: size }, (_, i) => [i, { q: 'x' }]));
      return fetch(
        `${hub.url}/trpc/${paths}?batch=1&input=${encodeURIComponent(JSON.stringify(input))}`,
      );
    };
    expect((await batch(10)).status).toBe(200);
    expect((await batch(11)).status).toBe(400);
    expect((await batch(100)).status).toBe(400);
  });
});
