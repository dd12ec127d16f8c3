/**
 * The built main bundle (dist/main/main.cjs, from scripts/build.mjs) run in plain Node against a recording
 * `electron` (fakeElectron.ts) and the REAL core with a temp data dir: checks the order of the pre-ready calls, that
 * every contract channel has exactly one handler, that senders are checked, that the secure window is wired to its
 * session, the protocol handler, the navigation/permission/request guards, and the OS signals; with a devnet opted in
 * (STRATA_DEVNET=1), that a cross-chain transfer which lands shows a desktop notification. Prices come from a local
 * CoinGecko stand-in (STRATA_PRICE_API_URL): the test contacts no public host.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeDevnetState } from '../../electron/services/devnet/devnetState';
import { startDevnet, type Devnet } from '../../electron/services/devnet/startDevnet';
import { DEFAULT_DRIFT_CHECK_MS } from '../../electron/services/rebalance/driftWatch';
import { formatAmount } from '../../shared/amounts';
import type { Route } from '../../shared/domain/route';
import type { Transfer } from '../../shared/domain/transferRecord';
import { METHOD_NAMES, methodChannel, type Envelope, type MethodName } from '../../shared/ipc/contract';
import { SECURE_METHOD_NAMES, secureChannel } from '../../shared/ipc/secureContract';
import { CONTENT_SECURITY_POLICY } from '../../electron/services/shell/csp';
import { appWindowOptions, secureWindowOptions } from '../../electron/services/shell/windowOptions';
import { CoinGeckoServer } from '../prices/coinGeckoServer';
import { fake, FakeBrowserWindow, fakeElectronModule, type FakeWebContents } from './fakeElectron';

const ROOT = path.resolve(__dirname, '..', '..');
const run = promisify(execFile);

type Invoke = (event: unknown, payload: unknown) => Promise<unknown>;

function handler(channel: string): Invoke {
  const found = fake.ipcHandlers.get(channel);
  if (found === undefined) throw new Error(`no handler for ${channel}`);
  return found;
}

/**
 * The drift check's scheduled timers (6 h, the default period) that are armed now: the bundle runs in this process
 * and uses the global setTimeout, which the suite wraps while it runs.
 */
const driftTimers = new Set<unknown>();
const realSetTimeout = globalThis.setTimeout;
const realClearTimeout = globalThis.clearTimeout;
function trackDriftTimers(): void {
  globalThis.setTimeout = ((fn: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) => {
    if (ms !== DEFAULT_DRIFT_CHECK_MS) return realSetTimeout(fn, ms, ...args);
    const handle: unknown = realSetTimeout(() => {
      driftTimers.delete(handle);
      fn(...args);
    }, ms);
    driftTimers.add(handle);
    return handle;
  }) as typeof setTimeout;
  globalThis.clearTimeout = ((handle: Parameters<typeof clearTimeout>[0]) => {
    driftTimers.delete(handle);
    realClearTimeout(handle);
  }) as typeof clearTimeout;
}

/** Loads a CommonJS bundle with `require('electron')` answered by the fake. */
function loadBundle(file: string): void {
  const nodeRequire = createRequire(file);
  const bundleRequire = (name: string) => (name === 'electron' ? fakeElectronModule : nodeRequire(name));
  const module = { exports: {} };
  const source = readFileSync(file, 'utf8');
  new Function('require', 'module', 'exports', '__filename', '__dirname', source)(bundleRequire, module, module.exports, file, path.dirname(file));
}

