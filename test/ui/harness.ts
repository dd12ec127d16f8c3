/**
 * Drives the built renderer (dist/renderer) in Debian's Chromium against the real main-side core, with no network
 * listener and no Electron:
 *
 * - Pages are served from a fake origin, `https://strata.test`, entirely by Playwright's request interception
 *   (`context.route`): nothing listens on a socket. https makes it a secure context, like Electron's `app:` scheme,
 *   so `navigator.clipboard` exists. Every response carries the production CSP as a header too.
 * - The app page gets `window.strata` from an init script: one function per contract method (names embedded from
 *   METHOD_NAMES) calling one Playwright binding, which calls `core.call(method, payload)`, plus `on(event, fn)`.
 *   Events the core emits are forwarded with `page.evaluate` into a dispatcher the init script installed.
 * - The core's SecureWindowPort opens a second page on `/secure.html` whose `window.strataSecure` is bound to
 *   `core.callSecure(sessionId, ...)`; `close(sessionId)` closes that page.
 *
 * `ipcLog` records every message that crosses the app bridge (calls with payload and answer, pushed events):
 * exactly what an app renderer can see. The secure window's traffic (which legitimately carries the words) is kept
 * apart in `secureLog`. Test-only: nothing here ships.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { createStrataCore, type StrataCore, type StrataCoreOptions } from '../../electron/services/app/core';
import { CONTENT_SECURITY_POLICY } from '../../electron/services/shell/csp';
import { cancelUnlessReady } from '../../electron/services/shell/secureWindowClosed';
import { EVENT_NAMES, METHOD_NAMES, type Envelope } from '../../shared/ipc/contract';
import { SECURE_METHOD_NAMES } from '../../shared/ipc/secureContract';

export const CHROMIUM_PATH = '/usr/lib/chromium/chromium';
export const CHROMIUM_MISSING = `Chromium not found at ${CHROMIUM_PATH}: apt-get install -y chromium`;
export const hasChromium = existsSync(CHROMIUM_PATH);

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const RENDERER_DIR = path.join(ROOT, 'dist', 'renderer');
export const SCREENSHOT_DIR = path.join(ROOT, 'test-results', 'screenshots');
export const ORIGIN = 'https://strata.test';

/** The app window's size in Electron is 1200x800; screenshots are taken at 1280x800. */
export const APP_VIEWPORT = { width: 1280, height: 800 };
/** The secure window is a fixed 560x680 in Electron. */
export const SECURE_VIEWPORT = { width: 560, height: 680 };

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export type IpcLogEntry =
  | { kind: 'call'; method: string; payload: unknown; answer: Envelope<unknown> }
  | { kind: 'event'; event: string; payload: unknown };

export interface SecureLogEntry {
  sessionId: string;
  method: string;
  payload: unknown;
  answer: Envelope<unknown>;
}

export interface UiHarness {
  context: BrowserContext;
  /** the app window */
  app: Page;
  core: StrataCore;
  dataDir: string;
  /** every app-bridge call (payload and answer) and every pushed event, in order */
  ipcLog: IpcLogEntry[];
  /** the secure window's calls, kept apart: they carry the recovery phrase by design */
  secureLog: SecureLogEntry[];
  /** console errors, page errors and failed requests of every page (CSP violations show up here) */
  problems: string[];
  /** the open secure window, waiting for it to open and load if needed */
  securePage(): Promise<Page>;
  /** how many secure windows are open right now */
  openSecureCount(): number;
  /** waits until no secure window is open */
  secureClosed(): Promise<void>;
  /** screenshot to test-results/screenshots/<name>.png (full page unless told; a modal dialog looks right only
   * in the viewport); returns the path */
  screenshot(page: Page, name: string, options?: { fullPage?: boolean }): Promise<string>;
  close(): Promise<void>;
}

/** Launches Debian's Chromium headless (call once per test file). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** Fails with a clear message when the renderer has not been built. */
export function assertRendererBuilt(): void {
  if (!existsSync(path.join(RENDERER_DIR, 'index.html')) || !existsSync(path.join(RENDERER_DIR, 'secure.html'))) {
    throw new Error(`dist/renderer is missing: build it first with \`npx vite build\` (or \`npm run build\`)`);
  }
}

/**
 * Installed before any page script: defines `window.strata` like the preload does (a frozen object with exactly one
 * function per method, and `on`), and a dispatcher for events pushed by the harness. Plain source text, not a
 * function, so no transpiler helper can leak into it.
 */
