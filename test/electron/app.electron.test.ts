/**
 * The real app, end to end, through Playwright's Electron driver: launches the built bundle (run `npm run build`
 * first) with a throwaway data dir and checks the hardening from inside the page and from main.
 *
 * Needs an Electron binary, which these machines cannot download: set ELECTRON_OVERRIDE_DIST_PATH to an unpacked
 * Electron dist (the directory holding the `electron` executable), or have node_modules/electron/dist. Without one
 * the test is skipped with a message saying so. Never `require('electron')` here: from plain Node that starts a
 * download.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { METHOD_NAMES } from '../../shared/ipc/contract';

const ROOT = path.resolve(__dirname, '..', '..');

function executableIn(dir: string): string {
  if (process.platform === 'darwin') return path.join(dir, 'Electron.app', 'Contents', 'MacOS', 'Electron');
  return path.join(dir, process.platform === 'win32' ? 'electron.exe' : 'electron');
}

function findElectron(): string | null {
  const candidates = [process.env.ELECTRON_OVERRIDE_DIST_PATH, path.join(ROOT, 'node_modules', 'electron', 'dist')]
    .filter((dir): dir is string => dir !== undefined && dir !== '')
    .map(executableIn);
  return candidates.find((file) => existsSync(file)) ?? null;
}

const electronPath = findElectron();
if (electronPath === null) {
  console.warn(
    'Electron binary not found (set ELECTRON_OVERRIDE_DIST_PATH to an unpacked Electron dist, or install one in ' +
      'node_modules/electron/dist): skipping the real-app test',
  );
}

describe.skipIf(electronPath === null)('the packaged shell, launched for real', () => {
  let dataDir: string;
  let app: ElectronApplication;
  let page: Page;

  beforeAll(async () => {
    for (const bundle of ['dist/main/main.cjs', 'dist/preload/preload.cjs', 'dist/renderer/index.html']) {
      if (!existsSync(path.join(ROOT, bundle))) throw new Error(`${bundle} is missing: run \`npm run build\` before this test`);
    }
    dataDir = await mkdtemp(path.join(tmpdir(), 'strata-electron-'));
    app = await _electron.launch({
      executablePath: electronPath ?? '',
      // The project directory, so Electron reads package.json (name Strata, main dist/main/main.cjs).
      args: [ROOT],
      cwd: ROOT,
      env: { ...(process.env as Record<string, string>), STRATA_DATA_DIR: dataDir },
      timeout: 60_000,
    });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  }, 90_000);

  afterAll(async () => {
    await app?.close();
    if (dataDir !== undefined) await rm(dataDir, { recursive: true, force: true });
  });

  it('shows the app page from app://strata with the title Strata', async () => {
    expect(page.url()).toBe('app://strata/index.html');
    expect(await page.title()).toBe('Strata');
  });

  it('exposes exactly the contract methods (and `on`) as window.strata, and no Node', async () => {
    const keys = await page.evaluate(() => Object.keys((window as unknown as { strata: object }).strata).sort());
    expect(keys).toStrictEqual([...METHOD_NAMES, 'on'].sort());
    expect(await page.evaluate(() => [typeof (globalThis as { require?: unknown }).require, typeof (globalThis as { process?: unknown }).process])).toStrictEqual([
      'undefined',
      'undefined',
    ]);
    expect(await page.evaluate(() => typeof (window as unknown as { strataSecure?: unknown }).strataSecure)).toBe('undefined');
  });

  it('answers a contract call through the real IPC', async () => {
    const answer = await page.evaluate(() => (window as unknown as { strata: Record<string, (input: unknown) => Promise<unknown>> }).strata['vault.status']?.({}));
    expect(answer).toStrictEqual({ ok: true, value: { exists: false, unlocked: false, hasMnemonic: false, accountCount: 0 } });
  });

  it('opens no windows and reaches no network', async () => {
    expect(await page.evaluate(() => window.open('https://example.com') === null)).toBe(true);
    const fetched = await page.evaluate(() =>
      fetch('https://example.com/').then(
        () => 'loaded',
        () => 'blocked',
      ),
    );
    expect(fetched).toBe('blocked');
    expect(app.windows()).toHaveLength(1);
  });

  it('runs the window with the hardened web preferences', async () => {
    const prefs = await app.evaluate(({ BrowserWindow }) => {
      // getLastWebPreferences is untyped but long-standing (Electron's own specs use it).
      const contents = BrowserWindow.getAllWindows()[0]?.webContents as unknown as { getLastWebPreferences(): Record<string, unknown> };
      const preferences = contents.getLastWebPreferences();
      return {
        contextIsolation: preferences?.contextIsolation,
        sandbox: preferences?.sandbox,
        nodeIntegration: preferences?.nodeIntegration,
        webviewTag: preferences?.webviewTag,
        webSecurity: preferences?.webSecurity,
      };
    });
    expect(prefs).toStrictEqual({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false, webSecurity: true });
  });

  it('takes a screenshot', async () => {
    const dir = path.join(ROOT, 'test-results');
    await mkdir(dir, { recursive: true });
    const png = await page.screenshot({ path: path.join(dir, 'electron-app.png') });
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
  });
});
