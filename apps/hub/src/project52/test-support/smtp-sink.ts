import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  envelopeTo: string[];
  raw: string;
}

export interface SmtpSinkOptions {
  /** Addresses refused at RCPT TO with 550. */
  reject?: ReadonlySet<string>;
  /** Addresses refused once with 451 (try again later), then accepted. */
  deferOnce?: ReadonlySet<string>;
  /** Runs before the server answers the final dot of each message; may throw to refuse it. */
  beforeAccept?: (mail: ReceivedMail, index: number) => void;
  /** Runs after the server has answered 250 to a message. */
  afterAccept?: (mail: ReceivedMail, index: number) => void;
  /** The server greets no client until this resolves: every SMTP conversation waits for it. */
  gate?: Promise<void>;
}

/** A real SMTP server (the `smtp-server` package) on 127.0.0.1 that keeps what it accepted. */
export async function startSmtpSink(options: SmtpSinkOptions = {}) {
  const accepted: ReceivedMail[] = [];
  const deferred = new Set<string>();
  let seen = 0;
  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onConnect(_session, callback) {
      if (options.gate) options.gate.then(() => callback(), callback);
      else callback();
    },
    onRcptTo(address, _session, callback) {
      const to = address.address;
      if (options.reject?.has(to)) {
        callback(Object.assign(new Error('5.1.1 No such mailbox'), { responseCode: 550 }));
        return;
      }
      if (options.deferOnce?.has(to) && !deferred.has(to)) {
        deferred.add(to);
        callback(
          Object.assign(new Error('4.2.0 Mailbox busy, try again later'), { responseCode: 451 }),
        );
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const mail = {
          envelopeTo: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        };
        const index = seen++;
        try {
          options.beforeAccept?.(mail, index);
        } catch (error) {
          callback(error instanceof Error ? error : new Error(String(error)));
          return;
        }
        accepted.push(mail);
        callback();
        options.afterAccept?.(mail, index);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    accepted,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
