// @ts-check
/**
 * Mutation testing of the code that touches money and keys (issue #18): `npm run test:mutation`.
 * Runs the fast suites only (vitest.mutation.config.ts), one mutant at a time per core. One file or group:
 *   npm run test:mutation -- --mutate shared/amounts.ts
 * Report: reports/mutation/mutation.json (+ mutation.html); equivalent mutants are listed in test/mutation/README.md.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  coverageAnalysis: 'perTest',
  mutate: [
    'electron/services/vault/*.ts',
    'electron/services/storage/atomicWrite.ts',
    'electron/services/keys/*.ts',
    'shared/amounts.ts',
    'shared/addresses/*.ts',
    'electron/services/routing/findRoutes.ts',
    'electron/services/routing/routeWarnings.ts',
    'electron/services/routing/routePricing.ts',
    'shared/rebalance/planTrades.ts',
    'shared/rebalance/measureDrift.ts',
    'electron/services/transfers/transferJournal.ts',
    'shared/optimizer/*.ts',
    '!shared/optimizer/*.d.ts',
  ],
  // Our machines have 2 cores shared with other work; raise with --concurrency on a quiet machine.
  concurrency: 1,
  timeoutMS: 10_000,
  reporters: ['clear-text', 'progress', 'json', 'html'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
