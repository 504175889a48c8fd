import { describe, expect, it } from 'vitest';
import { openDatabase } from '../apps/hub/src/db/database.js';
import { ftsMatchExpression } from '../apps/hub/src/index/fts-query.js';
import { SEARCH_EXAMPLES } from '../apps/portal/src/lib/search-examples.js';
import { loadDemoContent } from './content/load.js';

describe('the home page’s example searches', () => {
  it('each find at least one piece the demo network publishes, through the hub’s own index', async () => {
    const pieces = (await loadDemoContent())
      .flatMap((content) => content.innovations)
      .filter((piece) => piece.status !== 'draft');
    const db = await openDatabase({ url: ':memory:' });
    try {
      for (const [index, piece] of pieces.entries())
        await db.$client.execute({
          sql: 'INSERT INTO innovation_fts (rowid, title, summary, body) VALUES (?, ?, ?, ?)',
          args: [index + 1, piece.title, piece.summary, piece.body],
        });
      const found: Record<string, string[]> = {};
      for (const example of SEARCH_EXAMPLES) {
        const rows = await db.$client.execute({
          sql: 'SELECT rowid FROM innovation_fts WHERE innovation_fts MATCH ? ORDER BY rowid',
          args: [ftsMatchExpression(example) ?? ''],
        });
        found[example] = rows.rows.map((row) => pieces[Number(row.rowid) - 1]?.title ?? '');
      }
      for (const example of SEARCH_EXAMPLES)
        expect({ example, found: (found[example] ?? []).length > 0 }).toEqual({
          example,
          found: true,
        });
      // "peer support" also finds the piece whose words are "peer-run" or "peer-led".
      expect(found['peer support']?.length).toBeGreaterThan(1);
    } finally {
      db.$client.close();
    }
  });
});
