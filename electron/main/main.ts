/**
 * Strata's main process: a thin, hardened shell around the core (electron/services/app/core.ts). It owns the
 * windows, the `app:` protocol, the IPC edge and the OS signals; every decision worth testing lives in
 * electron/services/shell and electron/services/ipc as plain functions.
 */
import path from 'node:path';
import { app, BrowserWindow, dialog, powerMonitor, session } from 'electron';
import { eventChannel, type EventPayload } from '../../shared/ipc/contract';
import { createStrataCore } from '../services/app/core';
import type { EmitEvent } from '../services/app/ports';
import { APP_ORIGIN, APP_PAGES } from '../services/shell/appUrl';
import { cancelUnlessReady } from '../services/shell/secureWindowClosed';
import { handleAppProtocol, registerAppScheme } from './appProtocol';
import { guardAllWebContents, hardenSession } from './hardening';
import { registerAppIpc, registerSecureIpc } from './ipc';
import { installMenu } from './menu';
import { createAppWindow, SecureWindows } from './windows';
import { liveDevnetInfo } from '../services/devnet/liveDevnetInfo';
import { startDriftCheck } from '../services/rebalance/startDriftCheck';
import { showDesktopNotification } from './desktopNotification';
import { listChains } from '../services/chains/chainRegistry';
import { devnetChains } from '../services/devnet/devnetChains';
import { createTransferNotifier } from '../services/transfers/transferNotification';
import { readTestHooks } from '../services/shell/testHooks';
import { ledgerConnector } from '../services/ledger/openLedgerTransport';

// The bundle lives in dist/main; its siblings are dist/preload and dist/renderer.
const PRELOAD = path.join(__dirname, '..', 'preload', 'preload.cjs');
const SECURE_PRELOAD = path.join(__dirname, '..', 'preload', 'securePreload.cjs');
const RENDERER_DIR = path.join(__dirname, '..', 'renderer');

// The STRATA_* test and development variables, read once; a packaged build ignores them all.
const hooks = readTestHooks(process.env, app.isPackaged);
// STRATA_DATA_DIR moves everything (vault, settings and Chromium's profile) so tests and parallel instances are
// isolated; it must be applied before the single-instance lock, which lives in userData.
if (hooks.dataDir !== undefined) app.setPath('userData', path.resolve(hooks.dataDir));
const dataDir = app.getPath('userData');

app.enableSandbox();
registerAppScheme();
guardAllWebContents();

let appWindow: BrowserWindow | null = null;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => focusAppWindow());
  app.whenReady().then(start).catch(fatal);
}

function focusAppWindow(): void {
  if (appWindow === null || appWindow.isDestroyed()) return;
  if (appWindow.isMinimized()) appWindow.restore();
  appWindow.show();
  appWindow.focus();
}

async function start(): Promise<void> {
  const flags = { devTools: !app.isPackaged };
  hardenSession(session.defaultSession);
  handleAppProtocol(RENDERER_DIR);
  installMenu(app.isPackaged);

  let driftCheck: ReturnType<typeof startDriftCheck> | null = null;
  // A cross-chain transfer that lands, fails or is delayed is said on the desktop too: the window may be hidden.
  const chainNames = new Map([...listChains(), ...devnetChains()].map((c) => [c.id, c.name]));
  const notifyTransfer = createTransferNotifier(showDesktopNotification, (id) => chainNames.get(id) ?? id);
  const emit: EmitEvent = (event, payload) => {
    if (event === 'transfers.changed') notifyTransfer(payload as EventPayload<'transfers.changed'>);
    if (appWindow !== null && !appWindow.isDestroyed()) appWindow.webContents.send(eventChannel(event), payload);
    driftCheck?.onEvent(event);
  };
  const secureWindows = new SecureWindows({
    preloadPath: SECURE_PRELOAD,
    flags,
    parent: () => appWindow,
    onUserClosed: (sessionId) => void cancelUnlessReady(core, sessionId),
    onActivity: () => core.noteActivity(),
  });
  // Developers opt in to a running local devnet (`npm run devnet`): its chains replace the public ones.
  const devnet = hooks.devnet ? await liveDevnetInfo(hooks.devnetEnv) : undefined;
  const core = createStrataCore({
    dataDir,
    devnet,
    secureWindow: secureWindows,
    emit,
    // Tests and developers point prices at a local stand-in, as the CLI does.
    priceApiUrl: hooks.priceApiUrl,
    axelarApiUrls: hooks.axelarApiUrls,
    appVersion: app.getVersion(),
    // Live balances in the app (the default interval and back-off); the CLI and tests read balances when asked.
    balanceRefresh: {},
    // STRATA_LEDGER_REPLAY (a recorded exchange standing in for the device) only outside packaged builds.
    ledger: ledgerConnector({ env: process.env, allowTestHooks: !app.isPackaged }),
    // Method and error code only: payloads may hold passwords.
    onError: (method, error) => {
      const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : 'INTERNAL';
      if (code === 'INTERNAL') console.error(`[strata] ${method} failed (${code})`);
    },
  });

  // Portfolio drift from the saved target: checked on a schedule while unlocked (it follows vault.unlocked and
  // vault.locked) and after each refresh; told by a notification.
  driftCheck = startDriftCheck({ core, emit, notify: showDesktopNotification });

  registerAppIpc(core, () => ({
    origin: APP_ORIGIN,
    webContentsIds: new Set(appWindow !== null && !appWindow.isDestroyed() ? [appWindow.webContents.id] : []),
    paths: [APP_PAGES.app],
  }));
  registerSecureIpc(core, (webContentsId) => secureWindows.bindingFor(webContentsId));

  const lockFor = (reason: 'suspend' | 'screen-lock'): void => {
    // Promise.resolve: works whether lockFor answers a promise or nothing.
    Promise.resolve(core.lockFor(reason)).catch(() => console.error(`[strata] lock on ${reason} failed`));
  };
  powerMonitor.on('suspend', () => lockFor('suspend'));
  powerMonitor.on('lock-screen', () => lockFor('screen-lock'));

  const openAppWindow = (): void => {
    appWindow = createAppWindow(PRELOAD, flags, () => core.noteActivity());
    appWindow.on('closed', () => {
      appWindow = null;
    });
  };
  openAppWindow();
  app.on('activate', () => {
    if (appWindow === null) openAppWindow();
  });

  // A wallet quits with its last window on every platform: quitting is what wipes the keys from memory.
  app.on('window-all-closed', () => app.quit());
  let disposed = false;
  app.on('will-quit', (event) => {
    if (disposed) return;
    event.preventDefault();
    disposed = true;
    driftCheck?.stop();
    const timeout = new Promise<void>((resolve) => setTimeout(resolve, 3000).unref());
    void Promise.race([core.dispose().catch(() => undefined), timeout]).finally(() => app.quit());
  });
}

function fatal(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  console.error('[strata] failed to start:', message);
  dialog.showErrorBox('Strata could not start', message);
  app.exit(1);
}
