import { recordDataSchemas } from '../packages/schema/src/index.js';
import { bundleVerify } from '../packages/sdk/scripts/bundle-verify.js';
import {
  buildBenchFeed,
  compactVerify,
  importJWK,
} from '../packages/sdk/scripts/vectors/bench-feed.js';
import {
  initialFeedState,
  verifyFeedPage,
  verifyRecord,
} from '../packages/sdk/src/verify/index.js';
import { browserRecordsPerSecond } from './sdk-verify-browser.js';

// SDK verifyRecord (RFC 8725 profile, claims, namespace and data-schema validation) against raw
// jose compactVerify on the same ~3.5 KB innovation records, in the same run. The machine is
// shared, so the two alternate in batches of 50 and each ratio is the median of the batch ratios.
// The data schema (`recordDataSchemas.innovation`, owned by packages/schema) is also timed on its
// own in the same batches, to show what the SDK's protocol checks cost without it.
type Verify = (jws: string) => Promise<unknown>;

async function seconds(run: () => unknown): Promise<number> {
  const start = process.hrtime.bigint();
  await run();
  return Number(process.hrtime.bigint() - start) / 1e9;
}

async function oneByOne(records: readonly string[], verify: Verify): Promise<void> {
  for (const jws of records) await verify(jws);
}

async function concurrently(records: readonly string[], verify: Verify): Promise<void> {
  await Promise.all(records.map(verify));
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function dataOf(jws: string): unknown {
  return JSON.parse(Buffer.from(jws.split('.')[1] ?? '', 'base64url').toString('utf8')).data;
}

export default async function (): Promise<void> {
  const { records, head, keys, publicJwk, now, iss, partnerId } = await buildBenchFeed(500);
  const joseKey = await importJWK(publicJwk, 'EdDSA');
  const jose: Verify = (jws) => compactVerify(jws, joseKey, { algorithms: ['EdDSA'] });
  const sdk: Verify = (jws) => verifyRecord(jws, { keys, iss, partnerId, now });
  const averageBytes = records.reduce((sum, jws) => sum + jws.length, 0) / records.length;
  console.log(
    `records: ${records.length} innovations, average JWS ${(averageBytes / 1024).toFixed(2)} KB`,
  );
  await oneByOne(records, jose);
  await oneByOne(records, sdk);

  for (const [mode, run] of [
    ['one at a time (latency-bound)', oneByOne],
    ['50 in flight (throughput)', concurrently],
  ] as const) {
    const batch = 50;
    const ratios: number[] = [];
    const ratiosWithoutSchema: number[] = [];
    let joseTime = 0;
    let sdkTime = 0;
    for (let round = 0; round < 3; round += 1) {
      for (let start = 0; start < records.length; start += batch) {
        const slice = records.slice(start, start + batch);
        const data = slice.map(dataOf);
        const joseSeconds = await seconds(() => run(slice, jose));
        const sdkSeconds = await seconds(() => run(slice, sdk));
        const schemaSeconds = await seconds(() =>
          data.map((item) => recordDataSchemas.innovation.safeParse(item)),
        );
        joseTime += joseSeconds;
        sdkTime += sdkSeconds;
        ratios.push(joseSeconds / sdkSeconds);
        ratiosWithoutSchema.push(joseSeconds / Math.max(sdkSeconds - schemaSeconds, 1e-9));
      }
    }
    const verified = records.length * 3;
    console.log(`${mode}:`);
    console.log(
      `  raw jose compactVerify:                 ${(verified / joseTime).toFixed(0)} records/s`,
    );
    console.log(
      `  SDK verifyRecord:                       ${(verified / sdkTime).toFixed(0)} records/s`,
    );
    console.log(
      `  SDK / jose:                             ${median(ratios).toFixed(2)} (target ≥ 0.90)`,
    );
    console.log(
      `  SDK / jose without the data schema:     ${median(ratiosWithoutSchema).toFixed(2)}`,
    );
  }

  const state = initialFeedState({ iss, keys, partnerId });
  const pageSeconds: number[] = [];
  for (let round = 0; round < 5; round += 1) {
    pageSeconds.push(await seconds(() => verifyFeedPage(state, { records, head }, { now })));
  }
  const nodeRate = records.length / median(pageSeconds);
  console.log(`verifyFeedPage, 500-record page: ${nodeRate.toFixed(0)} records/s (median of 5)`);

  // The browser bundle (esbuild, no externals) in headless Chromium, on the same page.
  const { code, gzipBytes } = await bundleVerify();
  console.log(`browser verify bundle: ${(gzipBytes / 1000).toFixed(1)} KB gzip (goal ≤ 25 KB)`);
  const browserRate = await browserRecordsPerSecond(code, {
    records,
    head,
    keys,
    iss,
    partnerId,
    now,
  });
  console.log(
    `verifyFeedPage in Chromium with the bundle: ${browserRate.toFixed(0)} records/s, ${(browserRate / nodeRate).toFixed(2)}× Node (goal ≥ 0.5×)`,
  );
}
