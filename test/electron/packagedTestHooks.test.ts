/**
 * Packaged builds ignore the STRATA_* test and development variables (issue #12): the built dist/main/main.cjs is
 * loaded twice against the recording `electron`, with the same environment (a data-dir override, a running devnet,
 * local price and Axelar URLs): unpackaged it honours them, packaged (app.isPackaged) it keeps Electron's userData
 * and the built-in chains only.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeDevnetState } from '../../electron/services/devnet/devnetState';
import { startDevnet, type Devnet } from '../../electron/services/devnet/startDevnet';
import { readTestHooks, TEST_HOOK_VARIABLES } from '../../electron/services/shell/testHooks';
import type { ChainInfo } from '../../shared/domain/chain';
import { methodChannel } from '../../shared/ipc/contract';
import { fake, FakeBrowserWindow, fakeElectronModule, resetFake } from './fakeElectron';

const ROOT = path.resolve(__dirname, '..', '..');
const run = promisify(execFile);

function loadBundle(file: string): void {
  const nodeRequire = createRequire(file);
  const bundleRequire = (name: string) => (name === 'electron' ? fakeElectronModule : nodeRequire(name));
  const module = { exports: {} };
  new Function('require', 'module', 'exports', '__filename', '__dirname', readFileSync(file, 'utf8'))(bundleRequire, module, module.exports, file, path.dirname(file));
}

const ENV = {
  STRATA_DATA_DIR: '/tmp/override',
  STRATA_DEVNET: '1',
  STRATA_DEVNET_DIR: '/tmp/devnet-state',
  STRATA_PRICE_API_URL: 'http://127.0.0.1:1/prices',
  STRATA_AXELAR_LCD_URL: 'http://127.0.0.1:2/lcd',
  STRATA_AXELARSCAN_URL: 'http://127.0.0.1:3/scan',
};

describe('readTestHooks', () => {
  it('unpackaged: every STRATA_* hook main reads', () => {
    expect(Object.keys(ENV).sort()).toEqual([...TEST_HOOK_VARIABLES].sort());
    expect(readTestHooks(ENV, false)).toEqual({
      dataDir: '/tmp/override',
      devnet: true,
      devnetEnv: { STRATA_DEVNET_DIR: '/tmp/devnet-state' },
      priceApiUrl: 'http://127.0.0.1:1/prices',
      axelarApiUrls: { lcd: 'http://127.0.0.1:2/lcd', axelarscan: 'http://127.0.0.1:3/scan' },
    });
    expect(readTestHooks({ STRATA_DEVNET: 'yes', STRATA_DATA_DIR: '', STRATA_PRICE_API_URL: '' }, false)).toEqual({
      dataDir: undefined, devnet: false, devnetEnv: {}, priceApiUrl: undefined, axelarApiUrls: { lcd: undefined, axelarscan: undefined },
    });
  });

  it('packaged: none of them', () => {
    expect(readTestHooks(ENV, true)).toEqual({ devnet: false, devnetEnv: {}, axelarApiUrls: {} });
  });
});

describe('dist/main/main.cjs with app.isPackaged true and false (recording electron, real core)', () => {
  let out: string;
  let devnet: Devnet;
  const saved = Object.fromEntries(TEST_HOOK_VARIABLES.map((name) => [name, process.env[name]]));

  beforeAll(async () => {
    out = await mkdtemp(path.join(tmpdir(), 'strata-packaged-'));
    [devnet] = await Promise.all([startDevnet(), run(process.execPath, ['scripts/build.mjs', '--out', out, '--skip-renderer'], { cwd: ROOT })]);
    const devnetDir = path.join(out, 'devnet');
    await writeDevnetState(devnetDir, {
      version: 1, pid: process.pid, startedAt: new Date().toISOString(), mining: 'auto',
      chains: devnet.chains.map((c) => ({ id: c.id, alias: c.alias, chainId: c.chainId, rpc: c.rpc })),
      contracts: devnet.contracts, accounts: devnet.accounts,
    });
    await mkdir(path.join(out, 'renderer'), { recursive: true });
    await writeFile(path.join(out, 'renderer', 'index.html'), '<!doctype html><title>Strata</title>');
    Object.assign(process.env, { STRATA_DATA_DIR: path.join(out, 'override'), STRATA_DEVNET: '1', STRATA_DEVNET_DIR: devnetDir });
  }, 120_000);

  afterAll(async () => {
    quit();
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    fake.isPackaged = false;
    await devnet?.stop();
    await rm(out, { recursive: true, force: true });
  });

  function quit(): void {
    fake.events.emit('will-quit', { preventDefault: () => undefined });
  }

  /** Loads the bundle as a fresh process would, gets it ready, and lists the chains through the app window. */
  async function boot(isPackaged: boolean): Promise<{ log: string[]; userData: string; chains: string[] }> {
    resetFake();
    fake.isPackaged = isPackaged;
    fake.userData = path.join(out, isPackaged ? 'electron-default-packaged' : 'electron-default');
    loadBundle(path.join(out, 'main', 'main.cjs'));
    const log = [...fake.log];
    fake.ready?.();
    await expect.poll(() => fake.ipcHandlers.size, { timeout: 10_000, interval: 10 }).toBeGreaterThan(0);
    const window = FakeBrowserWindow.all[0] as FakeBrowserWindow;
    const list = fake.ipcHandlers.get(methodChannel('chains.list'));
    const answer = (await list?.(window.webContents.invokeEvent(), {})) as { ok: true; value: ChainInfo[] };
    return { log, userData: fake.userData, chains: answer.value.map((c) => c.id) };
  }

  it('unpackaged: userData moved to STRATA_DATA_DIR and the running devnet’s chains listed', async () => {
    const booted = await boot(false);
    expect(booted.log[0]).toBe('app.setPath userData');
    expect(booted.userData).toBe(path.join(out, 'override'));
    expect(booted.chains).toEqual(expect.arrayContaining(['eip155:31337', 'eip155:31338']));
    quit();
  }, 30_000);

  it('packaged: userData stays Electron’s, no devnet chain, with the same environment', async () => {
    const booted = await boot(true);
    expect(booted.log).toStrictEqual(['app.enableSandbox', 'protocol.registerSchemesAsPrivileged', 'app.requestSingleInstanceLock']);
    expect(booted.userData).toBe(path.join(out, 'electron-default-packaged'));
    expect(booted.chains.length).toBeGreaterThan(0);
    expect(booted.chains.filter((id) => id === 'eip155:31337' || id === 'eip155:31338')).toEqual([]);
    expect(booted.chains).toContain('eip155:1');
  }, 30_000);
});
