import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, it } from 'vitest';

/*
 * The app window's first paint loads only the scripts index.html names (the entry and its module preloads); the
 * Strategy page and its chart come later (React.lazy in WalletShell). Issue #13's budget: at most 120 KB gzip.
 */
const RENDERER = join(__dirname, '..', '..', 'dist', 'renderer');

it('the app window\'s initial JavaScript is at most 120 KB gzip, without the Strategy page', () => {
  const html = readFileSync(join(RENDERER, 'index.html'), 'utf8');
  const scripts = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="\.\/(assets\/[^"]+\.js)"/g)].map((m) => m[1] as string);
  expect(scripts.length).toBeGreaterThan(0);
  const gzipBytes = scripts.reduce((sum, file) => sum + gzipSync(readFileSync(join(RENDERER, file)), { level: 9 }).length, 0);
  expect(gzipBytes).toBeLessThanOrEqual(120_000);
  expect(scripts.some((f) => /StrategyPage/.test(f))).toBe(false);
  expect(readdirSync(join(RENDERER, 'assets')).some((f) => /^StrategyPage-.*\.js$/.test(f))).toBe(true);
});
