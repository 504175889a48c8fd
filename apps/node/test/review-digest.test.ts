import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The hub's SMTP sink (a real `smtp-server` on loopback), reused rather than copied.
import { startSmtpSink } from '../../hub/src/project52/test-support/smtp-sink.js';
import { digestWeek, sendReviewDigestIfDue } from '../src/reminders/review-digest.js';
import { service } from './fixtures.js';
import { createTestNode, type TestNode } from './test-node.js';

let sink: Awaited<ReturnType<typeof startSmtpSink>>;
let t: TestNode;
const day = (offset: number) =>
  new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  sink = await startSmtpSink();
  t = await createTestNode({
    reviewDigest: {
      smtp: { host: '127.0.0.1', port: sink.port, security: 'none' },
      from: '"Fenland node" <promise@fenland.example.org>',
      to: ['editor-one@fenland.example.org', 'editor-two@fenland.example.org'],
    },
  });
  const organisation = await t.json<{ data: { id: string } }>('POST', '/api/organisations', {
    name: 'Fenland Mind',
    type: 'vcfse',
  });
  const add = async (name: string, reviewDue?: string) => {
    const created = await t.json<{ data: { id: string } }>('POST', '/api/services', {
      ...service(organisation.body.data.id),
      name,
    });
    if (reviewDue)
      await t.json(
        'POST',
        `/api/services/${created.body.data.id}/assure`,
        { reviewDue },
        {
          headers: { 'if-match': '"1"' },
        },
      );
  };
  await add('Fenland crisis line', day(6));
  await add('Harbour café');
  await add('Walking group', day(60));
});

afterAll(async () => {
  await t?.[Symbol.asyncDispose]();
  await sink?.close();
});

describe('the weekly review digest', () => {
  it('emails the editors the overdue and soon-due listings, once a week however often it runs', async () => {
    const now = new Date();
    expect(await sendReviewDigestIfDue(t.node.context, now)).toBe('sent');
    expect(await sendReviewDigestIfDue(t.node.context, now)).toBe('already_sent');
    // A restart reads the same database: still once.
    expect(await sendReviewDigestIfDue(t.node.context, new Date(now.getTime() + 3_600_000))).toBe(
      digestWeek(new Date(now.getTime() + 3_600_000), { weekday: 1, hour: 8 }) ===
        digestWeek(now, { weekday: 1, hour: 8 })
        ? 'already_sent'
        : 'sent',
    );
    const [mail] = sink.accepted;
    expect(mail?.envelopeTo).toEqual([
      'editor-one@fenland.example.org',
      'editor-two@fenland.example.org',
    ]);
    const text = mail?.raw.replace(/=\r?\n/g, '') ?? '';
    expect(text).toContain('Subject: 2 listings to check');
    expect(text).toContain('Overdue (1)');
    expect(text).toContain('- Harbour caf');
    expect(text).toContain(`- Fenland crisis line (due ${day(6)})`);
    expect(text).not.toContain('Walking group');
    expect(text).toContain('https://fenland.example.org/admin/services/');
  });

  it('sends next week again', async () => {
    const before = sink.accepted.length;
    const nextWeek = new Date(Date.now() + 7 * 86_400_000);
    expect(await sendReviewDigestIfDue(t.node.context, nextWeek)).toBe('sent');
    expect(sink.accepted.length).toBe(before + 1);
  });

  it('keys weeks by their scheduled moment', () => {
    const config = { weekday: 1, hour: 8 };
    expect(digestWeek(new Date('2026-12-07T08:00:00Z'), config)).toBe('2026-12-07');
    expect(digestWeek(new Date('2026-12-07T07:59:00Z'), config)).toBe('2026-11-30');
    expect(digestWeek(new Date('2026-12-13T23:00:00Z'), config)).toBe('2026-12-07');
  });
});
