import { describe, expect, it } from 'vitest';
import { organisation } from './fixtures.js';
import { createTestNode } from './test-node.js';

const seqOf = (jws: string): number =>
  (JSON.parse(Buffer.from(jws.split('.')[1] ?? '', 'base64url').toString()) as { seq: number }).seq;

describe('feed pages under concurrent writes', () => {
  it('never serve a record beyond the head they carry, whatever commits meanwhile', async () => {
    await using t = await createTestNode();
    const overruns: string[] = [];
    for (let round = 0; round < 60; round++) {
      const [, response] = await Promise.all([
        t.json('POST', '/api/organisations', { ...organisation, name: `Trust ${round}` }),
        t.call('GET', '/feed?after=0&limit=1000', undefined, { token: null }),
      ]);
      const page = (await response.json()) as { records: string[]; head: string };
      const head = seqOf(page.head);
      const last = seqOf(page.records.at(-1) ?? page.head);
      if (last > head) overruns.push(`round ${round}: record ${last} > head ${head}`);
    }
    expect(overruns).toEqual([]);
  });
});
