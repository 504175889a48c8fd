import { HubClient, type HubClientError } from '@promise-global/sdk/client/hub';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hub } from '../src/create-hub.js';
import { startSmtpSink } from '../src/project52/test-support/smtp-sink.js';
import { enrolAndApprove } from './support/enrol.js';
import { innovationData, testUuid } from './support/fixtures.js';
import { expectHashedStyleOnly } from './support/page-csp.js';
import { project52Config, weekFromNow } from './support/project52.js';
import { startTestHub } from './support/test-hub.js';
import { startTestNode, type TestNode } from './support/test-node.js';

let hub: Hub;
let client: HubClient;
let operator: HubClient;
let editor: HubClient;
let cpft: TestNode;
let yale: TestNode;
let sink: Awaited<ReturnType<typeof startSmtpSink>>;
/** Addresses the mail server refuses for good (550), from when they are added. */
const refused = new Set<string>();
const closers: (() => Promise<void>)[] = [];

/** Submitted write-ups, in signed submission order p1 < p2 < p3 < p4 (cpft) and p5 (yale). */
const piece = (partnerId: string, index: number) => ({
  partnerId,
  recordId: testUuid(`${partnerId}/innovation/${index}`),
});
const p1 = piece('cpft', 1);
const p2 = piece('cpft', 2);
const p3 = piece('cpft', 3);
const p4 = piece('cpft', 4);
const p5 = piece('yale', 5);
const submitted = (partnerId: string, index: number, status: 'submitted' | 'withdrawn') => ({
  ...innovationData(partnerId, index, {
    title: `Piece ${index} from ${partnerId}`,
    status,
    submittedAt: new Date(Date.UTC(2026, 0, index, 9)).toISOString(),
  }),
  publishedAt: undefined,
});
const W = [0, 1, 2, 3, 4, 5].map(weekFromNow);

beforeAll(async () => {
  sink = await startSmtpSink({ reject: refused });
  closers.push(sink.close);
  const started = await startTestHub({ project52: project52Config(sink.port) });
  hub = started.hub;
  client = started.client;
  operator = started.operator;
  closers.push(() => hub.close());
  cpft = await startTestNode({ partnerId: 'cpft' });
  yale = await startTestNode({ partnerId: 'yale', country: 'US' });
  closers.push(cpft.close, yale.close);
  for (const i of [4, 2, 1, 3]) await cpft.publish('innovation', submitted('cpft', i, 'submitted'));
  await yale.publish('innovation', submitted('yale', 5, 'submitted'));
  for (const node of [cpft, yale]) {
    await enrolAndApprove(operator, node.url, node.key.kid);
    await operator.syncNode({ partnerId: node.partnerId });
  }
  const { token } = await operator.createToken({ name: 'Editor Ed', role: 'editor' });
  editor = new HubClient({ baseUrl: hub.url, token });
});

afterAll(async () => {
  for (const close of closers.reverse()) await close();
});

const weekOf = async (ref: { recordId: string }) =>
  (await editor.project52Queue()).pieces.find((p) => p.recordId === ref.recordId)?.week ?? null;

