import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  HubClient,
  type HubClientError,
  type Project52Queue,
} from '@promise-global/sdk/client/hub';
import { afterEach, describe, expect, it } from 'vitest';
import { enrolAndApprove } from './support/enrol.js';
import { innovationData, testUuid } from './support/fixtures.js';
import { project52Config } from './support/project52.js';
import { startTestHub } from './support/test-hub.js';
import { startTestNode } from './support/test-node.js';

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of cleanup.splice(0).reverse()) await close();
});

const piece = (index: number) => ({
  partnerId: 'cpft',
  recordId: testUuid(`cpft/innovation/${index}`),
});

/** Hubs (one, or two sharing a database file) with two submitted pieces and two editors each. */
async function newsroom(hubs: 1 | 2 = 1) {
  const dir = await mkdtemp(join(tmpdir(), 'p52-race-'));
  cleanup.push(() => rm(dir, { recursive: true, force: true }));
  const database = { url: `file:${join(dir, 'hub.db')}` };
  const project52 = project52Config();
  const first = await startTestHub({ database, project52 });
  cleanup.push(() => first.hub.close());
  const cpft = await startTestNode({ partnerId: 'cpft' });
  cleanup.push(cpft.close);
  for (const index of [1, 2]) {
    await cpft.publish('innovation', {
      ...innovationData('cpft', index, {
        status: 'submitted',
        submittedAt: new Date(Date.UTC(2026, 0, index, 9)).toISOString(),
      }),
      publishedAt: undefined,
    });
  }
  await enrolAndApprove(first.operator, cpft.url, cpft.key.kid);
  await first.operator.syncNode({ partnerId: 'cpft' });
  const second = hubs === 2 ? await startTestHub({ database, project52 }) : first;
  if (second !== first) cleanup.push(() => second.hub.close());
  const editorAt = async (url: string, name: string) => {
    const { token } = await first.operator.createToken({ name, role: 'editor' });
    return new HubClient({ baseUrl: url, token });
  };
  return {
    ada: await editorAt(first.hub.url, 'Ada'),
    bo: await editorAt(second.hub.url, 'Bo'),
  };
}

function seenIn(queue: Project52Queue, ref: { recordId: string }) {
  const found = queue.pieces.find((candidate) => candidate.recordId === ref.recordId);
  if (!found) throw new Error(`no piece ${ref.recordId}`);
  return { state: found.state, decidedAt: found.decidedAt };
}

function eventsFor(queue: Project52Queue, ref: { partnerId: string; recordId: string }) {
  return queue.decisions.filter((decision) =>
    decision.pieces.includes(`${ref.partnerId}/${ref.recordId}`),
  );
}

function outcome(results: PromiseSettledResult<unknown>[]) {
  const refused = results.flatMap((result) =>
    result.status === 'rejected' ? [result.reason as HubClientError] : [],
  );
  return { won: results.length - refused.length, refused };
}

describe('Project 52 decisions at the same instant', () => {
  it('lets one of approve and decline win; the other is told 409 naming where the piece stands', async () => {
    const { ada, bo } = await newsroom();
    const p1 = piece(1);
    const seen = seenIn(await ada.project52Queue(), p1);
    expect(seen).toEqual({ state: 'queued', decidedAt: null });

    const { won, refused } = outcome(
      await Promise.allSettled([
        ada.approvePiece({ ...p1, seen }),
        bo.declinePiece({ ...p1, seen, reason: 'Out of scope' }),
      ]),
    );
    expect(won).toBe(1);
    expect(refused).toHaveLength(1);
    const queue = await ada.project52Queue();
    const now = seenIn(queue, p1).state;
    expect(['approved', 'declined']).toContain(now);
    expect(refused[0]?.httpStatus).toBe(409);
    expect(refused[0]?.code).toBe('CONFLICT');
    expect(refused[0]?.message).toMatch(new RegExp(`^DECISION_CONFLICT: .* is now ${now} \\(`));
    expect(eventsFor(queue, p1)).toHaveLength(1);
  });

  it('logs one approve event for two approvals at once, even from callers that send no version', async () => {
    const { ada, bo } = await newsroom();
    const p1 = piece(1);
    const { won, refused } = outcome(
      await Promise.allSettled([ada.approvePiece(p1), bo.approvePiece(p1)]),
    );
    expect(won).toBe(1);
    expect(refused.map((error) => error.httpStatus)).toEqual([409]);
    expect(refused[0]?.message).toMatch(/is now approved/);
    const events = eventsFor(await ada.project52Queue(), p1);
    expect(events.map((event) => event.type)).toEqual(['approve']);
  });

  it('refuses a decision made on a version that has changed since, even when the state is back where it was', async () => {
    const { ada, bo } = await newsroom();
    const p2 = piece(2);
    const stale = seenIn(await ada.project52Queue(), p2);
    await bo.approvePiece(p2);
    await bo.requestChanges({ ...p2, note: 'Shorten the summary' });
    const fresh = seenIn(await bo.project52Queue(), p2);
    await expect(
      ada.requestChanges({ ...p2, seen: { ...fresh, state: 'queued' }, note: 'x' }),
    ).rejects.toMatchObject({ httpStatus: 409 });
    await expect(ada.approvePiece({ ...p2, seen: stale })).rejects.toMatchObject({
      httpStatus: 409,
      message: expect.stringMatching(/is now changes_requested \(request_changes by editor:Bo/),
    });
    await expect(ada.approvePiece({ ...p2, seen: fresh })).resolves.toBeDefined();
  });

  it('keeps one decision per change when two hub processes on one database decide at once', async () => {
    const { ada, bo } = await newsroom(2);
    const p1 = piece(1);
    const seen = seenIn(await ada.project52Queue(), p1);
    const { won, refused } = outcome(
      await Promise.allSettled([
        ada.approvePiece({ ...p1, seen }),
        bo.declinePiece({ ...p1, seen, reason: 'Out of scope' }),
      ]),
    );
    expect(won).toBe(1);
    expect(refused.map((error) => error.httpStatus)).toEqual([409]);
    expect(eventsFor(await bo.project52Queue(), p1)).toHaveLength(1);
  });
});
