/**
 * Light and dark in Chromium against the real core on the local devnet (portfolio read, so figures show): the app
 * follows the system's scheme until the user picks one in Settings, the choice persists, and in both themes every
 * visible text on every page has a contrast of at least 4.5:1 with its background (computed styles).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Settings } from '../../shared/ipc/contract';
import { startDevnet, type Devnet } from '../../electron/services/devnet/startDevnet';
import { lowContrastText } from './contrastCheck';
import { CHROMIUM_MISSING, hasChromium, launchChromium, startUiHarness, type UiHarness } from './harness';
import { createVaultThroughCore, eventually, ok, openPage, reportFailure } from './flows';
import { startPriceServer, type PriceServer } from './priceServer';

if (!hasChromium) {
  console.warn(CHROMIUM_MISSING);
  it.skip(CHROMIUM_MISSING, () => {});
}

describe.skipIf(!hasChromium)('themes in Chromium', () => {
  let browser: Browser;
  let devnet: Devnet;
  let prices: PriceServer;
  let h: UiHarness | undefined;

  beforeAll(async () => {
    [browser, devnet, prices] = await Promise.all([launchChromium(), startDevnet(), startPriceServer({ ethereum: 3000, 'usd-coin': 1, weth: 3000 })]);
  });
  afterEach(async (context) => {
    if (context.task.result?.state === 'fail' && h) await reportFailure(h, `failed-theme-${context.task.name.slice(0, 40).replace(/\W+/g, '-')}`);
    await h?.close();
    h = undefined;
  });
  afterAll(async () => {
    await Promise.all([browser?.close(), devnet?.stop(), prices?.close()]);
  });

  const theme = (app: Page) => app.evaluate('document.documentElement.dataset.theme');

  /** Every page's text, checked where it stands; the Send and Receive pages are reached from the portfolio. */
  async function contrastEverywhere(app: Page, label: string): Promise<Record<string, string[]>> {
    const found: Record<string, string[]> = {};
    for (const name of ['Portfolio', 'Accounts', 'Activity', 'Settings'] as const) {
      await openPage(app, name);
      found[name] = await lowContrastText(app);
    }
    for (const name of ['Strategy', 'Swap & bridge'] as const) {
      await app.getByRole('navigation', { name: 'Main' }).getByRole('button', { name, exact: true }).click();
      await app.getByRole('heading', { name, level: 1 }).waitFor();
      found[name] = await lowContrastText(app);
      if (name === 'Swap & bridge') await h!.screenshot(app, `${label}-swap`, { fullPage: false });
    }
    for (const name of ['Receive', 'Send'] as const) {
      await openPage(app, 'Portfolio');
      await app.getByRole('button', { name, exact: true }).click();
      await app.getByRole('heading', { name, level: 1 }).waitFor();
      found[name] = await lowContrastText(app);
    }
    await openPage(app, 'Portfolio');
    return found;
  }

  const none = { Portfolio: [], Accounts: [], Activity: [], Settings: [], Strategy: [], 'Swap & bridge': [], Receive: [], Send: [] };

  it('follows the system until a theme is picked; text contrast is at least 4.5:1 in light and dark', async () => {
    h = await startUiHarness(browser, {
      coreOptions: { devnet: { chains: devnet.chains.map((c) => ({ id: c.id, rpc: c.rpc })), contracts: devnet.contracts }, priceApiUrl: prices.url },
      setup: async (core) => {
        await createVaultThroughCore(core);
        ok(await core.call('portfolio.refresh', {}));
      },
    });
    const { app } = h;
    await app.getByRole('heading', { name: 'Portfolio', level: 1 }).waitFor();
    // the harness's context prefers dark; the system turning light turns the app light, and back
    expect(await theme(app)).toBe('dark');
    await app.emulateMedia({ colorScheme: 'light' });
    await eventually(() => theme(app), 'light');
    await app.emulateMedia({ colorScheme: 'dark' });
    await eventually(() => theme(app), 'dark');

    // a choice in Settings wins over the system's, and is saved
    await openPage(app, 'Settings');
    await app.getByLabel('Theme').selectOption({ label: 'Light' });
    await app.getByText('Theme set to light.').waitFor();
    expect(await theme(app)).toBe('light');
    expect(ok<Settings>(await h.core.call('settings.get', {})).theme).toBe('light');
    expect(await contrastEverywhere(app, 'light-theme')).toEqual(none);
    await h.screenshot(app, 'light-theme');
    await app.setViewportSize({ width: 900, height: 650 });
    await h.screenshot(app, 'light-theme-900x650', { fullPage: false });
    await app.setViewportSize({ width: 1280, height: 800 });

    await openPage(app, 'Settings');
    await app.getByLabel('Theme').selectOption({ label: 'Dark' });
    await app.getByText('Theme set to dark.').waitFor();
    await app.emulateMedia({ colorScheme: 'light' });
    expect(await theme(app)).toBe('dark');
    expect(await contrastEverywhere(app, 'dark-theme')).toEqual(none);

    // a reload (or the next start) wears the saved theme
    await app.reload();
    await app.getByRole('heading', { name: 'Portfolio', level: 1 }).waitFor();
    await eventually(() => theme(app), 'dark');
    expect(h.problems).toEqual([]);
  });
});
