import { request } from 'node:http';
import { generateSigningKey } from '@promise-global/sdk/keys';
import { recordHash, signPing } from '@promise-global/sdk/sign';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hub } from '../src/create-hub.js';
import { nodes } from '../src/db/schema/index.js';
import { startSmtpSink } from '../src/project52/test-support/smtp-sink.js';
import { enrolAndApprove } from './support/enrol.js';
import { innovationData } from './support/fixtures.js';
import { startHostileNode } from './support/hostile-node.js';
import { project52Config } from './support/project52.js';
import { eventually, startTestHub } from './support/test-hub.js';
import { startTestNode } from './support/test-node.js';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A POST sent from a chosen loopback address (Linux routes all of 127.0.0.0/8 to loopback). */
function postFrom(
  localAddress: string,
  url: string,
  body: string,
  headers: Record<string, string> = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', localAddress, headers, agent: false }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        text += chunk;
      });
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }),
      );
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('ping limits', () => {
  it('answers 429 with Retry-After past a client’s ping budget while another node’s ping is honoured', async () => {
    const { hub, operator } = await startTestHub({
      limits: { pingsPerClient: [{ limit: 5, windowSeconds: 60 }] },
    });
    const node = await startTestNode({ partnerId: 'calm' });
    try {
      await enrolAndApprove(operator, node.url, node.key.kid);
      await operator.syncNode({ partnerId: 'calm' });
      const burst: Answer[] = [];
      for (let i = 0; i < 8; i++)
        burst.push(await postFrom('127.0.0.1', `${hub.url}/ping`, 'not.a.ping'));
      expect(burst.map((a) => a.status)).toEqual([400, 400, 400, 400, 400, 429, 429, 429]);
      expect(burst[5]?.headers['retry-after']).toBe('12');
      expect(JSON.parse(burst[5]?.body ?? '')).toEqual({ status: 'ignored', code: 'RATE_LIMITED' });

      await node.publish('innovation', { ...innovationData('calm', 1) });
      const ping = await signPing(node.key, { iss: node.url, aud: hub.url, seq: node.log.length });
      const honoured = await postFrom('127.0.0.2', `${hub.url}/ping`, ping);
      expect(honoured.status).toBe(202);
      await eventually(async () => {
        const [row] = await hub.db.select().from(nodes).where(eq(nodes.url, node.url));
        expect(row?.cursorSeq).toBe(node.log.length);
      });
      await eventually(async () =>
        expect(await operator.counters()).toMatchObject({
          'ping.invalid': 5,
          'ping.rate_limited': 3,
          'ping.accepted': 1,
        }),
      );
    } finally {
      await node.close();
      await hub.close();
    }
  });

  it('runs at most one sync in flight plus one queued for a flood of valid pings from one node', async () => {
    const { hub, operator } = await startTestHub();
    const node = await startHostileNode('flood', await generateSigningKey());
    try {
      await enrolAndApprove(operator, node.url, node.key.kid);
      await operator.syncNode({ partnerId: 'flood' });
      let feedRequests = 0;
      let release = () => {};
      const gate = new Promise<void>((resolve) => {
        release = resolve;
      });
      node.behaviour = {
        kind: 'page',
        page: async (after) => {
          feedRequests++;
          await gate;
          return {
            records: node.log.slice(after),
            head: await node.head(node.log.length, recordHash(node.log.at(-1) ?? '')),
          };
        },
      };
      const pings = await Promise.all(
        Array.from({ length: 30 }, () =>
          signPing(node.key, { iss: node.url, aud: hub.url, seq: node.log.length }),
        ),
      );
      const answers = await Promise.all(
        pings.map((ping) => postFrom('127.0.0.1', `${hub.url}/ping`, ping)),
      );
      expect(answers.map((a) => a.status)).toEqual(pings.map(() => 202));
      await eventually(async () => expect(feedRequests).toBe(1));

      const [row] = await hub.db.select().from(nodes).where(eq(nodes.url, node.url));
      // Joins the queued pass (it adds none) and resolves when that pass is over.
      const queued = hub.harvester.sync(row?.id ?? 0);
      release();
      expect((await queued).outcome).not.toBe('skipped');
      expect(feedRequests).toBe(2);
      expect((await operator.counters())['ping.accepted']).toBe(30);
    } finally {
      await node.close();
      await hub.close();
    }
  });
});

