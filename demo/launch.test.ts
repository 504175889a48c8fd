import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HubClient } from '@promise-global/sdk/client/hub';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoOptions, launchDemo, type RunningDemo } from './launch.js';
import { DEMO_READER } from './project52.js';

const PORTAL_BUILD_DIR = fileURLToPath(new URL('../apps/portal/build', import.meta.url));

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** Six consecutive free ports (portal, hub, four nodes), below the kernel's ephemeral range. */
async function freePortRange(): Promise<number> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const base = 20_000 + Math.floor(Math.random() * 12_000);
    const free = await Promise.all(Array.from({ length: 6 }, (_, i) => portFree(base + i)));
    if (free.every(Boolean)) return base;
  }
  throw new Error('no six consecutive free ports found');
}

async function waitForFiles(dir: string, count: number): Promise<string[]> {
  for (let waited = 0; waited < 5_000; waited += 50) {
    const files = (await readdir(dir)).filter((name) => name.endsWith('.eml')).sort();
    if (files.length >= count) return files;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`fewer than ${count} messages reached ${dir}`);
}

async function waitForLine(prefix: string): Promise<string | undefined> {
  for (let waited = 0; waited < 5_000; waited += 50) {
    const line = lines.find((candidate) => candidate.startsWith(prefix));
    if (line) return line;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return undefined;
}

let dataDir: string;
let options: DemoOptions;
let demo: RunningDemo;
const lines: string[] = [];

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'promise-demo-'));
  const base = await freePortRange();
  options = {
    dataDir,
    fresh: true,
    host: '127.0.0.1',
    portalPort: base,
    hubPort: base + 1,
    firstNodePort: base + 2,
    portalBuildDir: PORTAL_BUILD_DIR,
    log: (line) => lines.push(line),
  };
  demo = await launchDemo(options);
}, 60_000);

