import { mkdir, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** One message the sink accepted, as written to the outbox. */
export interface OutboxMail {
  to: string[];
  subject: string;
  /** The plain-text part (where the demo finds a confirmation link). */
  text: string;
  /** The `.eml` file (the message exactly as received). */
  file: string;
}

export interface MailSink {
  /** The port on 127.0.0.1 the hub's SMTP settings point at. */
  port: number;
  close(): Promise<void>;
}

/**
 * The demo's mail server: a real SMTP server on 127.0.0.1 that delivers nowhere. Each message the
 * hub sends (confirmation links, bulletins) is written to `outboxDir` as an `.eml` file, so a
 * person trying the demo can open it and follow its links.
 */
export async function startMailSink(
  outboxDir: string,
  onMail: (mail: OutboxMail) => void,
): Promise<MailSink> {
  await mkdir(outboxDir, { recursive: true, mode: 0o700 });
  let count = 0;
  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', callback);
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        const stamp = new Date().toISOString().replace(/[:.]/g, '-');
        const file = join(outboxDir, `${stamp}-${String(++count).padStart(3, '0')}.eml`);
        const to = session.envelope.rcptTo.map((recipient) => recipient.address);
        Promise.all([writeFile(file, raw, { mode: 0o600 }), simpleParser(raw)]).then(
          ([, parsed]) => {
            callback();
            onMail({
              to,
              subject: parsed.subject ?? '(no subject)',
              text: parsed.text ?? '',
              file,
            });
          },
          (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
        );
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.server.address() as AddressInfo;
  return { port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
