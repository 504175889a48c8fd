import { createSmtpTransport } from '@promise-global/operations';
import { type ParsedMail, simpleParser } from 'mailparser';
import { afterEach, describe, expect, it } from 'vitest';
import { fictionalBulletin } from '../test-support/fictional-bulletin.js';
import { MemorySendLedger, MemorySubscriberStore } from '../test-support/memory-stores.js';
import { startSmtpSink } from '../test-support/smtp-sink.js';
import { sendBulletin } from './send-bulletin.js';
import type { Subscriber } from './subscribers.js';
import { type MailingLinks, unsubscribe } from './subscriptions.js';

const SECRET = 'test-mailing-secret-0123456789abcdef';
const links: MailingLinks = {
  secret: SECRET,
  confirmUrl: (token) => `https://hub.example.org/project52/confirm?token=${token}`,
  unsubscribeUrl: (token) => `https://hub.example.org/project52/unsubscribe?token=${token}`,
};
const FROM = '"PROMISE Network Project 52" <project52@hub.example.org>';
const START = new Date('2026-10-05T09:00:00Z');

function subscriber(n: number, state: Subscriber['state'] = 'confirmed'): Subscriber {
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    address: `reader${n}@example.org`,
    state,
    subscribedAt: '2026-09-01T10:00:00Z',
    confirmedAt: state === 'pending' ? null : '2026-09-01T10:05:00Z',
    unsubscribedAt: state === 'unsubscribed' ? '2026-09-20T10:00:00Z' : null,
  };
}

async function subscribers(...list: Subscriber[]) {
  const store = new MemorySubscriberStore();
  for (const s of list) await store.save(s);
  return store;
}

/** A header exactly as sent (unfolded), not as mailparser interprets it. */
function rawHeader(parsed: ParsedMail, key: string): string {
  const line = parsed.headerLines.find((header) => header.key === key)?.line ?? '';
  return line
    .slice(line.indexOf(':') + 1)
    .replace(/\r?\n[ \t]+/g, ' ')
    .trim();
}

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

async function setup(sinkOptions: Parameters<typeof startSmtpSink>[0] = {}) {
  const sink = await startSmtpSink(sinkOptions);
  const transport = createSmtpTransport({ host: '127.0.0.1', port: sink.port, security: 'none' });
  closers.push(async () => transport.close(), sink.close);
  return { sink, transport };
}

