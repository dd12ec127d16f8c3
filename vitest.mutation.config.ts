import { defineConfig } from 'vitest/config';

/**
 * The fast unit suites that cover the money and key modules, for `npm run test:mutation` (StrykerJS runs them once per
 * mutant, so nothing here may start a devnet, a browser, a child process or the built CLI). No globalSetup: these tests
 * never need dist/.
 */
export default defineConfig({
  test: {
    include: [
      'test/**/*Mutation.test.ts',
      'test/**/*.unit.test.ts',
      'test/vault/*.test.ts',
      'test/storage/atomicWrite*.test.ts',
      'test/unit/{addresses,amounts,deriveKey,mnemonic}.test.ts',
      'test/rebalance/{planTrades,planRebalance}.test.ts',
      'test/transfers/transferJournal.test.ts',
      'test/optimizer/*.test.ts',
    ],
    exclude: ['**/*.crash.test.ts', '**/*.devnet.test.ts', '**/*.electron.test.ts', 'test/optimizer/cli.test.ts'],
    environment: 'node',
    setupFiles: ['./test/support/localNetworkOnly.ts'],
    pool: 'forks',
    testTimeout: 60_000,
  },
});