describe('subscription limits', () => {
  let hub: Hub;
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  const subscribe = (from: string, email: string, headers: Record<string, string> = {}) =>
    postFrom(from, `${hub.url}/trpc/subscriptions.request`, JSON.stringify({ email }), {
      'content-type': 'application/json',
      ...headers,
    });
  /** Mail a hub has sent to `email`, once its confirmation outbox (sent after each answer) is empty. */
  const mailsTo = async (email: string) => {
    await hub.project52?.outbox?.idle();
    return sink.accepted.filter((mail) => mail.envelopeTo.includes(email)).length;
  };

  beforeAll(async () => {
    sink = await startSmtpSink();
    ({ hub } = await startTestHub({
      project52: project52Config(sink.port),
      limits: {
        trustedProxies: ['127.0.0.3'],
        subscriptionsPerClient: [{ limit: 3, windowSeconds: 3_600 }],
      },
    }));
  });

  afterAll(async () => {
    await hub.close();
    await sink.close();
  });

  it('mails one confirmation for repeated requests for an address and answers each the same', async () => {
    const answers: Answer[] = [];
    for (let i = 0; i < 3; i++)
      answers.push(await subscribe('127.0.0.4', 'repeat.reader@example.org'));
    expect(answers.map((a) => [a.status, a.body])).toEqual(
      answers.map(() => [200, JSON.stringify({ result: { data: { ok: true } } })]),
    );
    expect(await mailsTo('repeat.reader@example.org')).toBe(1);
    // Case and spaces do not make it another address.
    const other = await subscribe('127.0.0.5', ' Repeat.Reader@EXAMPLE.org ');
    expect(other.status).toBe(200);
    expect(await mailsTo('repeat.reader@example.org')).toBe(1);
  });

  it('refuses a client over its limit with TOO_MANY_REQUESTS, and only that client', async () => {
    for (const name of ['a', 'b', 'c'])
      expect((await subscribe('127.0.0.6', `busy.${name}@example.org`)).status).toBe(200);
    const refused = await subscribe('127.0.0.6', 'busy.d@example.org');
    expect(refused.status).toBe(429);
    const error = JSON.parse(refused.body).error;
    expect(error.data.code).toBe('TOO_MANY_REQUESTS');
    expect(error.message).toMatch(/^RATE_LIMITED: too many subscription requests/);
    expect(await mailsTo('busy.d@example.org')).toBe(0);
    expect((await subscribe('127.0.0.7', 'busy.d@example.org')).status).toBe(200);
    expect(await mailsTo('busy.d@example.org')).toBe(1);
  });

  it('ignores X-Forwarded-For from an untrusted peer and honours it from a trusted proxy', async () => {
    const forged = ['198.51.100.1', '198.51.100.2', '198.51.100.3', '198.51.100.4'];
    const fromUntrusted = [];
    for (const [i, address] of forged.entries())
      fromUntrusted.push(
        (await subscribe('127.0.0.8', `forger.${i}@example.org`, { 'x-forwarded-for': address }))
          .status,
      );
    expect(fromUntrusted).toEqual([200, 200, 200, 429]);

    const viaProxy = [];
    for (let i = 0; i < 4; i++)
      viaProxy.push(
        (
          await subscribe('127.0.0.3', `proxied.${i}@example.org`, {
            'x-forwarded-for': '203.0.113.7',
          })
        ).status,
      );
    expect(viaProxy).toEqual([200, 200, 200, 429]);
    const nextReader = await subscribe('127.0.0.3', 'proxied.other@example.org', {
      'x-forwarded-for': '203.0.113.8',
    });
    expect(nextReader.status).toBe(200);
  });
});
