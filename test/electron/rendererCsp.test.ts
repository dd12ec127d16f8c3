/**
 * The built renderer under the shell's real CSP, in real Chromium: both pages are served by the same readAppFile
 * the `app:` protocol handler uses (an HTTP listener on 127.0.0.1 maps `/x` to `app://strata/x`, so 'self' means the
 * same thing), and the test fails on any Content-Security-Policy violation (inline script or style, eval, a remote
 * font or image). Needs Debian's Chromium (`apt-get install -y chromium`); skipped with a message without it.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAppFile } from '../../electron/services/shell/appFiles';
import { CONTENT_SECURITY_POLICY } from '../../electron/services/shell/csp';

const ROOT = path.resolve(__dirname, '..', '..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium';
const haveChromium = existsSync(CHROMIUM);
const haveRenderer = existsSync(path.join(ROOT, 'vite.config.ts'));
const run = promisify(execFile);

if (!haveChromium) console.warn(`Chromium not found at ${CHROMIUM} (apt-get install -y chromium, or set CHROMIUM_PATH): skipping the renderer CSP test`);

describe.skipIf(!haveChromium || !haveRenderer)('the built renderer under the app: CSP (real Chromium)', () => {
  let out: string;
  let server: Server;
  let origin: string;
  let browser: Browser;

  beforeAll(async () => {
    out = await mkdtemp(path.join(tmpdir(), 'strata-csp-'));
    await run(process.execPath, ['scripts/build.mjs', '--out', out], { cwd: ROOT });
    const rendererDir = path.join(out, 'renderer');
    server = createServer((request, response) => {
      void readAppFile(rendererDir, `app://strata${request.url ?? '/'}`).then((file) => {
        response.writeHead(file.status, file.headers);
        response.end(file.body);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-first-run'] });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
    if (out !== undefined) await rm(out, { recursive: true, force: true });
  });

  it('ships pages without inline scripts or style attributes', async () => {
    for (const page of ['index.html', 'secure.html']) {
      const html = await readFile(path.join(out, 'renderer', page), 'utf8');
      expect([...html.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]).filter((tag) => !/\ssrc=/.test(tag)), page).toStrictEqual([]);
      expect(html, page).not.toMatch(/<style\b/);
      expect(html, page).not.toMatch(/\sstyle=/);
    }
  });

  it.each(['index.html', 'secure.html'])('loads %s with no CSP violation', async (pageName) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
      document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
    });
    const consoleCsp: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) consoleCsp.push(message.text());
    });
    const response = await page.goto(`${origin}/${pageName}`);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    await page.waitForLoadState('load');
    // Let the app render (and fail, without window.strata) so late violations surface too.
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)).toStrictEqual([]);
    expect(consoleCsp).toStrictEqual([]);
    expect(await page.evaluate(() => document.querySelectorAll('script[src]').length)).toBeGreaterThan(0);
    // Control: the detector does see a violation (an inline style attribute is refused by style-src 'self').
    const control = await page.evaluate(async () => {
      document.body.insertAdjacentHTML('beforeend', '<div style="color: red"></div>');
      await new Promise((resolve) => setTimeout(resolve, 50));
      return (window as unknown as { __cspViolations: string[] }).__cspViolations;
    });
    // One report per enforcing policy (the header, and the page's own <meta> CSP when it has one).
    expect(control.length).toBeGreaterThan(0);
    expect([...new Set(control)]).toStrictEqual(['style-src-attr inline']);
    await context.close();
  });
});