afterAll(async () => {
  await demo?.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('the demo federation runs Project 52', () => {
  it('has every seeded submission approved by the demo editor and the weeks from now scheduled', async () => {
    const schedule = await new HubClient({ baseUrl: demo.hubUrl }).project52Schedule();
    expect(schedule.pieces).toHaveLength(13);
    expect(schedule.pieces.every((piece) => piece.state === 'approved')).toBe(true);
    expect(schedule.weeks.map((week) => week.week)[0]).toBe(schedule.startWeek);
    expect(schedule.weeks).toHaveLength(13);
    expect(schedule.comingUp.length).toBeGreaterThanOrEqual(12);
    expect(schedule.comingUp.every((week) => week.title !== null)).toBe(true);
  });

  it("shows this week's piece, already sent as this week's bulletin", async () => {
    const hub = new HubClient({ baseUrl: demo.hubUrl });
    const schedule = await hub.project52Schedule();
    // Only in the last hour of a week (Sunday 23:00 UTC) is the next week the one open instead.
    if (schedule.startWeek !== schedule.currentWeek) return;
    expect(schedule.thisWeek).toMatchObject({ week: schedule.currentWeek, status: 'sent' });
    expect(schedule.thisWeek?.title).toEqual(expect.any(String));
    const bulletins = await hub.bulletins();
    expect(bulletins.map((bulletin) => bulletin.week)).toEqual([schedule.currentWeek]);
    // The fictional reader subscribed on the first run, so the bulletin reached the outbox too.
    const toReader = lines.filter((line) => line.startsWith(`mail to ${DEMO_READER}: `));
    expect(toReader).toHaveLength(2);
    expect(toReader[0]).toContain('Confirm your Project 52 subscription');
    const bulletinFile = join(process.cwd(), toReader[1]?.split(' -> ')[1] ?? '');
    const bulletin = await simpleParser(await readFile(bulletinFile));
    expect(bulletin.subject).toContain(schedule.thisWeek?.title ?? '');
    expect(bulletin.html).toContain('unsubscribe');
  });

  it('mails the confirmation link to the outbox, and following it confirms the subscription', async () => {
    const editor = new HubClient({ baseUrl: demo.hubUrl, token: demo.editorToken });
    const before = (await editor.project52Queue()).subscribers;
    const mailed = (await waitForFiles(demo.outboxDir, 0)).length;
    await new HubClient({ baseUrl: demo.hubUrl }).subscribe({ email: 'second-reader@example.org' });

    const file = (await waitForFiles(demo.outboxDir, mailed + 1)).at(-1);
    expect(file).toBeDefined();
    const path = join(demo.outboxDir, file ?? '');
    // The sink writes the file, then reads the message and logs it: wait for the line too.
    expect(await waitForLine('mail to second-reader@example.org: ')).toBe(
      `mail to second-reader@example.org: Confirm your Project 52 subscription -> ${relative(process.cwd(), path)}`,
    );
    const mail = await simpleParser(await readFile(path));
    const link = /https?:\/\/\S+\/subscribe\/confirm\?token=\S+/.exec(mail.text ?? '')?.[0];
    expect(link?.startsWith(`${demo.portalUrl}/subscribe/confirm?token=`)).toBe(true);

    // Opening the link (as a mail scanner would) asks; only the button confirms.
    const opened = await fetch(link ?? '');
    expect([opened.status, (await opened.text()).includes('Yes, send me the bulletin')]).toEqual([
      200,
      true,
    ]);
    expect((await editor.project52Queue()).subscribers.pending).toBe(1);
    const token = new URL(link ?? '').searchParams.get('token') ?? '';
    const pressed = await fetch(link ?? '', {
      method: 'POST',
      headers: { origin: demo.portalUrl, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token }),
    });
    expect(pressed.status).toBe(200);
    expect(await pressed.text()).toContain('You are subscribed');
    const after = (await editor.project52Queue()).subscribers;
    expect(after.confirmed).toBe(before.confirmed + 1);
    expect(after.pending).toBe(0);
  });

  it('serves the portal through its production server: security headers on pages and static files', async () => {
    for (const path of ['/', '/robots.txt', '/favicon.svg', '/no-such-page']) {
      const response = await fetch(`${demo.portalUrl}${path}`);
      await response.body?.cancel();
      expect({ path, nosniff: response.headers.get('x-content-type-options') }).toEqual({
        path,
        nosniff: 'nosniff',
      });
      expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(response.headers.get('permissions-policy')).toContain('camera=()');
    }
    const home = await fetch(demo.portalUrl);
    await home.body?.cancel();
    expect(home.headers.get('content-type')).toBe('text/html; charset=utf-8');
  });

  it('decides nothing again when restarted on the same data', async () => {
    const editor = new HubClient({ baseUrl: demo.hubUrl, token: demo.editorToken });
    const decisions = (await editor.project52Queue()).decisions.length;
    await demo.close();
    demo = await launchDemo({ ...options, fresh: false });
    expect(demo.firstRun).toBe(false);
    const queue = await new HubClient({
      baseUrl: demo.hubUrl,
      token: demo.editorToken,
    }).project52Queue();
    expect(queue.decisions).toHaveLength(decisions);
    expect(queue.pieces.every((piece) => piece.state === 'approved')).toBe(true);
  });
});

describe('the demo federation’s feeds', () => {
  it('carry every piece the portal lists, each linking to its page on the demo portal', async () => {
    const listed = await new HubClient({ baseUrl: demo.hubUrl }).searchInnovations({ limit: 50 });
    const feed = (await (await fetch(`${demo.hubUrl}/feed.json`)).json()) as {
      items: { url: string }[];
    };
    expect(listed.items).toHaveLength(13);
    expect(feed.items.map((item) => item.url)).toEqual(
      listed.items.map((hit) => `${demo.portalUrl}/innovations/${hit.partnerId}/${hit.id}`),
    );
    const page = await fetch(feed.items[0]?.url ?? '');
    expect(page.status).toBe(200);
  });
});

describe('the demo federation’s spread', () => {
  it('shows the seeded partners taking up each other’s pieces, each reference current', async () => {
    const adoptions = await new HubClient({ baseUrl: demo.hubUrl }).adoptions();
    expect(adoptions).toHaveLength(8);
    expect(new Set(adoptions.map((a) => a.referenceStatus))).toEqual(new Set(['ok']));
    const spread = await fetch(`${demo.portalUrl}/spread`);
    expect(spread.status).toBe(200);
    expect(await spread.text()).toContain('Timeline of pieces taken up across the network');
  });
});
