import { closeSync, existsSync, fsyncSync, openSync, readFileSync, writeSync } from 'node:fs';
import type { LedgerEntry, SendLedger } from '../mailing/send-ledger.js';
import type { IsoWeek } from '../schedule/iso-week.js';

/**
 * A real SendLedger for the crash test: an append-only JSON-lines file, fsynced on every put, so
 * it survives SIGKILL of the process that wrote it. The hub's own implementation is a libSQL table.
 */
export class FileSendLedger implements SendLedger {
  constructor(readonly path: string) {}

  entries(): LedgerEntry[] {
    if (!existsSync(this.path)) return [];
    const latest = new Map<string, LedgerEntry>();
    for (const line of readFileSync(this.path, 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      try {
        const entry = JSON.parse(line) as LedgerEntry;
        latest.set(`${entry.week}/${entry.subscriberId}`, entry);
      } catch {
        // A line torn by the kill was never acknowledged: it is as if it was never written.
      }
    }
    return [...latest.values()];
  }

  async get(week: IsoWeek, subscriberId: string) {
    return this.entries().find(
      (entry) => entry.week === week && entry.subscriberId === subscriberId,
    );
  }

  async put(entry: LedgerEntry) {
    const fd = openSync(this.path, 'a');
    try {
      writeSync(fd, `\n${JSON.stringify(entry)}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }
}
