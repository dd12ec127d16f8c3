/**
 * Every page at 900x650 and 800x600 in Chromium, against the real core on the local devnet with a read portfolio:
 * the navigation collapses behind a Menu button, no element reaches past the right edge (measured from the DOM),
 * and on Swap & bridge the routes sit beside the form, in sight without scrolling.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startDevnet, type Devnet } from '../../electron/services/devnet/startDevnet';
import { CHROMIUM_MISSING, hasChromium, launchChromium, startUiHarness, type UiHarness } from './harness';
import { horizontalOverflow } from './layoutCheck';
import { createVaultThroughCore, ok, reportFailure } from './flows';
import { startPriceServer, type PriceServer } from './priceServer';

if (!hasChromium) {
  console.warn(CHROMIUM_MISSING);
  it.skip(CHROMIUM_MISSING, () => {});
}

const PAGES = ['Portfolio', 'Strategy', 'Swap & bridge', 'Accounts', 'Activity', 'Settings'] as const;

describe.skipIf(!hasChromium)('small windows in Chromium', () => {
  let browser: Browser;
  let devnet: Devnet;
  let prices: PriceServer;
  let h: UiHarness | undefined;

  beforeAll(async () => {
    [browser, devnet, prices] = await Promise.all([launchChromium(), startDevnet(), startPriceServer({ ethereum: 3000, 'usd-coin': 1, weth: 3000 })]);
  });
  afterEach(async (context) => {
    if (context.task.result?.state === 'fail' && h) await reportFailure(h, `failed-small-${context.task.name.slice(0, 40).replace(/\W+/g, '-')}`);
    await h?.close();
    h = undefined;
  });
  afterAll(async () => {
    await Promise.all([browser?.close(), devnet?.stop(), prices?.close()]);
  });

  /** Opens a page through the collapsed navigation: Menu, then the page's link; the list closes again. */
  async function openFromMenu(app: Page, name: string): Promise<void> {
    const menu = app.getByRole('button', { name: /^Menu/ });
    await menu.click();
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    await app.getByRole('navigation', { name: 'Main' }).getByRole('button', { name, exact: true }).click();
    await app.getByRole('heading', { name, level: 1 }).waitFor();
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await app.getByRole('navigation', { name: 'Main' }).isVisible()).toBe(false);
  }

  for (const size of [{ width: 900, height: 650 }, { width: 800, height: 600 }]) {
    it(`every page at ${size.width}x${size.height}: collapsed navigation, nothing past the right edge, routes in sight`, async () => {
      h = await startUiHarness(browser, {
        coreOptions: {
          devnet: { chains: devnet.chains.map((c) => ({ id: c.id, rpc: c.rpc })), contracts: devnet.contracts },
          priceApiUrl: prices.url,
        },
        setup: async (core) => {
          await createVaultThroughCore(core);
          ok(await core.call('portfolio.refresh', {}));
        },
      });
      const { app } = h;
      await app.setViewportSize(size);
      await app.getByRole('heading', { name: 'Portfolio', level: 1 }).waitFor();
      // the measure itself: an element made wider than the window is reported, by tag and class
      await app.evaluate(`(() => { const d = document.createElement('div'); d.className = 'probe'; d.textContent = 'wide'; d.setAttribute('hidden', ''); document.querySelector('main').append(d); })()`);
      await app.locator('div.probe').evaluate((el) => {
        el.removeAttribute('hidden');
        (el as HTMLElement).style.width = '2000px';
      });
      expect((await horizontalOverflow(app)).some((entry) => entry.startsWith('div.probe "wide"'))).toBe(true);
      await app.locator('div.probe').evaluate((el) => el.remove());
      expect(await horizontalOverflow(app)).toEqual([]);
      // the header is one line: the bar keeps its height
      expect(await app.locator('.topbar').evaluate((el) => Math.round(el.getBoundingClientRect().height))).toBe(60);

      for (const name of PAGES) {
        await openFromMenu(app, name);
        expect({ page: name, overflow: await horizontalOverflow(app) }).toEqual({ page: name, overflow: [] });
        if (size.width === 900) await h.screenshot(app, `small-${name.toLowerCase().replace(/\W+/g, '-')}`, { fullPage: false });
      }

      // the open menu itself fits
      await app.getByRole('button', { name: /^Menu/ }).click();
      expect(await horizontalOverflow(app)).toEqual([]);
      if (size.width === 900) await h.screenshot(app, 'small-window-menu', { fullPage: false });
      await app.keyboard.press('Escape');
      expect(await app.getByRole('navigation', { name: 'Main' }).isVisible()).toBe(false);

      // Swap & bridge: quote ETH on Devnet A → USDC on Devnet B; the first route card is beside the form, in sight
      await openFromMenu(app, 'Swap & bridge');
      const form = app.getByRole('form', { name: 'Swap and bridge' });
      await form.getByLabel('From network').selectOption(devnet.chain('devnet-a').id);
      await form.getByLabel('From asset').selectOption('native');
      await form.getByLabel('To network').selectOption(devnet.chain('devnet-b').id);
      await form.getByLabel('To asset').selectOption(devnet.contracts.usdc as string);
      await form.getByLabel('Amount', { exact: true }).fill('1');
      const card = app.locator('li.route-card').first();
      await card.locator('[data-route="amount-out"]').waitFor({ timeout: 20_000 });
      const [formBox, cardBox, amountBox] = await Promise.all([form.boundingBox(), card.boundingBox(), form.getByLabel('Amount', { exact: true }).boundingBox()]);
      expect(cardBox!.x).toBeGreaterThanOrEqual(formBox!.x + formBox!.width);
      expect(cardBox!.y).toBeLessThan(amountBox!.y + amountBox!.height);
      expect(cardBox!.y).toBeLessThan(size.height);
      expect(await horizontalOverflow(app)).toEqual([]);
      if (size.width === 900) await h.screenshot(app, 'small-window', { fullPage: false });

      // the pages reached from buttons: Receive and Send
      await openFromMenu(app, 'Portfolio');
      await app.getByRole('button', { name: 'Receive', exact: true }).click();
      await app.getByRole('heading', { name: 'Receive', level: 1 }).waitFor();
      expect(await horizontalOverflow(app)).toEqual([]);
      await openFromMenu(app, 'Portfolio');
      await app.getByRole('button', { name: 'Send', exact: true }).click();
      await app.getByRole('heading', { name: 'Send', level: 1 }).waitFor();
      expect(await horizontalOverflow(app)).toEqual([]);
      if (size.width === 900) await h.screenshot(app, 'small-send', { fullPage: false });
      expect(h.problems).toEqual([]);
    });
  }
});
