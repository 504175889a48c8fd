import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fillSearchCorpus, wordOf } from '../apps/hub/scripts/bench-support.js';
import { openDatabase } from '../apps/hub/src/db/database.js';
import { ftsMatchExpression } from '../apps/hub/src/index/fts-query.js';
import { searchInnovations } from '../apps/hub/src/index/search-innovations.js';

const RECORDS = 100_000;
const VOCABULARY = 20_000;
/** Samples per query: fewer for common words, whose searches take a few hundred ms each. */
const REPEATS = { rare: 60, mid: 60, common: 15 } as const;

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};

/** Search latency at 100k records: the hub's search (filters, cursor, joins, snippets) vs raw FTS5. */
export default async function (): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'hub-search-'));
  const db = await openDatabase({ url: `file:${join(dir, 'hub.db')}` });
  try {
    let t = performance.now();
    await fillSearchCorpus(db, RECORDS, VOCABULARY);
    console.log(
      `indexed ${RECORDS} innovations in ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );
    const bands = {
      rare: [
        [4001, 5003],
        [6007, 7001],
        [8009, 9011],
        [5501, 12001],
        [10007, 15013],
      ],
      mid: [
        [101, 203],
        [151, 307],
        [211, 401],
        [251, 503],
        [307, 601],
      ],
      common: [
        [2, 5],
        [3, 7],
        [4, 9],
        [6, 11],
        [8, 13],
      ],
    } as const;
    const raw = async (q: string) =>
      db.$client.execute({
        sql: `SELECT rowid, highlight(innovation_fts, 0, '[', ']') AS t, snippet(innovation_fts, 1, '[', ']', '…', 24) AS s,
          snippet(innovation_fts, 2, '[', ']', '…', 24) AS b FROM innovation_fts WHERE innovation_fts MATCH ? ORDER BY rank LIMIT 20`,
        args: [ftsMatchExpression(q) ?? ''],
      });
    for (const band of ['rare', 'mid', 'common'] as const) {
      const pairs = bands[band];
      // `changed`: the index changed since the query was last counted, so a full first page counts
      // its matches again (a repeated query is answered from the remembered count).
      const times = { hub: [] as number[], raw: [] as number[], changed: [] as number[] };
      let hits = 0;
      for (let r = 0; r < REPEATS[band]; r++) {
        for (const [a, b] of pairs) {
          const q = `${wordOf(a)} ${wordOf(b)}`;
          t = performance.now();
          const rows = await raw(q);
          times.raw.push(performance.now() - t);
          t = performance.now();
          const page = await searchInnovations(db, { q, limit: 20 });
          times.hub.push(performance.now() - t);
          if (page.items.length !== rows.rows.length)
            throw new Error(`${q}: ${page.items.length} vs ${rows.rows.length}`);
          hits = Math.max(hits, rows.rows.length);
        }
      }
      for (let r = 0; r < REPEATS[band]; r++) {
        for (const [a, b] of pairs) {
          const q = `${wordOf(a)} ${wordOf(b)}`;
          await db.$client.execute('UPDATE index_generation SET value = value + 1');
          t = performance.now();
          await searchInnovations(db, { q, limit: 20 });
          times.changed.push(performance.now() - t);
        }
      }
      const matches = await db.$client.execute({
        sql: 'SELECT count(*) AS n FROM innovation_fts WHERE innovation_fts MATCH ?',
        args: [ftsMatchExpression(`${wordOf(pairs[0][0])} ${wordOf(pairs[0][1])}`) ?? ''],
      });
      const line = (name: keyof typeof times) =>
        `${name} p50 ${percentile(times[name], 50).toFixed(2)} ms, p95 ${percentile(times[name], 95).toFixed(2)} ms`;
      console.log(
        `${band.padEnd(6)} (e.g. ${Number(matches.rows[0]?.n)} matches): ${line('raw')} | ${line('hub')} | ratio p50 ${(percentile(times.hub, 50) / percentile(times.raw, 50)).toFixed(2)}, p95 ${(percentile(times.hub, 95) / percentile(times.raw, 95)).toFixed(2)} (target ≤ 1.2)`,
      );
      console.log(
        `${''.padEnd(6)} after an index change: ${line('changed')} | ratio p50 ${(percentile(times.changed, 50) / percentile(times.raw, 50)).toFixed(2)}`,
      );
    }
  } finally {
    db.$client.close();
    await rm(dir, { recursive: true, force: true });
  }
}
