import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['./test/support/globalSetup.ts'],
    // every test file: no request leaves this machine (a test that tries fails)
    setupFiles: ['./test/support/localNetworkOnly.ts'],
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores on our machines: the crash, KDF and browser tests each want one.
    maxWorkers: 2,
    minWorkers: 1,
    reporters: ['default', './test/support/summaryReporter.ts'],
  },
});