describe('dist/main/main.cjs wiring (recording electron, real core)', () => {
  let out: string;
  let dataDir: string;
  let appWindow: FakeBrowserWindow;
  let appContents: FakeWebContents;
  let devnet: Devnet;
  const prices = new CoinGeckoServer();
  const previousEnv = {
    STRATA_DATA_DIR: process.env.STRATA_DATA_DIR,
    STRATA_DEVNET: process.env.STRATA_DEVNET,
    STRATA_DEVNET_DIR: process.env.STRATA_DEVNET_DIR,
    STRATA_PRICE_API_URL: process.env.STRATA_PRICE_API_URL,
  };

  beforeAll(async () => {
    out = await mkdtemp(path.join(tmpdir(), 'strata-main-'));
    dataDir = path.join(out, 'data');
    [devnet] = await Promise.all([startDevnet(), prices.start(), run(process.execPath, ['scripts/build.mjs', '--out', out, '--skip-renderer'], { cwd: ROOT })]);
    // The bundle finds the running devnet through its state file, as `npm run devnet` leaves it.
    const devnetDir = path.join(out, 'devnet');
    await writeDevnetState(devnetDir, {
      version: 1, pid: process.pid, startedAt: new Date().toISOString(), mining: 'auto',
      chains: devnet.chains.map((c) => ({ id: c.id, alias: c.alias, chainId: c.chainId, rpc: c.rpc })),
      contracts: devnet.contracts, accounts: devnet.accounts,
    });
    process.env.STRATA_DEVNET = '1';
    process.env.STRATA_DEVNET_DIR = devnetDir;
    await mkdir(path.join(out, 'renderer', 'assets'), { recursive: true });
    await writeFile(path.join(out, 'renderer', 'index.html'), '<!doctype html><title>Strata</title>');
    await writeFile(path.join(out, 'renderer', 'assets', 'app.js'), 'export {}');

    process.env.STRATA_DATA_DIR = dataDir;
    process.env.STRATA_PRICE_API_URL = prices.baseUrl;
    trackDriftTimers();
    loadBundle(path.join(out, 'main', 'main.cjs'));
  }, 120_000);

  afterAll(async () => {
    for (const [name, value] of Object.entries(previousEnv)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    fake.events.emit('will-quit', { preventDefault: () => fake.log.push('will-quit prevented') });
    await new Promise((resolve) => setTimeout(resolve, 50));
    globalThis.setTimeout = realSetTimeout;
    globalThis.clearTimeout = realClearTimeout;
    await Promise.all([devnet?.stop(), prices.stop()]);
    await rm(out, { recursive: true, force: true });
  });

  it('before ready: moves userData, enables the sandbox, registers app: as standard+secure, takes the lock', () => {
    expect(fake.log).toStrictEqual([
      'app.setPath userData',
      'app.enableSandbox',
      'protocol.registerSchemesAsPrivileged',
      'app.requestSingleInstanceLock',
    ]);
    expect(fake.userData).toBe(dataDir);
    expect(fake.privilegedSchemes).toStrictEqual([{ scheme: 'app', privileges: { standard: true, secure: true } }]);
    expect(fake.ipcHandlers.size).toBe(0);
    expect(FakeBrowserWindow.all).toHaveLength(0);
  });

  it('on ready: one handler per contract channel, and the app window with the hardened options', async () => {
    fake.ready?.();
    // start() reads the devnet's state file before it registers anything: wait for the first handler.
    await expect.poll(() => fake.ipcHandlers.size, { timeout: 5_000, interval: 10 }).toBeGreaterThan(0);
    expect([...fake.ipcHandlers.keys()].sort()).toStrictEqual(
      [...METHOD_NAMES.map((name) => methodChannel(name)), ...SECURE_METHOD_NAMES.map((name) => secureChannel(name))].sort(),
    );
    expect(FakeBrowserWindow.all).toHaveLength(1);
    appWindow = FakeBrowserWindow.all[0] as FakeBrowserWindow;
    appContents = appWindow.webContents;
    expect(appWindow.options).toStrictEqual(appWindowOptions(path.join(out, 'preload', 'preload.cjs'), { devTools: true }));
    expect(appWindow.calls).toStrictEqual(['loadURL app://strata/index.html']);
    appWindow.emit('ready-to-show');
    expect(appWindow.calls).toContain('show');
    expect(fake.applicationMenu).toBe('default');
  });

  it('answers a trusted call from the real core, and refuses sub-frames and strangers', async () => {
    const status = handler(methodChannel('vault.status'));
    await expect(status(appContents.invokeEvent(), {})).resolves.toStrictEqual({
      ok: true,
      value: { exists: false, unlocked: false, hasMnemonic: false, accountCount: 0 },
    });
    const forbidden = { ok: false, error: { code: 'FORBIDDEN_SENDER', message: 'This frame may not call Strata' } };
    await expect(status(appContents.invokeEvent('sub'), {})).resolves.toStrictEqual(forbidden);
    const stranger = new FakeBrowserWindow({});
    await stranger.loadURL('app://strata/index.html');
    await expect(status(stranger.webContents.invokeEvent(), {})).resolves.toStrictEqual(forbidden);
    stranger.close();
    await expect(handler(methodChannel('vault.unlock'))(appContents.invokeEvent(), { password: '' })).resolves.toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  });

  it('opens a secure window for a session, answers only that window, and cancels the session when the user closes it', async () => {
    const begun = (await handler(methodChannel('secure.begin'))(appContents.invokeEvent(), { purpose: 'import-mnemonic' })) as {
      ok: true;
      value: { sessionId: string; state: string };
    };
    expect(begun.ok).toBe(true);
    const { sessionId } = begun.value;
    expect(appContents.sent).toContainEqual(['strata:event:secure.changed', { sessionId, purpose: 'import-mnemonic', state: 'open' }]);

    const secureWindow = FakeBrowserWindow.all.at(-1) as FakeBrowserWindow;
    expect(secureWindow).not.toBe(appWindow);
    expect(secureWindow.options).toStrictEqual(secureWindowOptions(path.join(out, 'preload', 'securePreload.cjs'), appWindow, { devTools: true }));
    expect(secureWindow.calls).toStrictEqual(['loadURL app://strata/secure.html']);
    expect(secureWindow.contentProtection).toBe(true);

    const view = handler(secureChannel('secure.view'));
    await expect(view(secureWindow.webContents.invokeEvent(), {})).resolves.toStrictEqual({ ok: true, value: { purpose: 'import-mnemonic' } });
    const forbidden = { ok: false, error: { code: 'FORBIDDEN_SENDER', message: 'This frame may not call Strata' } };
    await expect(view(appContents.invokeEvent(), {})).resolves.toStrictEqual(forbidden);
    await expect(view(secureWindow.webContents.invokeEvent('sub'), {})).resolves.toStrictEqual(forbidden);
    // The secure window may not use the app contract either.
    await expect(handler(methodChannel('vault.status'))(secureWindow.webContents.invokeEvent(), {})).resolves.toStrictEqual(forbidden);

    secureWindow.close();
    await new Promise((resolve) => setTimeout(resolve, 20));
    await expect(handler(methodChannel('secure.status'))(appContents.invokeEvent(), { sessionId })).resolves.toStrictEqual({
      ok: true,
      value: { sessionId, purpose: 'import-mnemonic', state: 'cancelled' },
    });
    await expect(view(secureWindow.webContents.invokeEvent(), {})).resolves.toStrictEqual(forbidden);
  });

  it('serves the renderer on app: with the CSP, and nothing outside it', async () => {
    const serve = fake.protocolHandlers.get('app');
    if (serve === undefined) throw new Error('app: not handled');
    const page = await serve(new Request('app://strata/index.html'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toBe('<!doctype html><title>Strata</title>');
    const script = await serve(new Request('app://strata/assets/app.js'));
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const escape = await serve(new Request('app://strata/%2e%2e/main/main.cjs'));
    expect(escape.status).toBe(404);
    expect(escape.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect((await serve(new Request('app://strata/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
  });

  it('guards every new webContents: no webview, no popups, no navigation away', () => {
    const window = new FakeBrowserWindow({});
    const contents = window.webContents;
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example/' })).toStrictEqual({ action: 'deny' });
    const outcome = (event: string, url: string) => {
      let prevented = false;
      contents.emit(event, { url, preventDefault: () => (prevented = true) });
      return prevented;
    };
    expect(outcome('will-attach-webview', 'app://strata/index.html')).toBe(true);
    for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      expect(outcome(event, 'https://evil.example/'), event).toBe(true);
      expect(outcome(event, 'file:///etc/passwd'), event).toBe(true);
      expect(outcome(event, 'app://strata/index.html'), event).toBe(false);
    }
    window.close();
  });

  it('refuses permissions (but clipboard writes from the app page), devices, downloads and network', () => {
    const answers: boolean[] = [];
    const request = fake.sessionHandlers.permissionRequest as unknown as (...args: unknown[]) => void;
    request(appContents, 'media', (granted: boolean) => answers.push(granted), { requestingUrl: 'app://strata/index.html', isMainFrame: true });
    request(appContents, 'clipboard-sanitized-write', (granted: boolean) => answers.push(granted), {
      requestingUrl: 'app://strata/index.html',
      isMainFrame: true,
    });
    expect(answers).toStrictEqual([false, true]);
    const check = fake.sessionHandlers.permissionCheck as unknown as (...args: unknown[]) => boolean;
    expect(check(appContents, 'notifications', 'app://strata', { requestingUrl: 'app://strata/index.html', isMainFrame: true })).toBe(false);
    expect((fake.sessionHandlers.devicePermission as unknown as () => boolean)()).toBe(false);

    let downloadPrevented = false;
    (fake.sessionHandlers['on:will-download'] as unknown as (event: unknown) => void)({ preventDefault: () => (downloadPrevented = true) });
    expect(downloadPrevented).toBe(true);

    const decisions: unknown[] = [];
    const beforeRequest = fake.sessionHandlers.beforeRequest as unknown as (details: unknown, callback: (response: unknown) => void) => void;
    for (const url of ['https://rpc.example/', 'app://strata/assets/app.js', 'file:///etc/passwd']) {
      beforeRequest({ url }, (response) => decisions.push(response));
    }
    expect(decisions).toStrictEqual([{ cancel: true }, { cancel: false }, { cancel: true }]);
  });

  it('shows a desktop notification when a cross-chain transfer lands (devnet)', async () => {
    const appCall = async <T>(method: MethodName, payload: unknown): Promise<T> => {
      const answer = (await handler(methodChannel(method))(appContents.invokeEvent(), payload)) as Envelope<T>;
      if (!answer.ok) throw new Error(`${method}: ${answer.error.code} ${answer.error.message}`);
      return answer.value;
    };
    const { sessionId } = await appCall<{ sessionId: string }>('secure.begin', { purpose: 'import-mnemonic' });
    const secureWindow = FakeBrowserWindow.all.at(-1) as FakeBrowserWindow;
    const submit = handler(secureChannel('secure.submitMnemonic'));
    await expect(submit(secureWindow.webContents.invokeEvent(), { mnemonic: 'test test test test test test test test test test test junk', passphrase: '' })).resolves.toStrictEqual({ ok: true, value: { ready: true } });
    expect(driftTimers.size).toBe(0);
    await appCall('vault.create', { sessionId, password: 'correct horse battery staple' });
    // Unlocked: the scheduled drift check runs (one timer).
    expect(driftTimers.size).toBe(1);
    const [account] = await appCall<Array<{ id: string }>>('accounts.list', {});
    const routes = await appCall<Route[]>('routes.find', { from: { chain: 'devnet-a', asset: 'native', amount: '0.1' }, to: { chain: 'devnet-b', asset: 'USDC' } });
    const route = routes.find((r) => r.steps.map((step) => step.provider).join(' ') === 'uniswap-v2 layerzero-oft uniswap-v2');
    // The fees were priced by the local stand-in (STRATA_PRICE_API_URL), not by CoinGecko's public API.
    expect(prices.requests.map((u) => u.pathname)).toContain('/api/v3/simple/price');
    expect(fake.notifications).toStrictEqual([]);
    // transfers.start only asks: the secure window main opens for it confirms, never the app window
    const asked = await appCall<{ sessionId: string; purpose: string }>('transfers.start', { routeId: route?.id, accountId: account?.id });
    expect(asked.purpose).toBe('confirm-transfer');
    const confirmWindow = FakeBrowserWindow.all.at(-1) as FakeBrowserWindow;
    expect(confirmWindow).not.toBe(appWindow);
    const confirm = handler(secureChannel('secure.confirm'));
    await expect(confirm(appContents.invokeEvent(), {})).resolves.toStrictEqual({ ok: false, error: { code: 'FORBIDDEN_SENDER', message: 'This frame may not call Strata' } });
    expect(appContents.sent.filter(([channel]) => channel === 'strata:event:transfers.changed')).toStrictEqual([]);
    await expect(confirm(confirmWindow.webContents.invokeEvent(), {})).resolves.toStrictEqual({ ok: true, value: { done: true } });
    const outcome = appContents.sent.filter(([channel]) => channel === 'strata:event:confirmation.outcome').at(-1)?.[1] as { sessionId: string; transfer: Transfer };
    expect(outcome.sessionId).toBe(asked.sessionId);
    const started = outcome.transfer;

    await expect.poll(() => fake.notifications.length, { timeout: 30_000, interval: 100 }).toBe(1);
    const done = await appCall<Transfer>('transfers.get', { id: started.id });
    expect(done.status).toBe('completed');
    const received = done.steps[2]?.amountOut ?? '';
    expect(fake.notifications).toStrictEqual([{ title: 'Transfer complete', body: `${formatAmount(BigInt(received), 6)} USDC arrived on Devnet B.` }]);
    // the window was told every change as well, the last one being the completed transfer
    expect(appContents.sent.filter(([channel]) => channel === 'strata:event:transfers.changed').at(-1)?.[1]).toStrictEqual(done);
  });

  it('focuses the window for a second instance, and counts keyboard input as activity', async () => {
    appWindow.calls.length = 0;
    fake.events.emit('second-instance');
    expect(appWindow.calls).toStrictEqual(['show', 'focus']);
    expect(() => appContents.emit('before-input-event', {}, {})).not.toThrow();
    expect(() => fake.powerMonitor.emit('lock-screen')).not.toThrow();
    expect(() => fake.powerMonitor.emit('suspend')).not.toThrow();
    // Locked (lockOnSuspend is on by default): the drift check stops.
    await expect.poll(() => driftTimers.size, { timeout: 5_000, interval: 10 }).toBe(0);
  });

  it('disposes the core before quitting, and stops the drift check', async () => {
    const unlocked = (await handler(methodChannel('vault.unlock'))(appContents.invokeEvent(), { password: 'correct horse battery staple' })) as Envelope<unknown>;
    expect(unlocked.ok).toBe(true);
    expect(driftTimers.size).toBe(1);
    const prevented: string[] = [];
    fake.events.emit('will-quit', { preventDefault: () => prevented.push('prevented') });
    expect(prevented).toStrictEqual(['prevented']);
    expect(driftTimers.size).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(fake.log.at(-1)).toBe('app.quit');
    fake.events.emit('will-quit', { preventDefault: () => prevented.push('again') });
    expect(prevented).toStrictEqual(['prevented']);
  });
});