describe('Project 52 run by an editor through the hub', () => {
  it('queues harvested submissions in signed submission order', async () => {
    const queue = await editor.project52Queue();
    expect(queue.pieces.map((p) => p.recordId)).toEqual(
      [p1, p2, p3, p4, p5].map((p) => p.recordId),
    );
    expect(queue.pieces.every((p) => p.state === 'queued' && p.week === null)).toBe(true);
    expect(queue.pieces[0]).toMatchObject({
      title: 'Piece 1 from cpft',
      partnerName: 'Partner cpft',
    });
    await expect(client.project52Queue()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it('gives approved pieces the earliest free weeks, pins and swaps, and logs who and when', async () => {
    for (const ref of [p1, p2, p3]) await editor.approvePiece(ref);
    expect([await weekOf(p1), await weekOf(p2), await weekOf(p3)]).toEqual([W[0], W[1], W[2]]);
    await editor.pinPiece({ ...p3, week: W[5] ?? '' });
    await editor.approvePiece(p5);
    expect(await weekOf(p5)).toBe(W[2]);
    const queue = await editor.swapWeeks({ weekA: W[0] ?? '', weekB: W[1] ?? '' });
    expect(queue.weeks.map((w) => [w.week, w.recordId])).toEqual([
      [W[0], p2.recordId],
      [W[1], p1.recordId],
      [W[2], p5.recordId],
      [W[5], p3.recordId],
    ]);
    expect(queue.decisions.map((d) => [d.type, d.by])).toEqual([
      ['approve', 'editor:Editor Ed'],
      ['approve', 'editor:Editor Ed'],
      ['approve', 'editor:Editor Ed'],
      ['pin', 'editor:Editor Ed'],
      ['approve', 'editor:Editor Ed'],
      ['swap', 'editor:Editor Ed'],
    ]);
    expect(queue.decisions.every((d) => !Number.isNaN(Date.parse(d.at)))).toBe(true);
    await expect(editor.pinPiece({ ...p5, week: W[5] ?? '' })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('WEEK_PINNED'),
    });
  });

  it('shows the note of a change request in the node’s public status', async () => {
    await editor.requestChanges({ ...p4, note: 'Please add how carers were involved.' });
    const status = (await client.nodeStatus()).find((n) => n.partnerId === 'cpft');
    expect(status?.project52?.find((p) => p.recordId === p4.recordId)).toMatchObject({
      state: 'changes_requested',
      note: 'Please add how carers were involved.',
      week: null,
    });
    const rest = (await (await fetch(`${hub.url}/status`)).json()) as {
      nodes: { partnerId: string; project52: { recordId: string; note: string | null }[] }[];
    };
    const notes = rest.nodes.find((n) => n.partnerId === 'cpft')?.project52;
    expect(notes?.find((p) => p.recordId === p4.recordId)?.note).toBe(
      'Please add how carers were involved.',
    );
    await editor.declinePiece({ ...p4, reason: 'Too close to a piece already scheduled.' });
    const schedule = await client.project52Schedule({ partnerId: 'cpft' });
    expect(schedule.pieces.find((p) => p.recordId === p4.recordId)).toMatchObject({
      state: 'declined',
      reason: 'Too close to a piece already scheduled.',
    });
  });

  it('moves the following pieces up when a node withdraws one', async () => {
    await cpft.publish('innovation', submitted('cpft', 1, 'withdrawn'));
    await operator.syncNode({ partnerId: 'cpft' });
    const queue = await editor.project52Queue();
    expect(queue.weeks.map((w) => [w.week, w.recordId])).toEqual([
      [W[0], p2.recordId],
      [W[1], p5.recordId],
      [W[5], p3.recordId],
    ]);
    expect(queue.decisions.at(-1)).toMatchObject({
      type: 'withdraw',
      by: 'node:cpft',
      pieces: [`cpft/${p1.recordId}`],
    });
    const schedule = await client.project52Schedule();
    expect(schedule.thisWeek).toMatchObject({ week: W[0], title: 'Piece 2 from cpft' });
    expect(schedule.comingUp.map((w) => w.recordId)).toEqual([p5.recordId, p3.recordId]);
  });

  it('subscribes with double opt-in and sends the week’s bulletin once to confirmed readers', async () => {
    for (const email of [
      'ana@example.org',
      'ben@example.org',
      'dan@example.org',
      'cat@example.org',
    ])
      expect(await client.subscribe({ email })).toEqual({ ok: true });
    await hub.project52?.outbox?.idle();
    expect(sink.accepted).toHaveLength(4);
    const tokens: string[] = [];
    for (const mail of sink.accepted.slice(0, 3)) {
      const text = (await simpleParser(mail.raw)).text ?? '';
      // The reader's link opens the portal's page, which asks the hub.
      const link = /https?:\/\/\S+\/subscribe\/confirm\?token=\S+/.exec(text)?.[0] ?? '';
      expect(link).toMatch(/^https:\/\/portal\.example\.org\/subscribe\/confirm\?token=/);
      tokens.push(new URL(link).searchParams.get('token') ?? '');
    }
    const [first = '', second = '', third = ''] = tokens;
    expect(await client.confirmSubscription({ token: first })).toEqual({ outcome: 'confirmed' });
    expect(await client.confirmSubscription({ token: first })).toEqual({
      outcome: 'already_confirmed',
    });
    expect(await client.confirmSubscription({ token: `${second}x` })).toEqual({
      outcome: 'invalid',
    });
    expect(await client.confirmSubscription({ token: second })).toEqual({ outcome: 'confirmed' });
    // Links mailed before the portal had its page still work at the hub.
    const page = await fetch(`${hub.url}/subscribe/confirm?token=${encodeURIComponent(third)}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('You are subscribed');
    expect((await editor.project52Queue()).subscribers).toEqual({
      pending: 1,
      confirmed: 3,
      unsubscribed: 0,
    });

    refused.add('dan@example.org');
    await hub.project52Pass();
    await hub.project52Pass();
    const bulletins = sink.accepted.slice(4);
    expect(bulletins.map((m) => m.envelopeTo.join()).sort()).toEqual([
      'ana@example.org',
      'ben@example.org',
    ]);
    // Refused for good: bounced, so it leaves the list and the retention clock starts.
    const dan = await hub.project52?.subscribers.findByAddress('dan@example.org');
    expect(dan).toMatchObject({ state: 'bounced', unsubscribedAt: expect.any(String) });
    expect((await editor.project52Queue()).subscribers).toEqual({
      pending: 1,
      confirmed: 2,
      unsubscribed: 1,
    });
    const mail = await simpleParser(bulletins[0]?.raw ?? '');
    expect(mail.subject).toContain('Piece 2 from cpft');
    expect(mail.html).toContain('Piece 2 from cpft');
    expect(mail.text?.toLowerCase()).toContain('piece 2 from cpft');
    const header = (key: string) => {
      const line = mail.headerLines.find((h) => h.key === key)?.line ?? '';
      return line
        .slice(line.indexOf(':') + 1)
        .replace(/\r?\n[ \t]+/g, '')
        .trim();
    };
    const unsubscribe = header('list-unsubscribe');
    expect(header('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    const [oneClick = '', mailto] = [...unsubscribe.matchAll(/<([^>]+)>/g)].map((m) => m[1]);
    expect(oneClick).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/unsubscribe\?token=/);
    expect(mailto).toBe('mailto:project52@example.org?subject=unsubscribe');
    expect(mail.text).toMatch(/the link works until \d{1,2} \w+ \d{4}/);
    // The reader's unsubscribe link is the portal's page, with the same token as the one-click URL.
    const pageLink = /https:\/\/portal\.example\.org\/subscribe\/unsubscribe\?token=\S+/.exec(
      mail.text ?? '',
    )?.[0];
    expect(new URL(pageLink ?? 'https://x').searchParams.get('token')).toBe(
      new URL(oneClick).searchParams.get('token'),
    );
    // The Message-ID names no one: neither the address nor the subscriber's id.
    const ids = await hub.db.$client.execute('SELECT id FROM p52_subscribers');
    expect(mail.messageId).toMatch(/^<p52\.\d{4}-W\d{2}\.[0-9a-f-]{36}@127\.0\.0\.1>$/);
    for (const row of ids.rows) expect(mail.messageId).not.toContain(String(row.id));
    expect(mail.messageId).not.toContain('example.org');
    expect((await fetch(oneClick)).status).toBe(200);
    expect((await editor.project52Queue()).subscribers.unsubscribed).toBe(1);
    const posted = await fetch(oneClick, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(posted.status).toBe(200);
    expect((await editor.project52Queue()).subscribers.unsubscribed).toBe(2);
    // The portal's page unsubscribes through the API too, and says when a token is not one.
    const otherText = (await simpleParser(bulletins[1]?.raw ?? '')).text ?? '';
    const otherToken =
      new URL(
        /https:\/\/portal\.example\.org\/subscribe\/unsubscribe\?token=\S+/.exec(otherText)?.[0] ??
          'https://x',
      ).searchParams.get('token') ?? '';
    expect(await client.unsubscribe({ token: `${otherToken}x` })).toEqual({ outcome: 'invalid' });
    expect(await client.unsubscribe({ token: otherToken })).toEqual({ outcome: 'unsubscribed' });
    expect((await editor.project52Queue()).subscribers.unsubscribed).toBe(3);
  });

  it('publishes the sent week in the archive, the feeds and a print view, and freezes it', async () => {
    const [sent] = await client.bulletins();
    expect(sent).toMatchObject({ week: W[0], title: 'Piece 2 from cpft', partnerId: 'cpft' });
    const page = await client.bulletin({ week: W[0] ?? '' });
    expect(page).toMatchObject({ status: 'sent', piece: { recordId: p2.recordId } });
    expect(page?.html).toContain('class="p52-bulletin"');
    expect(page?.url).toBe(`https://portal.example.org/bulletins/${W[0]}`);
    expect((await client.bulletin({ week: W[1] ?? '' }))?.status).toBe('scheduled');
    for (const path of ['rss.xml', 'atom.xml', 'feed.json']) {
      const feed = await fetch(`${hub.url}/bulletins/${path}`);
      expect(feed.status).toBe(200);
      expect(await feed.text()).toContain('Piece 2 from cpft');
    }
    const print = await fetch(`${hub.url}/bulletins/${W[0]}/print`);
    expect(print.status).toBe(200);
    expect(await expectHashedStyleOnly(print)).toContain('@page { size: A4');
    const refused = await editor
      .swapWeeks({ weekA: W[0] ?? '', weekB: W[1] ?? '' })
      .catch((error: HubClientError) => error);
    expect(refused).toMatchObject({ code: 'CONFLICT' });
    expect((await editor.project52Queue()).sends).toEqual([
      expect.objectContaining({ week: W[0], accepted: 2, failed: 1 }),
    ]);
  });

  it('mentions new adoptions of earlier pieces in the coming bulletin', async () => {
    const read = await client.getRecord({ partnerId: 'cpft', type: 'innovation', id: p3.recordId });
    await yale.publish('adoption', {
      id: testUuid('yale/adoption/p3'),
      partnerId: 'yale',
      piece: { ...p3, hash: read?.hash ?? '' },
      stage: 'piloting',
      date: '2026-11-02',
      note: 'Trying it with our evening team for three months.',
      contactRole: 'Evening services lead',
      updatedAt: new Date().toISOString(),
    });
    await operator.syncNode({ partnerId: 'yale' });
    const coming = await client.bulletin({ week: W[1] ?? '' });
    expect(coming?.alsoNew.adoptions).toEqual([
      {
        title: 'Partner yale is piloting “Piece 3 from cpft”',
        partnerName: expect.any(String),
        url: `https://portal.example.org/innovations/cpft/${p3.recordId}`,
      },
    ]);
    expect(coming?.html).toContain('Taken up elsewhere');
  });
});
