/**
 * Live balances in Chromium against the real core on the local devnet (two EDR chains, USDC deployed) and a local
 * price server: the portfolio is read on unlock and in the background with no click, the last known figures (with
 * their age) show at once after a lock or a restart, and the setting turns the background refresh off.
 *
 * Account 1 of the Hardhat phrase starts with 10,000 ETH, 1,000,000 USDC and 100 WETH on each chain: $62,600,000.00
 * at the prices below. USDC moved on chain by this test (from Hardhat's published key #0) changes that figure.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Contract, JsonRpcProvider, Wallet as EthersWallet } from 'ethers';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { systemClock, type Clock } from '../../electron/services/app/ports';
import type { RpcProxy } from '../../electron/services/devnet/rpcProxy';
import { startDevnet, type Devnet, type DevnetSnapshot } from '../../electron/services/devnet/startDevnet';
import { CHROMIUM_MISSING, hasChromium, launchChromium, startUiHarness, type UiHarness } from './harness';
import { HARDHAT_ACCOUNT_0, PASSWORD, createVaultThroughCore, eventually, openPage, reportFailure } from './flows';
import { startPriceServer, type PriceServer } from './priceServer';

if (!hasChromium) {
  console.warn(CHROMIUM_MISSING);
  it.skip(CHROMIUM_MISSING, () => {});
}

const PRICES = { ethereum: 3000, 'usd-coin': 1, weth: 3000 } as const;
/** Hardhat's published key #0: the wallet's Account 1 (m/44'/60'/0'/0/0 of the Hardhat phrase) */
const HARDHAT_KEY_0 = '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80';
const ACCOUNT_5 = '0x9965507D1a55bcC2695C58ba16FB37d819B0A4dc';
const USDC = 10n ** 6n;

