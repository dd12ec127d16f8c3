#!/usr/bin/env node
/**
 * Regenerates the README's screenshots from the Playwright/Chromium flows: builds, runs the UI test files that take
 * them (one after another), and copies each named image from test-results/screenshots/ to docs/screenshots/.
 *
 *   npm run screenshots              # every README screenshot
 *   npm run screenshots -- receive,light   # only those whose name contains "receive" or "light"
 *
 * Needs Debian's Chromium (/usr/lib/chromium/chromium). A test that fails leaves its images out and the script
 * exits non-zero naming them.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const FROM = path.join(ROOT, 'test-results', 'screenshots');
const TO = path.join(ROOT, 'docs', 'screenshots');

/** docs/screenshots/<name>.png ← the test file whose flow takes it (under the same name unless `shot` says). */
const SHOTS = [
  { name: 'portfolio', test: 'test/ui/devnetWallet.test.ts' },
  { name: 'send-review', test: 'test/ui/devnetWallet.test.ts' },
  { name: 'accounts', test: 'test/ui/onboarding.test.ts' },
  { name: 'secure-create-words', test: 'test/ui/onboarding.test.ts' },
  { name: 'swap-routes', test: 'test/ui/crossChain.test.ts' },
  { name: 'swap-review', test: 'test/ui/crossChain.test.ts' },
  { name: 'swap-progress-delayed', test: 'test/ui/crossChain.test.ts' },
  { name: 'swap-evm-to-cosmos', test: 'test/ui/crossChainCosmos.test.ts' },
  { name: 'rebalance-plan', test: 'test/ui/rebalance.test.ts' },
  { name: 'receive', test: 'test/ui/receive.test.ts' },
  { name: 'portfolio-last-known', test: 'test/ui/liveBalances.test.ts' },
  { name: 'settings', test: 'test/ui/liveBalances.test.ts', shot: 'settings-live-balances' },
  { name: 'small-window', test: 'test/ui/smallWindow.test.ts' },
  { name: 'light-theme', test: 'test/ui/theme.test.ts' },
];

const filter = process.argv[2];
const parts = filter ? filter.split(',').filter(Boolean) : [];
const wanted = SHOTS.filter((s) => parts.length === 0 || parts.some((part) => s.name.includes(part)));
if (wanted.length === 0) {
  console.error(`no screenshot matches "${filter}"`);
  process.exit(2);
}

const run = (command, args) => spawnSync(command, args, { cwd: ROOT, stdio: 'inherit' }).status ?? 1;
if (run(process.execPath, ['scripts/build.mjs']) !== 0) process.exit(1);

const failedFiles = new Set();
for (const test of [...new Set(wanted.map((s) => s.test))]) {
  if (run(process.execPath, [path.join(ROOT, 'node_modules', 'vitest', 'vitest.mjs'), 'run', test]) !== 0) failedFiles.add(test);
}

mkdirSync(TO, { recursive: true });
const missing = [];
for (const shot of wanted) {
  const source = path.join(FROM, `${shot.shot ?? shot.name}.png`);
  if (failedFiles.has(shot.test) || !existsSync(source)) {
    missing.push(shot.name);
    continue;
  }
  copyFileSync(source, path.join(TO, `${shot.name}.png`));
  console.log(`docs/screenshots/${shot.name}.png`);
}
if (missing.length > 0) {
  console.error(`not regenerated: ${missing.join(', ')}`);
  process.exit(1);
}
