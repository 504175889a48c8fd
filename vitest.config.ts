import { defineConfig } from 'vitest/config';

// One vitest run covers the whole tree so `pnpm test` prints a single total.
// The `source` condition makes workspace packages resolve to their TypeScript sources.
const project = (name: string, root: string, testTimeout = 15_000) => ({
  extends: true as const,
  test: {
    name,
    root,
    include: ['**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    testTimeout,
  },
});

export default defineConfig({
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'], externalConditions: ['source'] } },
  test: {
    reporters: ['default', './.ci/summary-reporter.ts'],
    projects: [
      project('schema', 'packages/schema'),
      project('operations', 'packages/operations'),
      project('sdk', 'packages/sdk', 60_000),
      project('ui', 'packages/ui'),
      project('node', 'apps/node', 60_000),
      project('hub', 'apps/hub', 120_000),
      // The portal's pure modules; its pages are tested in a browser (e2e).
      project('portal', 'apps/portal'),
      project('e2e', 'e2e', 180_000),
      project('demo', 'demo'),
    ],
  },
});
