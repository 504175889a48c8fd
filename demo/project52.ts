import type { HubConfigInput } from '@promise-global/hub';
import { HubClient } from '@promise-global/sdk/client/hub';
import type { DemoPartnerContent } from './content/load.js';
import type { OutboxMail } from './mail-sink.js';

type Project52Settings = NonNullable<HubConfigInput['project52']>;

/**
 * The demo hub's Project 52. The bulletin goes out on Mondays at 00:00 UTC, and a missed send
 * may still go out for up to 167 hours (the longest the hub allows): a demo is started in the
 * middle of some week, and this keeps that week open, so it gets a piece and its bulletin goes
 * out once, as it would from a hub coming back after being down. Mail goes to the demo's sink.
 */
export function demoProject52(options: { smtpPort: number; secret: string }): Project52Settings {
  return {
    programmeStart: '2026-W01',
    send: { weekday: 1, time: '00:00', timeZone: 'UTC', catchUpHours: 167 },
    mailing: {
      secret: options.secret,
      from: '"PROMISE Project 52 (demo)" <project52@example.org>',
      smtp: { host: '127.0.0.1', port: options.smtpPort, security: 'none' },
    },
  };
}

/**
 * The demo editor approves every seeded write-up still waiting in the queue, in the queue's own
 * order (signed submission time), through the editors' API; the hub gives each the earliest free
 * week. Only while the decision log is empty, so a restart never decides anything again and an
 * editor's later decisions in the demo stand.
 */
export async function approveSeededPieces(
  hubUrl: string,
  editorToken: string,
  content: readonly DemoPartnerContent[],
  log: (line: string) => void,
): Promise<void> {
  const editor = new HubClient({ baseUrl: hubUrl, token: editorToken });
  const queue = await editor.project52Queue();
  if (queue.decisions.length > 0) return;
  const seeded = new Set(
    content.flatMap(({ partner, innovations }) =>
      innovations.map((piece) => `${partner.id}/${piece.id}`),
    ),
  );
  let approved = 0;
  for (const piece of queue.pieces) {
    if (piece.state !== 'queued' || !seeded.has(`${piece.partnerId}/${piece.recordId}`)) continue;
    await editor.approvePiece({ partnerId: piece.partnerId, recordId: piece.recordId });
    approved++;
  }
  log(`project 52: the demo editor approved ${approved} write-ups`);
}

/** The fictional reader the demo subscribes on its first run. */
export const DEMO_READER = 'reader@example.org';

/**
 * First run: a fictional reader subscribes the way a person does (request, confirmation mail,
 * link), so this week's bulletin reaches the outbox as a subscriber receives it.
 */
export async function subscribeDemoReader(
  hubUrl: string,
  outbox: readonly OutboxMail[],
  log: (line: string) => void,
): Promise<void> {
  await new HubClient({ baseUrl: hubUrl }).subscribe({ email: DEMO_READER });
  let mail: OutboxMail | undefined;
  for (let waited = 0; !mail && waited < 5_000; waited += 20) {
    mail = outbox.find((sent) => sent.to.includes(DEMO_READER));
    if (!mail) await new Promise((resolve) => setTimeout(resolve, 20));
  }
  // The link opens the portal (not started yet); its button asks the hub, as this does.
  const token = mail && /\/subscribe\/confirm\?token=(\S+)/.exec(mail.text)?.[1];
  if (!token) throw new Error(`no confirmation link reached the outbox for ${DEMO_READER}`);
  const { outcome } = await new HubClient({ baseUrl: hubUrl }).confirmSubscription({
    token: decodeURIComponent(token),
  });
  if (outcome !== 'confirmed') throw new Error(`confirming ${DEMO_READER} failed: ${outcome}`);
  log(`project 52: ${DEMO_READER} (fictional) subscribed and confirmed`);
}
