import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { GENESIS_HASH } from '@promise-global/schema';
import { type SigningKey, signingKeyFromSeed } from '@promise-global/sdk/keys';
import { recordHash } from '@promise-global/sdk/sign';
import { isProtocolError, pinKeys, verifyRecord } from '@promise-global/sdk/verify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrolAndApprove } from './support/enrol.js';
import { innovationData, partnerData, testUuid } from './support/fixtures.js';
import { type FeedBehaviour, type HostileNode, startHostileNode } from './support/hostile-node.js';
import { startTestHub } from './support/test-hub.js';
import { startTestNode } from './support/test-node.js';

interface Vector {
  id: string;
  input: { jws?: unknown };
  expect: { valid: boolean; error?: string };
}

const require = createRequire(import.meta.url);
const vectorsDir = require.resolve('@promise-global/sdk/vectors').replace(/index\.json$/, '');
const seeds = JSON.parse(await readFile(`${vectorsDir}index.json`, 'utf8')) as {
  keySeeds: Record<string, string>;
};
const recordVectors = (
  JSON.parse(await readFile(`${vectorsDir}record.json`, 'utf8')) as { vectors: Vector[] }
).vectors;
const seedKey = (name: string) =>
  signingKeyFromSeed(Buffer.from(seeds.keySeeds[name] ?? '', 'hex'));

let keyA: SigningKey;
let keyB: SigningKey;
let stranger: SigningKey;
beforeAll(async () => {
  keyA = await seedKey('nodeA');
  keyB = await seedKey('nodeB');
  stranger = await seedKey('attacker');
});

const cleanup: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const close of cleanup.splice(0).reverse()) await close();
});

/**
 * One harvesting round with a hostile node and a healthy one: the hostile node first serves its
 * genuine 3-record log, then misbehaves; the round must reject it with `code`, store nothing new
 * from it, and sync the healthy node fully.
 */
async function hostileRound(
  behaviour: (bad: HostileNode) => FeedBehaviour | Promise<FeedBehaviour>,
) {
  const { hub, operator } = await startTestHub({
    harvest: { timeouts: { connectMs: 1_000, firstByteMs: 1_000, totalMs: 1_500 } },
  });
  const bad = await startHostileNode('hostile', keyA);
  const good = await startTestNode({ partnerId: 'steady', key: keyB });
  try {
    await enrolAndApprove(operator, bad.url, bad.key.kid);
    await enrolAndApprove(operator, good.url, good.key.kid);
    await operator.syncNode({ partnerId: 'hostile' });
    await operator.syncNode({ partnerId: 'steady' });
    await good.publish('innovation', { ...innovationData('steady', 1) });
    bad.behaviour = await behaviour(bad);
    await hub.harvester.syncDue();
    const statuses = await operator.nodeStatus();
    const stored = await hub.db.$client.execute(
      "SELECT count(*) AS n FROM entries e JOIN nodes n ON n.id = e.node_id WHERE n.partner_id = 'hostile'",
    );
    return {
      hostile: statuses.find((status) => status.partnerId === 'hostile'),
      steady: statuses.find((status) => status.partnerId === 'steady'),
      hostileEntries: Number(stored.rows[0]?.n),
      goodHead: good.log.length,
    };
  } finally {
    await bad.close();
    await good.close();
    await hub.close();
  }
}

function expectIsolated(
  result: Awaited<ReturnType<typeof hostileRound>>,
  code: string,
  health = 'failing',
) {
  expect(result.hostile).toMatchObject({ health, cursorSeq: 3, lastError: { code } });
  expect(result.hostileEntries).toBe(3);
  expect(result.steady).toMatchObject({
    health: 'healthy',
    cursorSeq: result.goodHead,
    lastError: null,
  });
}

/** Vector faults found only after the issuer check, which this node's own URL fails first. */
const ISSUER_BOUND = new Set([
  'NAMESPACE_VIOLATION',
  'SCHEMA_MAJOR_UNKNOWN',
  'SCHEMA_INVALID',
  'CLAIMS_INVALID',
  'KEY_REVOKED',
  'NOT_YET_VALID',
  'IAT_MISSING',
]);

