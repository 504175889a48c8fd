import type { Reporter, TestModule } from 'vitest/node';

/** Prints the plain `N passed, N failed` line CI's accounting reads, after vitest's own summary. */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const module of testModules) {
      let failedHere = 0;
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failedHere++;
        else skipped++;
      }
      // A file that failed without a failing test (an import error, a failed beforeAll that
      // skipped its tests) counts once, so the line never says 0 failed for a failed run.
      failed += failedHere || (module.state() === 'failed' ? 1 : 0);
    }
    const tail = skipped ? `, ${skipped} skipped` : '';
    process.stdout.write(`\n${passed} passed, ${failed} failed${tail}\n`);
  }
}