function appBridgeInit(methods: readonly string[], events: readonly string[]): string {
  return `(() => {
    const call = window.__strataBridge;
    const methods = ${JSON.stringify(methods)};
    const events = ${JSON.stringify(events)};
    const listeners = new Map();
    const api = {};
    for (const name of methods) api[name] = (input) => call(name, input);
    api.on = (event, listener) => {
      if (!events.includes(event)) throw new TypeError('Unknown event');
      if (typeof listener !== 'function') throw new TypeError('Listener must be a function');
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener);
      return () => { set.delete(listener); };
    };
    Object.defineProperty(window, 'strata', { value: Object.freeze(api), enumerable: true });
    Object.defineProperty(window, '__strataDispatch', {
      value: (event, payload) => {
        for (const listener of listeners.get(event) ?? []) {
          try { listener(payload); } catch (error) { console.error(error); }
        }
      },
    });
  })();`;
}

/** The secure window's `window.strataSecure`: one function per secure method, nothing else. */
function secureBridgeInit(methods: readonly string[]): string {
  return `(() => {
    const call = window.__strataSecureBridge;
    const api = {};
    for (const name of ${JSON.stringify(methods)}) api[name] = (input) => call(name, input);
    Object.defineProperty(window, 'strataSecure', { value: Object.freeze(api), enumerable: true });
  })();`;
}

function clone<T>(value: T): T {
  return value === undefined ? value : structuredClone(value);
}

/**
 * A fresh temp data dir, a fresh core (fast KDF) and a fresh browser context with the app page loaded.
 * Pass `dataDir` to reuse a vault made by an earlier harness.
 */
export interface UiHarnessOptions {
  /** reuse a data dir (e.g. a vault made by an earlier harness); by default a fresh temp dir, removed on close */
  dataDir?: string;
  /** runs against the core before the app page loads (e.g. to create a vault without the UI) */
  setup?: (core: StrataCore) => Promise<void>;
  /** extra latency per app method, in ms, to make slow paths (the unlock KDF) observable */
  delays?: Partial<Record<string, number>>;
  /** more options for the core (e.g. `devnet` chains and a local `priceApiUrl`); the harness keeps its own
   * data dir, event and secure-window ports */
  coreOptions?: Partial<Omit<StrataCoreOptions, 'dataDir' | 'emit' | 'secureWindow'>>;
}

