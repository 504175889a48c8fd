import type { ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { examples, freePort, nodeCli, stop } from './cli-process.js';

const ROWS = 20_000;

let dir: string;
let url: string;
let server: ChildProcess | undefined;
let run: ReturnType<typeof nodeCli>;

/** The example services CSV's home-treatment row, repeated with a numbered name. */
async function bigCsv(rows: number): Promise<string> {
  const [header, , row] = (await readFile(join(examples, 'services.csv'), 'utf8')).split('\n');
  if (!header || !row) throw new Error('examples/services.csv changed shape');
  const lines = Array.from({ length: rows }, (_, index) =>
    row.replace('Home Treatment Team', `Home Treatment Team ${index + 1}`),
  );
  const file = join(dir, 'services-20000.csv');
  await writeFile(file, `${header}\n${lines.join('\n')}\n`);
  return file;
}

async function feed(): Promise<{ seq: number; type: string; name: string }[]> {
  const out: { seq: number; type: string; name: string }[] = [];
  for (let after = 0; ; ) {
    const page = (await (await fetch(`${url}/feed?after=${after}&limit=1000`)).json()) as {
      records: string[];
    };
    if (page.records.length === 0) return out;
    for (const jws of page.records) {
      const payload = JSON.parse(Buffer.from(jws.split('.')[1] ?? '', 'base64url').toString()) as {
        seq: number;
        type: string;
        data?: { name?: string };
      };
      const data = payload.data;
      out.push({ seq: payload.seq, type: payload.type, name: data?.name ?? '' });
      after = payload.seq;
    }
  }
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'promise-node-import-'));
  run = nodeCli(dir, join(dir, 'promise-node.json'));
  const port = await freePort();
  url = `http://127.0.0.1:${port}`;
  const init = await run.cli(
    'init',
    dir,
    '--partner-id',
    'fenland',
    '--port',
    String(port),
    '--name',
    'Fenland Mental Health Partnership',
    '--country',
    'GB',
    '--website',
    'https://fenland.example.org',
    '--contact-email',
    'promise@fenland.example.org',
    '--description',
    'A fictional partner.',
  );
  expect(init.code, init.stderr).toBe(0);
  server = await run.start();
}, 60_000);

afterAll(async () => {
  await stop(server);
  await rm(dir, { recursive: true, force: true });
});

describe('API writes while `promise-node import` runs', () => {
  it(`answers every write with 201, or 503 and Retry-After, during a ${ROWS}-row import; the writes land between its chunks`, async () => {
    const token = (
      await run.cli('token', 'create', '--name', 'cms', '--role', 'editor')
    ).stdout.trim();
    const file = await bigCsv(ROWS);
    let importing = true;
    const imported = run.cli('import', file).finally(() => {
      importing = false;
    });

    const answers: { status: number; retryAfter: string | null; body: string; name: string }[] = [];
    let n = 0;
    while (importing) {
      // Four writers at once, then the next round: real concurrency on loopback.
      await Promise.all(
        Array.from({ length: 4 }, async () => {
          const name = `Written during the import ${++n}`;
          const response = await fetch(`${url}/api/organisations`, {
            method: 'POST',
            headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
            body: JSON.stringify({ name, type: 'vcfse' }),
          });
          answers.push({
            status: response.status,
            retryAfter: response.headers.get('retry-after'),
            body: await response.text(),
            name,
          });
        }),
      );
    }
    const result = await imported;
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(`${ROWS} services`);

    expect(answers.filter((answer) => answer.status >= 500 && answer.status !== 503)).toEqual([]);
    for (const answer of answers.filter((a) => a.status === 503)) {
      expect(answer.retryAfter).toMatch(/^\d+$/);
      expect(JSON.parse(answer.body)).toMatchObject({ error: { code: 'DATABASE_BUSY' } });
    }
    const written = answers.filter((answer) => answer.status === 201);
    expect(written.length).toBeGreaterThan(0);

    // Every accepted write is in the feed once; some of them between the import's first and last record.
    const records = await feed();
    const services = records.filter((record) => record.type === 'service');
    expect(services).toHaveLength(ROWS);
    const first = services[0]?.seq ?? 0;
    const last = services.at(-1)?.seq ?? 0;
    const ours = records.filter((record) => record.name.startsWith('Written during the import'));
    expect(ours.map((record) => record.name).sort()).toEqual(written.map((a) => a.name).sort());
    expect(ours.filter((record) => record.seq > first && record.seq < last).length).toBeGreaterThan(
      0,
    );
  }, 600_000);
});