describe('a hostile node serving the SDK vectors’ invalid records', () => {
  const invalid = recordVectors.filter(
    (vector) => !vector.expect.valid && typeof vector.input.jws === 'string',
  );

  it.each(invalid.map((vector) => [vector.id, vector] as const))(
    'rejects %s',
    async (_id, vector) => {
      const jws = String(vector.input.jws);
      let expected = '';
      const result = await hostileRound(async (bad) => {
        // The hub's verdict must be the SDK's verdict under the hub's conditions (this node's URL,
        // pinned key, the other node's key as foreign), which for header-level faults is the vector's.
        expected = await verifyRecord(jws, {
          keys: await pinKeys({ keys: [keyA.publicJwk] }),
          iss: bad.url,
          partnerId: 'hostile',
          networkKids: new Map([[keyB.kid, 'steady']]),
        }).then(
          () => 'ACCEPTED',
          (error: unknown) => (isProtocolError(error) ? error.code : 'THREW'),
        );
        return {
          kind: 'page',
          page: async () => ({ records: [jws], head: await bad.head(4, recordHash(jws)) }),
        };
      });
      expect(expected).not.toBe('ACCEPTED');
      if (!ISSUER_BOUND.has(vector.expect.error ?? '')) expect(expected).toBe(vector.expect.error);
      expectIsolated(result, expected);
    },
  );
});

describe('a hostile node breaking the chain', () => {
  const at = (log: string[], seq: number) =>
    seq === 0 ? GENESIS_HASH : recordHash(log[seq - 1] ?? '');
  const now = () => Math.floor(Date.now() / 1000);
  const cases: [string, string, (bad: HostileNode) => Promise<unknown>][] = [
    [
      'a gap',
      'CHAIN_GAP',
      async (bad) => {
        const r5 = await bad.record(5, at(bad.log, 3));
        return { records: [r5], head: await bad.head(5, recordHash(r5)) };
      },
    ],
    [
      'a rolled-back record',
      'ROLLBACK',
      async (bad) => ({ records: [bad.log[1]], head: await bad.head(3, at(bad.log, 3)) }),
    ],
    [
      'a rolled-back head',
      'ROLLBACK',
      // Newer than the head the hub accepted: the node's key signed it, no replay could.
      async (bad) => ({
        records: [],
        head: await bad.head(2, at(bad.log, 2), { iat: now() + 1, exp: now() + 60 }),
      }),
    ],
    [
      'a forked record',
      'CHAIN_FORK',
      async (bad) => {
        const fork = await bad.record(3, at(bad.log, 2), { rev: 99 });
        return { records: [fork], head: await bad.head(3, recordHash(fork)) };
      },
    ],
    [
      'a forked head',
      'CHAIN_FORK',
      async (bad) => ({ records: [], head: await bad.head(3, at(bad.log, 1)) }),
    ],
    [
      'a broken prev link',
      'CHAIN_BROKEN',
      async (bad) => {
        const r4 = await bad.record(4, GENESIS_HASH);
        return { records: [r4], head: await bad.head(4, recordHash(r4)) };
      },
    ],
    [
      'a duplicate record',
      'DUPLICATE_RECORD',
      async (bad) => ({ records: [bad.log[2]], head: await bad.head(3, at(bad.log, 3)) }),
    ],
    [
      'a replayed head',
      'HEAD_REPLAYED',
      async (bad) => ({
        records: [],
        head: await bad.head(3, at(bad.log, 3), { iat: now() - 100, exp: now() + 10 }),
      }),
    ],
    [
      'a head behind its records',
      'HEAD_MISMATCH',
      async (bad) => {
        const r4 = await bad.record(4, at(bad.log, 3));
        const r5 = await bad.record(5, recordHash(r4));
        return { records: [r4, r5], head: await bad.head(4, recordHash(r4)) };
      },
    ],
    [
      'a head whose hash differs',
      'HEAD_MISMATCH',
      async (bad) => {
        const r4 = await bad.record(4, at(bad.log, 3));
        return { records: [r4], head: await bad.head(4, at(bad.log, 3)) };
      },
    ],
    [
      'an expired head',
      'EXPIRED',
      async (bad) => ({
        records: [],
        head: await bad.head(3, at(bad.log, 3), { iat: now() - 400, exp: now() - 200 }),
      }),
    ],
    [
      'a record signed by an unpinned key',
      'UNKNOWN_KID',
      async (bad) => {
        const r4 = await bad.record(4, at(bad.log, 3), {}, stranger);
        return { records: [r4], head: await bad.head(4, recordHash(r4)) };
      },
    ],
    [
      'a repeated rev (rev 3 of the organisation again)',
      'REV_INVALID',
      async (bad) => {
        const r4 = await bad.record(4, at(bad.log, 3), { rev: 3 });
        return { records: [r4], head: await bad.head(4, recordHash(r4)) };
      },
    ],
    [
      'a skipped rev (rev 5 after rev 3)',
      'REV_INVALID',
      async (bad) => {
        const r4 = await bad.record(4, at(bad.log, 3), { rev: 5 });
        return { records: [r4], head: await bad.head(4, recordHash(r4)) };
      },
    ],
    [
      'a first version with rev 2',
      'REV_INVALID',
      async (bad) => {
        const partner = partnerData('hostile', bad.url);
        const r4 = await bad.record(4, at(bad.log, 3), {
          type: 'partner',
          id: partner.id,
          rev: 2,
          data: partner,
        });
        return { records: [r4], head: await bad.head(4, recordHash(r4)) };
      },
    ],
    [
      'a tombstone for a record never published',
      'TOMBSTONE_UNKNOWN',
      async (bad) => {
        const r4 = await bad.record(4, at(bad.log, 3), {
          type: 'service',
          id: testUuid('hostile/never-published'),
          rev: 1,
          data: undefined,
          tombstone: { reason: 'deleted' },
        });
        return { records: [r4], head: await bad.head(4, recordHash(r4)) };
      },
    ],
    [
      'a version after the tombstone in the same page',
      'RECORD_AFTER_TOMBSTONE',
      async (bad) => {
        const r4 = await bad.record(4, at(bad.log, 3), {
          data: undefined,
          tombstone: { reason: 'deleted' },
        });
        const r5 = await bad.record(5, recordHash(r4));
        return { records: [r4, r5], head: await bad.head(5, recordHash(r5)) };
      },
    ],
    [
      'something that is not a page',
      'PAGE_INVALID',
      async () => ({ records: 'all of them', head: 7 }),
    ],
    [
      'more records than the limit the hub asked for (501 for limit=500)',
      'PAGE_TOO_LARGE',
      async (bad) => ({
        records: Array.from({ length: 501 }, () => 'x'),
        head: await bad.head(3, at(bad.log, 3)),
      }),
    ],
    [
      'too many records',
      'PAGE_TOO_LARGE',
      async (bad) => ({
        records: Array.from({ length: 1_001 }, () => 'x'),
        head: await bad.head(3, at(bad.log, 3)),
      }),
    ],
  ];

  // Two histories signed by the node's pinned key (§7.5) wait for an operator; a replayed old
  // record or head, or anything else a party in the path could serve, is retried on the backoff.
  const signedEvidence = new Set([
    'a rolled-back head',
    'a forked record',
    'a forked head',
    'a broken prev link',
  ]);

  it.each(cases)('rejects %s with %s', async (name, code, page) => {
    const result = await hostileRound((bad) => ({ kind: 'page', page: () => page(bad) }));
    expectIsolated(result, code, signedEvidence.has(name) ? 'needs-attention' : 'failing');
  });
});

