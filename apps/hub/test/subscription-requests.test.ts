import type { HubClient } from '@promise-global/sdk/client/hub';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hub } from '../src/create-hub.js';
import { startSmtpSink } from '../src/project52/test-support/smtp-sink.js';
import { project52Config } from './support/project52.js';
import { eventually, OPERATOR_TOKEN, startTestHub } from './support/test-hub.js';

let hub: Hub;
let client: HubClient;
let sink: Awaited<ReturnType<typeof startSmtpSink>>;
let openGate: () => void;

beforeAll(async () => {
  const gate = new Promise<void>((resolve) => {
    openGate = resolve;
  });
  sink = await startSmtpSink({ gate });
  ({ hub, client } = await startTestHub({ project52: project52Config(sink.port) }));
});
afterAll(async () => {
  openGate();
  await hub?.close();
  await sink?.close();
});

describe('a subscription request', () => {
  it('is answered before any mail is sent: the SMTP conversation runs after the response', async () => {
    // The mail server greets no one yet: a request that sent mail itself could not answer.
    expect(await client.subscribe({ email: 'new.reader@example.org' })).toEqual({ ok: true });
    expect(await client.subscribe({ email: 'second.reader@example.org' })).toEqual({ ok: true });
    expect(sink.accepted).toHaveLength(0);
    openGate();
    await eventually(async () => expect(sink.accepted).toHaveLength(2));
    const first = await simpleParser(sink.accepted[0]?.raw ?? '');
    expect(first.subject).toBe('Confirm your Project 52 subscription');
    expect(sink.accepted.map((mail) => mail.envelopeTo.join())).toEqual([
      'new.reader@example.org',
      'second.reader@example.org',
    ]);
  }, 10_000);

  it('answers the same for a confirmed address, and mails it nothing', async () => {
    // The mailed link opens the portal's page, whose button asks the hub as this does.
    const link = /https?:\/\/\S+\/subscribe\/confirm\?token=(\S+)/.exec(
      (await simpleParser(sink.accepted[0]?.raw ?? '')).text ?? '',
    );
    const token = decodeURIComponent(link?.[1] ?? '');
    expect(await client.confirmSubscription({ token })).toEqual({ outcome: 'confirmed' });
    expect(await client.subscribe({ email: 'new.reader@example.org' })).toEqual({ ok: true });
    await hub.project52?.outbox?.idle();
    expect(sink.accepted).toHaveLength(2);
  });
});

describe('an unsubscribe request by email (List-Unsubscribe mailto)', () => {
  const unsubscribeAddress = (email: string, token?: string) =>
    fetch(`${hub.url}/trpc/admin.project52.unsubscribeAddress`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ email }),
    });

  it('lets an operator take the sender’s address off the list, and nobody else', async () => {
    expect((await unsubscribeAddress('new.reader@example.org')).status).toBe(401);
    const taken = await unsubscribeAddress(' New.Reader@example.org ', OPERATOR_TOKEN);
    expect(await taken.json()).toEqual({ result: { data: { unsubscribed: true } } });
    expect(await hub.project52?.subscribers.findByAddress('new.reader@example.org')).toMatchObject({
      state: 'unsubscribed',
      unsubscribedAt: expect.any(String),
    });
    const again = await unsubscribeAddress('new.reader@example.org', OPERATOR_TOKEN);
    expect(await again.json()).toEqual({ result: { data: { unsubscribed: false } } });
  });
});
