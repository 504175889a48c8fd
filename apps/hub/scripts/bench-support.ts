import { createClient } from '@libsql/client';
import type { RecordPayload } from '@promise-global/schema';
import { compactVerify, importJWK } from '../../../packages/sdk/scripts/vectors/bench-feed.js';
import type { HubDatabase } from '../src/db/database.js';
import { nodes } from '../src/db/schema/index.js';
import { appendEntries, indexEntries } from '../src/index/write-page.js';
import { innovationData, prose } from '../test/support/fixtures.js';
import { startTestNode, type TestNode } from '../test/support/test-node.js';

// Support for bench/hub-*.bench.ts: test nodes with ~3.5 KB records, the baseline pipeline, and a
// synthetic 100k-record corpus with a Zipf vocabulary (so rare, mid and common words exist).

/** Starts `count` genuine test nodes, each with `perNode` signed ~3.5 KB innovation records. */
export async function startBenchNodes(count: number, perNode: number): Promise<TestNode[]> {
  const started: TestNode[] = [];
  for (let n = 0; n < count; n++) {
    const partnerId = `bench-${n}`;
    const node = await startTestNode({ partnerId });
    for (let i = 1; i < perNode; i++) {
      await node.publish('innovation', {
        ...innovationData(partnerId, i, { body: prose(n * perNode + i, 200) }),
      });
    }
    started.push(node);
  }
  return started;
}

async function pool<T>(
  items: readonly T[],
  concurrency: number,
  run: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) await run(items[next++] as T);
    }),
  );
}

/**
 * The baseline the hub is measured against: fetch each page, verify each record with jose
 * `compactVerify`, one multi-row INSERT per page into an FTS5 table. No chain checks, no schema
 * validation, no log, no facets, no cursor.
 */
export async function baselineBackfill(
  feeds: TestNode[],
  url: string,
  pageLimit: number,
  concurrency: number,
) {
  const db = createClient({ url });
  await db.execute('PRAGMA journal_mode = WAL');
  await db.execute('PRAGMA synchronous = NORMAL');
  await db.execute(
    "CREATE VIRTUAL TABLE IF NOT EXISTS records USING fts5(node UNINDEXED, seq UNINDEXED, jws UNINDEXED, title, summary, body, tokenize = 'porter unicode61 remove_diacritics 2')",
  );
  let stored = 0;
  await pool(feeds, concurrency, async (node) => {
    const key = await importJWK({ ...node.key.publicJwk }, 'EdDSA');
    for (let after = 0; ; ) {
      const page = (await (
        await fetch(`${node.url}/feed?after=${after}&limit=${pageLimit}`)
      ).json()) as { records: string[] };
      if (page.records.length === 0) break;
      const rows: (string | number)[] = [];
      for (const jws of page.records) {
        const { payload } = await compactVerify(jws, key);
        const claims = JSON.parse(new TextDecoder().decode(payload)) as RecordPayload;
        const data = (claims.data ?? {}) as Record<string, unknown>;
        rows.push(
          node.url,
          claims.seq,
          jws,
          String(data.title ?? data.name ?? ''),
          String(data.summary ?? ''),
          String(data.body ?? ''),
        );
      }
      await db.execute({
        sql: `INSERT INTO records (node, seq, jws, title, summary, body) VALUES ${page.records.map(() => '(?, ?, ?, ?, ?, ?)').join(', ')}`,
        args: rows,
      });
      stored += page.records.length;
      after += page.records.length;
    }
  });
  db.close();
  return stored;
}

/** Zipf-distributed pseudo-words: rank 1 is the most common. */
export function zipfWord(random: () => number, vocabulary: number): number {
  // Inverse-CDF of a continuous Zipf (s = 1) approximation over 1..vocabulary.
  return Math.min(
    vocabulary,
    Math.max(1, Math.floor(Math.exp(random() * Math.log(vocabulary + 1)))),
  );
}

export const wordOf = (rank: number) => `w${rank.toString(36)}x`;

function seeded(seed: number) {
  let x = seed >>> 0;
  return () => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    return x / 2 ** 32;
  };
}

/** Writes `count` innovations with Zipf-vocabulary text straight through the hub's index writer. */
export async function fillSearchCorpus(
  db: HubDatabase,
  count: number,
  vocabulary: number,
): Promise<void> {
  const [node] = await db
    .insert(nodes)
    .values({
      url: 'https://corpus.example.org',
      partnerId: 'corpus',
      name: 'Corpus',
      country: 'GB',
      partner: {},
      feedUrl: 'https://corpus.example.org/feed',
      schemaVersion: '1.0.0',
      descriptorJws: '',
      chain: {},
      enrolledAt: 0,
    })
    .returning();
  if (!node) throw new Error('no node');
  const random = seeded(42);
  const text = (words: number) =>
    Array.from({ length: words }, () => wordOf(zipfWord(random, vocabulary))).join(' ');
  for (let start = 0; start < count; start += 500) {
    const entries = Array.from({ length: Math.min(500, count - start) }, (_, k) => {
      const i = start + k;
      const data = innovationData('corpus', i, {
        title: text(6),
        summary: text(20),
        body: text(140),
      });
      const payload = {
        iss: node.url,
        iat: 0,
        type: 'innovation',
        id: data.id,
        rev: 1,
        seq: i + 1,
        prev: 'A'.repeat(43),
        updatedAt: data.updatedAt,
        schemaVersion: '1.0.0',
        data,
      } as RecordPayload;
      return { jws: 'x', hash: `h${i}`, payload };
    });
    const pageNode = { id: node.id, partnerId: 'corpus', country: 'GB' };
    await db.$client.batch(
      [...appendEntries(node.id, entries), ...indexEntries(pageNode, entries)],
      'write',
    );
  }
}
