import type { NodeContext } from './context.js';
import type { Tx } from './db/database.js';
import { type AppendedRecord, appendRecord, type RecordChange } from './feed/append-record.js';

/** A write in progress: the transaction, and `publish` to append a signed record inside it. */
export interface Writer {
  tx: Tx;
  /** One clock reading for the whole write, as an ISO 8601 timestamp. */
  now: string;
  publish(change: RecordChange): Promise<AppendedRecord>;
}

/**
 * Runs `work` as one write transaction: data changes and the records they publish commit together
 * (protocol §5, crash safety). After commit the chain witness moves on and the hub is pinged in
 * the background.
 */
export async function write<T>(ctx: NodeContext, work: (writer: Writer) => Promise<T>): Promise<T> {
  let last: AppendedRecord | undefined;
  const result = await ctx.database.write((tx) =>
    work({
      tx,
      now: new Date().toISOString(),
      publish: async (change) => {
        const appended = await appendRecord(tx, ctx.signer, change);
        last = appended;
        return appended;
      },
    }),
  );
  if (last) {
    await ctx.witness?.advance({ seq: last.seq, hash: last.hash });
    ctx.pinger.notify(last.seq);
  }
  return result;
}
