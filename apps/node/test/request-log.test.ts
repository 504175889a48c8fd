import { Writable } from 'node:stream';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { createNode } from '../src/node.js';
import { organisation, partnerProfile } from './fixtures.js';

describe('request logs', () => {
  it('writes one structured line per request with status and duration, and no token', async () => {
    const lines: Record<string, unknown>[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString().split('\n').filter(Boolean))
          lines.push(JSON.parse(line));
        done();
      },
    });
    await using node = await createNode(
      {
        partnerId: 'fenland',
        databaseUrl: ':memory:',
        publicUrl: 'https://fenland.example.org',
        partner: partnerProfile,
      },
      { logger: pino({ level: 'info' }, sink) },
    );
    const token = await node.createToken('editor', 'editor');
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    await node.app.request('/api/organisations', {
      method: 'POST',
      headers,
      body: JSON.stringify(organisation),
    });
    await node.app.request('/api/organisations?secret=hidden', { headers });
    await node.app.request('/api/organisations', {
      headers: { authorization: 'Bearer pnt_wrong' },
    });

    const requests = lines.filter((line) => line.msg === 'request');
    expect(requests.map((line) => [line.method, line.path, line.status])).toEqual([
      ['POST', '/api/organisations', 201],
      ['GET', '/api/organisations', 200],
      ['GET', '/api/organisations', 401],
    ]);
    for (const line of requests) expect(typeof line.durationMs).toBe('number');
    const everything = JSON.stringify(lines);
    expect(everything).not.toContain(token);
    expect(everything).not.toContain('pnt_wrong');
    expect(everything).not.toContain('hidden');
  });
});
