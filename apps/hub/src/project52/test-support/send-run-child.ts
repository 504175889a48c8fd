// A hub process doing one week's send run, for the kill-and-restart test (send-exactly-once.test.ts).

import { createSmtpTransport } from '@promise-global/operations';
import { sendBulletin } from '../mailing/send-bulletin.js';
import type { Subscriber } from '../mailing/subscribers.js';
import { fictionalBulletin } from './fictional-bulletin.js';
import { FileSendLedger } from './file-send-ledger.js';

const [port, ledgerPath, subscribersJson] = process.argv.slice(2);
const subscribers = JSON.parse(subscribersJson ?? '[]') as Subscriber[];
const transport = createSmtpTransport({ host: '127.0.0.1', port: Number(port), security: 'none' });
const report = await sendBulletin({
  bulletin: fictionalBulletin(),
  startedAt: new Date('2026-10-05T09:00:00Z'),
  subscribers,
  transport,
  ledger: new FileSendLedger(ledgerPath ?? 'ledger.jsonl'),
  links: {
    secret: 'test-mailing-secret-0123456789abcdef',
    confirmUrl: (token) => `https://hub.example.org/project52/confirm?token=${token}`,
    unsubscribeUrl: (token) => `https://hub.example.org/project52/unsubscribe?token=${token}`,
  },
  from: 'project52@hub.example.org',
  domain: 'hub.example.org',
  retry: { attempts: 2, baseMs: 5, maxMs: 10 },
});
transport.close();
process.stdout.write(`${JSON.stringify(report)}\n`);