describe('a hostile node breaking HTTP', () => {
  const faults: [string, string, (req: IncomingMessage, res: ServerResponse) => void][] = [
    [
      'a slow drip',
      'TOTAL_TIMEOUT',
      (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        const drip = setInterval(() => res.write(' '), 50);
        res.on('close', () => clearInterval(drip));
      },
    ],
    [
      'a body that never ends',
      'RESPONSE_TOO_LARGE',
      (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        const chunk = Buffer.alloc(64 * 1024, 0x20);
        const pump = () => {
          while (res.write(chunk)) {}
        };
        res.on('drain', pump);
        pump();
      },
    ],
    [
      'a 10 MB page',
      'RESPONSE_TOO_LARGE',
      (_req, res) => {
        const body = JSON.stringify({ records: ['x'.repeat(10 * 1024 * 1024)], head: '' });
        res.writeHead(200, {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
        });
        res.end(body);
      },
    ],
    [
      'a redirect loop',
      'TOO_MANY_REDIRECTS',
      (req, res) => {
        res.writeHead(302, { location: req.url ?? '/feed' });
        res.end();
      },
    ],
    [
      'an HTML 500',
      'HTTP_STATUS',
      (_req, res) => {
        res.writeHead(500, { 'content-type': 'text/html' });
        res.end('<html><body>Internal Server Error</body></html>');
      },
    ],
    [
      'the wrong content type',
      'WRONG_CONTENT_TYPE',
      (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end('{"records":[],"head":""}');
      },
    ],
    [
      'a reset connection',
      'CONNECTION_RESET',
      (req) => {
        req.socket.resetAndDestroy();
      },
    ],
    ['silence', 'FIRST_BYTE_TIMEOUT', () => {}],
  ];

  it.each(faults)('rejects %s with %s', async (_name, code, handle) => {
    const result = await hostileRound(() => ({ kind: 'raw', handle }));
    expectIsolated(result, code);
  });
});