describe('sending the weekly bulletin over SMTP', () => {
  it('delivers one message per confirmed subscriber with list headers, both bodies and a working unsubscribe link', async () => {
    const { sink, transport } = await setup();
    const store = await subscribers(
      subscriber(1),
      subscriber(2),
      subscriber(3, 'pending'),
      subscriber(4, 'unsubscribed'),
    );
    const ledger = new MemorySendLedger();
    const report = await sendBulletin({
      bulletin: fictionalBulletin(),
      startedAt: START,
      subscribers: await store.confirmed(),
      transport,
      ledger,
      links,
      from: FROM,
      domain: 'hub.example.org',
    });
    expect(report.accepted).toHaveLength(2);
    expect(report.failed).toEqual([]);
    expect(sink.accepted.map((m) => m.envelopeTo)).toEqual([
      ['reader1@example.org'],
      ['reader2@example.org'],
    ]);

    for (const [index, mail] of sink.accepted.entries()) {
      const address = `reader${index + 1}@example.org`;
      const parsed = await simpleParser(mail.raw);
      expect(parsed.from?.text).toBe('"PROMISE Network Project 52" <project52@hub.example.org>');
      expect(parsed.subject).toBe(
        'Project 52, week 41: A crisis café that feels like a living room (Northshire Mental Health Partnership)',
      );
      expect(
        parsed.to && !Array.isArray(parsed.to) ? parsed.to.value.map((v) => v.address) : [],
      ).toEqual([address]);
      expect(mail.raw).toMatch(/^Content-Type: multipart\/alternative;/m);
      expect(parsed.text).toContain('A CRISIS CAFÉ THAT FEELS LIKE A LIVING ROOM');
      expect(parsed.html).toContain('<table role="presentation"');
      expect(rawHeader(parsed, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
      // Random: the Message-ID names neither the address nor the subscriber's id.
      expect(parsed.messageId).toMatch(/^<p52\.2026-W41\.[0-9a-f-]{36}@hub\.example\.org>$/);
      expect(parsed.messageId).not.toContain(subscriber(index + 1).id);
      // The address appears in the To header and nowhere in the content.
      expect(`${parsed.text}${parsed.html}`).not.toContain(address);
      expect(`${parsed.text}${parsed.html}`).not.toContain(`reader${index + 1}`);

      const url =
        /^<(https:\/\/hub\.example\.org\/project52\/unsubscribe\?token=[^>]+)>, <mailto:project52@hub\.example\.org\?subject=unsubscribe>$/.exec(
          rawHeader(parsed, 'list-unsubscribe'),
        )?.[1];
      expect(url).toBeDefined();
      expect(parsed.html).toContain(`href="${url}"`);
      expect(parsed.text).toContain(
        `Unsubscribe in one click (the link works until 4 December 2026; every bulletin brings a new one): ${url}`,
      );
      const token = new URL(url ?? 'https://invalid').searchParams.get('token') ?? '';
      expect(await unsubscribe(store, SECRET, token, new Date('2026-12-05T09:00:00Z'))).toBe(
        'expired',
      );
      expect(await unsubscribe(store, SECRET, token, new Date('2026-12-04T08:59:00Z'))).toBe(
        'unsubscribed',
      );
    }
    expect(await store.confirmed()).toEqual([]);
    expect(await unsubscribe(store, SECRET, 'forged.token', START)).toBe('invalid');
  });

  it('keeps going past an address the server rejects, reports it, and does not retry it', async () => {
    const { sink, transport } = await setup({ reject: new Set(['reader2@example.org']) });
    const store = await subscribers(subscriber(1), subscriber(2), subscriber(3));
    const ledger = new MemorySendLedger();
    const run = () =>
      sendBulletin({
        bulletin: fictionalBulletin(),
        startedAt: START,
        subscribers: [subscriber(1), subscriber(2), subscriber(3)],
        transport,
        ledger,
        links,
        from: FROM,
        domain: 'hub.example.org',
        retry: { attempts: 3, baseMs: 1, maxMs: 5 },
      });
    const report = await run();
    expect(sink.accepted.map((m) => m.envelopeTo[0])).toEqual([
      'reader1@example.org',
      'reader3@example.org',
    ]);
    expect(report.failed).toEqual([
      expect.objectContaining({
        subscriberId: subscriber(2).id,
        code: 'SMTP_550',
        permanent: true,
        attempts: 1,
      }),
    ]);
    expect(await ledger.get('2026-W41', subscriber(2).id)).toMatchObject({ state: 'failed' });
    expect(JSON.stringify(report)).not.toContain('@example.org');
    expect(store.rows.size).toBe(3);

    // A second run for the same week sends nothing more.
    const again = await run();
    expect(again.skipped).toHaveLength(3);
    expect(sink.accepted).toHaveLength(2);
  });

  it('retries a temporary refusal with backoff and then delivers', async () => {
    const { sink, transport } = await setup({ deferOnce: new Set(['reader1@example.org']) });
    const waits: number[] = [];
    const ledger = new MemorySendLedger();
    const report = await sendBulletin({
      bulletin: fictionalBulletin(),
      startedAt: START,
      subscribers: [subscriber(1), subscriber(2)],
      transport,
      ledger,
      links,
      from: FROM,
      domain: 'hub.example.org',
      retry: { attempts: 3, baseMs: 20, maxMs: 100 },
      sleep: (ms) => {
        waits.push(ms);
        return new Promise((resolve) => setTimeout(resolve, ms));
      },
    });
    expect(report.accepted).toEqual([subscriber(1).id, subscriber(2).id]);
    expect(waits).toHaveLength(1);
    expect(waits[0]).toBeGreaterThanOrEqual(10);
    expect(await ledger.get('2026-W41', subscriber(1).id)).toMatchObject({
      state: 'accepted',
      attempts: 2,
    });
    expect(sink.accepted.map((m) => m.envelopeTo[0])).toEqual([
      'reader1@example.org',
      'reader2@example.org',
    ]);
  });

  it('reports a dead server for every recipient after its retries, without throwing', async () => {
    const { sink, transport } = await setup();
    await sink.close();
    const report = await sendBulletin({
      bulletin: fictionalBulletin(),
      startedAt: START,
      subscribers: [subscriber(1), subscriber(2)],
      transport,
      ledger: new MemorySendLedger(),
      links,
      from: FROM,
      domain: 'hub.example.org',
      retry: { attempts: 2, baseMs: 1, maxMs: 2 },
    });
    expect(report.failed.map((f) => [f.permanent, f.attempts])).toEqual([
      [false, 2],
      [false, 2],
    ]);
  });

  it('leaves subscribers who confirmed after the run started for next week', async () => {
    const { sink, transport } = await setup();
    const late = { ...subscriber(2), confirmedAt: '2026-10-05T09:30:00Z' };
    await sendBulletin({
      bulletin: fictionalBulletin(),
      startedAt: START,
      subscribers: [subscriber(1), late],
      transport,
      ledger: new MemorySendLedger(),
      links,
      from: FROM,
      domain: 'hub.example.org',
    });
    expect(sink.accepted.map((m) => m.envelopeTo[0])).toEqual(['reader1@example.org']);
  });
});