describe.skipIf(!hasChromium)('live balances in Chromium', () => {
  let browser: Browser;
  let devnet: Devnet;
  let prices: PriceServer;
  let proxyB: RpcProxy;
  let snapshot: DevnetSnapshot;
  let h: UiHarness | undefined;
  let dirs: string[] = [];

  beforeAll(async () => {
    [browser, devnet, prices] = await Promise.all([launchChromium(), startDevnet(), startPriceServer({ ...PRICES })]);
    proxyB = await devnet.rpcProxy('devnet-b');
  });
  beforeEach(async () => {
    snapshot = await devnet.snapshot();
  });
  afterEach(async (context) => {
    if (context.task.result?.state === 'fail' && h) await reportFailure(h, `failed-live-${context.task.name.slice(0, 40).replace(/\W+/g, '-')}`);
    await h?.close();
    h = undefined;
    proxyB.setLatency(0);
    await devnet.revert(snapshot);
    await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
    dirs = [];
  });
  afterAll(async () => {
    await Promise.all([browser?.close(), devnet?.stop(), prices?.close()]);
  });

  /** The system clock shifted by `offset.ms`: figures refreshed "10 minutes ago" without waiting 10 minutes. */
  function shiftedClock(offset: { ms: number }): Clock {
    return { ...systemClock, now: () => Date.now() + offset.ms };
  }

  async function liveHarness(options: { dataDir?: string; intervalMs: number; clock?: Clock; create?: boolean }): Promise<UiHarness> {
    h = await startUiHarness(browser, {
      ...(options.dataDir ? { dataDir: options.dataDir } : {}),
      coreOptions: {
        ...(options.clock ? { clock: options.clock } : {}),
        devnet: {
          chains: [
            { id: devnet.chain('devnet-a').id, rpc: devnet.chain('devnet-a').rpc },
            { id: devnet.chain('devnet-b').id, rpc: proxyB.url },
          ],
          contracts: { usdc: devnet.contracts.usdc, weth: devnet.contracts.weth },
        },
        priceApiUrl: prices.url,
        balanceRefresh: { intervalMs: options.intervalMs },
      },
      ...(options.create === false ? {} : { setup: (core) => createVaultThroughCore(core) }),
    });
    return h;
  }

  /**
   * Moves `amount` USDC base units from Account 1 to Hardhat's account #5 on devnet-a, outside the wallet; Account 1's
   * ETH is set back to exactly 10,000 afterwards, so the gas paid does not blur the expected totals.
   */
  async function moveUsdcOnChain(amount: bigint): Promise<void> {
    const provider = new JsonRpcProvider(devnet.chain('devnet-a').rpc, devnet.chain('devnet-a').chainId, { staticNetwork: true, cacheTimeout: -1 });
    try {
      const usdc = new Contract(devnet.contracts.usdc, ['function transfer(address,uint256) returns (bool)'], new EthersWallet(HARDHAT_KEY_0, provider));
      await (await usdc.getFunction('transfer')(ACCOUNT_5, amount)).wait();
      await devnet.request('devnet-a', 'hardhat_setBalance', [HARDHAT_ACCOUNT_0, `0x${(10_000n * 10n ** 18n).toString(16)}`]);
    } finally {
      provider.destroy();
    }
  }

  const total = (app: Page) => app.getByRole('region', { name: 'Total value' }).locator('.total__value');
  const updated = (app: Page) => app.locator('.portfolio__updated');
  const refreshCalls = () => h!.ipcLog.filter((e) => e.kind === 'call' && e.method === 'portfolio.refresh').length;
  const updates = () => h!.ipcLog.filter((e) => e.kind === 'event' && e.event === 'portfolio.updated').length;

  async function unlockThroughUi(app: Page): Promise<void> {
    await app.getByRole('heading', { name: 'Unlock Strata' }).waitFor();
    await app.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await app.getByRole('button', { name: 'Unlock' }).click();
    await app.getByRole('heading', { name: 'Portfolio', level: 1 }).waitFor();
  }

  it('reads balances on unlock with no click; after a lock the last figures show at once with their age, then fresh ones', async () => {
    const offset = { ms: -10 * 60_000 };
    const { app } = await liveHarness({ intervalMs: 10 * 60_000, clock: shiftedClock(offset) });
    await app.getByRole('heading', { name: 'Portfolio', level: 1 }).waitFor();
    // created (and so unlocked) in setup: the devnet balances arrive without anyone pressing Refresh
    await eventually(() => total(app).textContent().catch(() => null), '$62,600,000.00', 10_000);
    expect(refreshCalls()).toBe(0);
    // the core's clock runs 10 minutes behind the page's: the figures are 10 minutes old
    expect(await updated(app).textContent()).toBe('Updated 10 min ago');

    await app.getByRole('button', { name: 'Lock' }).click();
    await moveUsdcOnChain(250_000n * USDC);
    offset.ms = 0;
    // devnet-b answers slowly, so the last known figures can be seen before the refresh lands
    proxyB.setLatency(1_500);
    await unlockThroughUi(app);
    expect(await total(app).textContent()).toBe('$62,600,000.00');
    expect(await updated(app).textContent()).toContain('Updated 10 min ago');
    await app.getByText(/^Refreshing \d+ of \d+ chains…$/).waitFor();
    await h!.screenshot(app, 'portfolio-last-known', { fullPage: false });
    await eventually(() => total(app).textContent(), '$62,350,000.00', 10_000);
    expect(await updated(app).textContent()).toBe('Updated just now');
    expect(refreshCalls()).toBe(0);
    expect(h!.problems).toEqual([]);
  });

  it('keeps refreshing in the background while unlocked, and not once the setting is off', async () => {
    const { app } = await liveHarness({ intervalMs: 1_000 });
    await eventually(() => total(app).textContent().catch(() => null), '$62,600,000.00', 10_000);
    await moveUsdcOnChain(100_000n * USDC);
    await eventually(() => total(app).textContent(), '$62,500,000.00', 10_000);
    expect(refreshCalls()).toBe(0);

    await openPage(app, 'Settings');
    const live = app.getByRole('switch', { name: 'Live balances' });
    expect(await live.isChecked()).toBe(true);
    await live.click();
    await app.getByText('Balances will refresh only when you ask.').waitFor();
    await h!.screenshot(app, 'settings-live-balances', { fullPage: false });
    // a refresh already running may still land; after it, none
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const before = updates();
    await moveUsdcOnChain(100_000n * USDC);
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(updates()).toBe(before);
    await openPage(app, 'Portfolio');
    expect(await total(app).textContent()).toBe('$62,500,000.00');

    // on again: the next scheduled refresh reads the move
    await openPage(app, 'Settings');
    await app.getByRole('switch', { name: 'Live balances' }).click();
    await openPage(app, 'Portfolio');
    await eventually(() => total(app).textContent(), '$62,400,000.00', 10_000);
    expect(refreshCalls()).toBe(0);
    expect(h!.problems).toEqual([]);
  });

  it('after a restart, unlocking shows the saved figures before the first refresh answers', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'strata-live-'));
    dirs.push(dataDir);
    const offset = { ms: -3 * 3_600_000 };
    const first = await liveHarness({ dataDir, intervalMs: 10 * 60_000, clock: shiftedClock(offset) });
    await eventually(() => total(first.app).textContent().catch(() => null), '$62,600,000.00', 10_000);
    await first.close();
    h = undefined;

    await moveUsdcOnChain(600_000n * USDC);
    proxyB.setLatency(1_500);
    const { app } = await liveHarness({ dataDir, intervalMs: 10 * 60_000, create: false });
    await unlockThroughUi(app);
    expect(await total(app).textContent()).toBe('$62,600,000.00');
    expect(await updated(app).textContent()).toContain('Updated 3 h ago');
    await eventually(() => total(app).textContent(), '$62,000,000.00', 10_000);
    expect(await updated(app).textContent()).toBe('Updated just now');
    await app.setViewportSize({ width: 900, height: 650 });
    await h!.screenshot(app, 'portfolio-900x650', { fullPage: false });
    expect(refreshCalls()).toBe(0);
    expect(h!.problems).toEqual([]);
  });
});