export async function startUiHarness(browser: Browser, options: UiHarnessOptions = {}): Promise<UiHarness> {
  assertRendererBuilt();
  const ownsDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(tmpdir(), 'strata-ui-')));
  const ipcLog: IpcLogEntry[] = [];
  const secureLog: SecureLogEntry[] = [];
  const problems: string[] = [];
  const secureWindows = new Map<string, Promise<Page>>();
  /** sessions whose window the core closed (as opposed to the user): like the Electron shell's closedByCore */
  const closedByCore = new Set<string>();
  const secureWaiters: Array<(page: Promise<Page>) => void> = [];
  const closedWaiters: Array<() => void> = [];
  const pending = new Set<Promise<unknown>>();
  let closing = false;

  const context = await browser.newContext({ viewport: APP_VIEWPORT, deviceScaleFactor: 1, colorScheme: 'dark', reducedMotion: 'reduce' });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: ORIGIN });
  await context.route(`${ORIGIN}/**`, async (route) => {
    const url = new URL(route.request().url());
    const relative = path.posix.normalize(decodeURIComponent(url.pathname)).replace(/^\/+/, '');
    const file = path.join(RENDERER_DIR, relative);
    const headers = { 'content-security-policy': CONTENT_SECURITY_POLICY, 'x-content-type-options': 'nosniff', 'cache-control': 'no-store' };
    if (!file.startsWith(RENDERER_DIR + path.sep) || !existsSync(file)) {
      await route.fulfill({ status: 404, headers, contentType: 'text/plain', body: 'not found' });
      return;
    }
    const contentType = CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream';
    await route.fulfill({ status: 200, headers, contentType, body: await readFile(file) });
  });
  // Anything else (a remote font, an image, a stray fetch) is a bug: record it and refuse it.
  await context.route(/^(?!https:\/\/strata\.test\/)/, async (route) => {
    problems.push(`unexpected request: ${route.request().url()}`);
    await route.abort();
  });

  const watch = (page: Page, label: string): void => {
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(`${label} console.${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`${label} page error: ${error.message}`));
    page.on('requestfailed', (request) => {
      if (!closing) problems.push(`${label} request failed: ${request.url()}`);
    });
  };

  const track = <T>(promise: Promise<T>): Promise<T> => {
    pending.add(promise);
    void promise.catch(() => {}).finally(() => pending.delete(promise));
    return promise;
  };

  // Set once the app page exists; events emitted before (during `setup`) are only logged.
  const appWindow: { page?: Page } = {};
  // Events are forwarded one after another so the page sees them in the order main emitted them.
  let eventChain: Promise<unknown> = Promise.resolve();

  const core = createStrataCore({
    kdf: { N: 2 ** 12 },
    appVersion: '0.1.0',
    ...options.coreOptions,
    dataDir,
    emit: (event, payload) => {
      ipcLog.push({ kind: 'event', event, payload: clone(payload) });
      const page = appWindow.page;
      if (!page || closing) return;
      eventChain = track(
        eventChain.then(() =>
          page
            .evaluate(`window.__strataDispatch(${JSON.stringify(event)}, ${JSON.stringify(payload)})`)
            .catch(() => {}),
        ),
      );
    },
    secureWindow: {
      open(sessionId) {
        const opened = track(openSecureWindow(sessionId));
        secureWindows.set(sessionId, opened);
        for (const waiter of secureWaiters.splice(0)) waiter(opened);
      },
      close(sessionId) {
        const opened = secureWindows.get(sessionId);
        if (!opened) return;
        closedByCore.add(sessionId);
        forgetSecureWindow(sessionId);
        track(opened.then((page) => page.close()).catch(() => {}));
      },
    },
  });

  function forgetSecureWindow(sessionId: string): void {
    if (!secureWindows.delete(sessionId)) return;
    if (secureWindows.size === 0) for (const waiter of closedWaiters.splice(0)) waiter();
  }

  async function openSecureWindow(sessionId: string): Promise<Page> {
    const page = await context.newPage();
    // The user closing the window (page.close() from a test) cancels an unfinished session, as in the shell.
    page.on('close', () => {
      forgetSecureWindow(sessionId);
      if (!closedByCore.has(sessionId) && !closing) track(cancelUnlessReady(core, sessionId));
    });
    await page.setViewportSize(SECURE_VIEWPORT);
    watch(page, 'secure');
    securePages.set(page, sessionId);
    await page.addInitScript({ content: secureBridgeInit(SECURE_METHOD_NAMES) });
    await page.goto(`${ORIGIN}/secure.html`);
    return page;
  }

  // Bindings are exposed on the context, before any page exists: exposing them on a page that is already loading
  // raced Playwright's own set-up now and then ("Cannot read properties of undefined (reading 'addBinding')").
  // Each binding answers only the window it stands for, as main's sender check does.
  const securePages = new Map<Page, string>();
  await context.exposeBinding('__strataBridge', async (source, method: string, payload: unknown) => {
    if (source.page !== appWindow.page) throw new Error('the app bridge answers only the app window');
    try {
      const delay = options.delays?.[method];
      if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
      const answer = await core.call(method, payload);
      ipcLog.push({ kind: 'call', method, payload: clone(payload), answer: clone(answer) });
      return answer;
    } catch (error) {
      problems.push(`bridge error in ${method}: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
      throw error;
    }
  });
  await context.exposeBinding('__strataSecureBridge', async (source, method: string, payload: unknown) => {
    const sessionId = securePages.get(source.page);
    if (sessionId === undefined) throw new Error('the secure bridge answers only a secure window');
    const answer = await core.callSecure(sessionId, method, payload);
    secureLog.push({ sessionId, method, payload: clone(payload), answer: clone(answer) });
    return answer;
  });

  if (options.setup) await options.setup(core);
  const app = await context.newPage();
  appWindow.page = app;
  watch(app, 'app');
  await app.addInitScript({ content: appBridgeInit(METHOD_NAMES, EVENT_NAMES) });
  await app.goto(`${ORIGIN}/index.html`);

  return {
    context,
    app,
    core,
    dataDir,
    ipcLog,
    secureLog,
    problems,
    securePage() {
      const open = [...secureWindows.values()].at(-1);
      if (open) return open;
      return new Promise<Promise<Page>>((resolve) => secureWaiters.push(resolve)).then((page) => page);
    },
    openSecureCount: () => secureWindows.size,
    secureClosed() {
      if (secureWindows.size === 0) return Promise.resolve();
      return new Promise<void>((resolve) => closedWaiters.push(resolve));
    },
    async screenshot(page, name, { fullPage = true } = {}) {
      await mkdir(SCREENSHOT_DIR, { recursive: true });
      const file = path.join(SCREENSHOT_DIR, `${name}.png`);
      // Let fonts settle and the caret not blink into the image.
      await page.evaluate('document.fonts.ready.then(() => true)');
      await page.screenshot({ path: file, fullPage, animations: 'disabled', caret: 'hide' });
      return file;
    },
    async close() {
      closing = true;
      await core.dispose();
      await Promise.allSettled([...pending]);
      await context.close();
      if (ownsDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}
