/**
 * Portfolio, send (with its review screen), activity and network settings in Chromium against the real core on the
 * real local devnet (two EDR chains, USDC and WETH deployed) and a local CoinGecko-compatible price server. Every
 * figure the UI shows is checked against balances read over JSON-RPC with ethers, in this test.
 *
 * Account 1 of the Hardhat phrase starts with 10,000 ETH, 1,000,000 USDC and 100 WETH on each devnet chain. Each
 * test reverts both chains to the state after deployment, and gets a fresh data dir (vault, activity journal).
 */
import { Contract, HDNodeWallet, JsonRpcProvider } from 'ethers';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createEdrChain } from '../../electron/services/devnet/edrChain';
import { serveJsonRpc, type JsonRpcServer } from '../../electron/services/devnet/jsonRpcServer';
import { systemClock, type Clock } from '../../electron/services/app/ports';
import type { RpcProxy } from '../../electron/services/devnet/rpcProxy';
import { startDevnet, type Devnet, type DevnetSnapshot } from '../../electron/services/devnet/startDevnet';
import { formatAmount } from '../../shared/amounts';
import type { ChainInfo } from '../../shared/domain/chain';
import type { ActivityEntry, SendReview } from '../../shared/domain/send';
import type { ChainRpc } from '../../shared/ipc/contract';
import { CHROMIUM_MISSING, hasChromium, launchChromium, startUiHarness, type UiHarness } from './harness';
import { HARDHAT_ACCOUNT_0, PASSWORD, createVaultThroughCore, eventually, ok, openPage, reportFailure } from './flows';
import { startPriceServer, type PriceServer } from './priceServer';

if (!hasChromium) {
  console.warn(CHROMIUM_MISSING);
  it.skip(CHROMIUM_MISSING, () => {});
}

/** Hardhat's account #5 (m/44'/60'/0'/0/5): not in the wallet, the recipient of every transfer here. */
const ACCOUNT_5 = '0x9965507D1a55bcC2695C58ba16FB37d819B0A4dc';
/** USD per whole unit, by CoinGecko id, as the local price server answers. */
const PRICES = { ethereum: 3000, 'usd-coin': 1, weth: 3000 } as const;
const ERC20 = ['function balanceOf(address) view returns (uint256)'];
const ETHER = 10n ** 18n;

/** Formats integer cents as the UI does: `$62,600,000.00`. */
function dollars(cents: bigint): string {
  const whole = (cents / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `$${whole}.${(cents % 100n).toString().padStart(2, '0')}`;
}

/** `amount` base units with `decimals` at an integer USD price, in exact cents × 10^decimals (summed, then rounded). */
function scaledCents(amount: bigint, decimals: number, usd: number): bigint {
  return amount * BigInt(usd) * 100n * 10n ** BigInt(18 - decimals);
}

/** Rounds a sum of scaledCents (common scale 10^18) half up to cents. */
function roundCents(scaled: bigint): bigint {
  return (scaled * 2n + ETHER) / (2n * ETHER);
}

describe.skipIf(!hasChromium)('devnet wallet in Chromium', () => {
  let browser: Browser;
  let devnet: Devnet;
  let prices: PriceServer;
  /** a latency-controllable proxy in front of devnet-b: the app reaches devnet-b through it */
  let proxyB: RpcProxy;
  let providers: Record<'devnet-a' | 'devnet-b', JsonRpcProvider>;
  let snapshot: DevnetSnapshot;
  let h: UiHarness | undefined;

  beforeAll(async () => {
    [browser, devnet, prices] = await Promise.all([launchChromium(), startDevnet(), startPriceServer({ ...PRICES })]);
    proxyB = await devnet.rpcProxy('devnet-b');
    // cacheTimeout -1: ethers would otherwise answer a repeated balance read from a 250 ms cache.
    const provider = (alias: 'devnet-a' | 'devnet-b') =>
      new JsonRpcProvider(devnet.chain(alias).rpc, devnet.chain(alias).chainId, { staticNetwork: true, cacheTimeout: -1 });
    providers = { 'devnet-a': provider('devnet-a'), 'devnet-b': provider('devnet-b') };
  });
  beforeEach(async () => {
    snapshot = await devnet.snapshot();
  });
  afterEach(async (context) => {
    if (context.task.result?.state === 'fail' && h) await reportFailure(h, `failed-devnet-${context.task.name.slice(0, 40).replace(/\W+/g, '-')}`);
    await h?.close();
    h = undefined;
    proxyB.setLatency(0);
    if (proxyB.state !== 'up') await proxyB.bringUp();
    prices.setDown(false);
    await devnet.request('devnet-b', 'evm_setAutomine', [true]);
    await devnet.revert(snapshot);
  });
  afterAll(async () => {
    Object.values(providers ?? {}).forEach((p) => p.destroy());
    await Promise.all([browser?.close(), devnet?.stop(), prices?.close()]);
  });

  /** A wallet from the Hardhat phrase on a core that knows the devnet (devnet-b through the proxy) and the local prices. */
  async function devnetHarness(options: { refreshed?: boolean; clock?: Clock; phrase?: string } = {}): Promise<UiHarness> {
    h = await startUiHarness(browser, {
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
      },
      setup: async (core) => {
        await createVaultThroughCore(core, options.phrase);
        if (options.refreshed) ok(await core.call('portfolio.refresh', {}));
      },
    });
    await h.app.getByRole('heading', { name: 'Portfolio', level: 1 }).waitFor();
    return h;
  }

  /** Account 1's balances over RPC, and their value at PRICES in exact cents (before rounding), per chain. */
  async function onChain(alias: 'devnet-a' | 'devnet-b') {
    const provider = providers[alias];
    const [eth, usdc, weth] = await Promise.all([
      provider.getBalance(HARDHAT_ACCOUNT_0),
      new Contract(devnet.contracts.usdc, ERC20, provider).getFunction('balanceOf')(HARDHAT_ACCOUNT_0) as Promise<bigint>,
      new Contract(devnet.contracts.weth, ERC20, provider).getFunction('balanceOf')(HARDHAT_ACCOUNT_0) as Promise<bigint>,
    ]);
    const usdcScaled = scaledCents(usdc, 6, PRICES['usd-coin']);
    const scaled = scaledCents(eth, 18, PRICES.ethereum) + usdcScaled + scaledCents(weth, 18, PRICES.weth);
    return { eth, usdc, weth, scaled, usdcScaled };
  }

  async function nonceOf(alias: 'devnet-a' | 'devnet-b', address: string): Promise<number> {
    return providers[alias].getTransactionCount(address, 'latest');
  }

  async function erc20Balance(alias: 'devnet-a' | 'devnet-b', token: string, address: string): Promise<bigint> {
    return (await new Contract(token, ERC20, providers[alias]).getFunction('balanceOf')(address)) as bigint;
  }

  /** The last answer main gave to a method, as the renderer received it. */
  function lastAnswer<T>(method: string): T {
    const entry = h!.ipcLog.filter((e) => e.kind === 'call' && e.method === method).at(-1);
    if (!entry || entry.kind !== 'call') throw new Error(`no ${method} call`);
    return ok<T>(entry.answer);
  }

  /** The activity entry of the last send main signed after a confirmation in the secure window. */
  function lastOutcome(): ActivityEntry {
    const events = h!.ipcLog.filter((e) => e.kind === 'event' && e.event === 'confirmation.outcome');
    const last = events.at(-1);
    if (!last || last.kind !== 'event') throw new Error('no confirmation.outcome event');
    const outcome = last.payload as { ok: boolean; entry?: ActivityEntry };
    if (!outcome.ok || !outcome.entry) throw new Error(`the confirmation failed: ${JSON.stringify(last.payload)}`);
    return outcome.entry;
  }

  function outcomeCount(): number {
    return h!.ipcLog.filter((e) => e.kind === 'event' && e.event === 'confirmation.outcome').length;
  }

  /**
   * The user's side of a send after "Confirm and send" in the app: the secure window shows main's review; confirm
   * there (with the password when it asks, i.e. a first-time recipient). Returns the entry main pushed.
   */
  async function confirmInSecureWindow(expect_: { amount: string; to: string; passwordRequired: boolean }): Promise<ActivityEntry> {
    const secure = await h!.securePage();
    await secure.getByRole('heading', { name: 'Confirm this transfer' }).waitFor();
    expect(await secure.locator('[data-confirm="amount"]').textContent()).toBe(expect_.amount);
    expect((await secure.locator('[data-confirm="to"] code').textContent())?.toLowerCase()).toBe(expect_.to.toLowerCase());
    expect(await secure.getByLabel('Password').count()).toBe(expect_.passwordRequired ? 1 : 0);
    if (expect_.passwordRequired) await secure.getByLabel('Password').fill(PASSWORD);
    const before = outcomeCount();
    await secure.getByRole('button', { name: 'Confirm and send' }).click();
    await eventually(() => outcomeCount() > before, true, 15_000);
    return lastOutcome();
  }

  function callCount(method: string): number {
    return h!.ipcLog.filter((e) => e.kind === 'call' && e.method === method).length;
  }

  /** Opens the send form from the portfolio's Send button. */
  async function openSend(app: Page) {
    await openPage(app, 'Portfolio');
    await app.getByRole('button', { name: 'Send', exact: true }).click();
    await app.getByRole('heading', { name: 'Send', level: 1 }).waitFor();
    return app.getByRole('form', { name: 'Send' });
  }

  it('portfolio: after a refresh (with progress) the total is the on-chain value at the local prices; by chain; USDC grouped across both chains', async () => {
    const { app } = await devnetHarness();
    await app.getByText('Your balances have not been read yet').waitFor();

    // devnet-b answers slowly for this refresh, so its progress can be seen.
    proxyB.setLatency(400);
    await app.getByRole('button', { name: 'Refresh', exact: true }).click();
    const progressText = app.getByText(/^Refreshing \d+ of \d+ chains…$/);
    await progressText.waitFor();
    const bar = app.getByRole('progressbar', { name: 'Refresh progress' });
    expect(Number(await bar.getAttribute('max'))).toBeGreaterThanOrEqual(2);
    await h!.screenshot(app, 'portfolio-refreshing', { fullPage: false });

    const total = app.getByRole('region', { name: 'Total value' }).locator('.total__value');
    await total.waitFor();
    await progressText.waitFor({ state: 'detached' });
    proxyB.setLatency(0);
    expect(await app.getByRole('button', { name: 'Refresh', exact: true }).isEnabled()).toBe(true);

    const [a, b] = await Promise.all([onChain('devnet-a'), onChain('devnet-b')]);
    // The devnet's published funding: the figures below are not all zeros by accident.
    expect([a.eth, a.usdc, a.weth]).toEqual([10_000n * ETHER, 1_000_000n * 10n ** 6n, 100n * ETHER]);
    expect([b.eth, b.usdc, b.weth]).toEqual([10_000n * ETHER, 1_000_000n * 10n ** 6n, 100n * ETHER]);
    expect(await total.textContent()).toBe(dollars(roundCents(a.scaled + b.scaled)));
    expect(await total.textContent()).toBe('$62,600,000.00');
    expect(await app.locator('.portfolio__updated').textContent()).toContain('Updated just now');
    for (const id of ['ethereum', 'usd-coin', 'weth']) expect(prices.askedIds().has(id)).toBe(true);
    // the renderer got progress as events: at least one per devnet chain, the last one complete
    const progress = h!.ipcLog.flatMap((e) => (e.kind === 'event' && e.event === 'portfolio.progress' ? [e.payload as { done: number; total: number }] : []));
    expect(progress.length).toBeGreaterThanOrEqual(2);
    expect(progress.at(-1)?.done).toBe(progress.at(-1)?.total);

    const byChain = app.getByRole('region', { name: 'By chain' });
    for (const [id, name, value] of [
      ['eip155:31337', 'Devnet A', a.scaled],
      ['eip155:31338', 'Devnet B', b.scaled],
    ] as const) {
      const row = byChain.locator(`li[data-chain="${id}"]`);
      expect(await row.locator('.chain-row__name').textContent()).toBe(name);
      expect(await row.locator('.chain-row__value').textContent()).toBe(dollars(roundCents(value)));
      expect(await row.locator('.chain-row__assets').textContent()).toBe('ETH · USDC · WETH');
      expect(await row.locator('.chain-row__share').textContent()).toBe('50%');
    }

    // USDC on both chains is one row, opening to one line per chain
    const usdc = app.getByRole('region', { name: 'By asset' }).locator('li[data-asset="usd-coin"]');
    expect(await usdc.locator('.asset-group__sub').textContent()).toBe('USD Coin (devnet) · 2 networks');
    expect(await usdc.locator('.asset-group__value').textContent()).toBe(dollars(roundCents(a.usdcScaled + b.usdcScaled)));
    expect(await usdc.locator('.asset-group__amount .amount').textContent()).toBe('2,000,000 USDC');
    const toggle = usdc.locator('.asset-group__row');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    const lines = app.getByRole('list', { name: 'USDC by network' });
    expect(await lines.isVisible()).toBe(false);
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    await lines.waitFor();
    expect(await lines.locator('li').evaluateAll((items) => items.map((li) => li.getAttribute('data-chain')).sort())).toEqual(['eip155:31337', 'eip155:31338']);
    expect(await lines.locator('.amount').allTextContents()).toEqual(['1,000,000 USDC', '1,000,000 USDC']);
    expect(await lines.locator('.position__value').allTextContents()).toEqual(['$1,000,000.00', '$1,000,000.00']);

    // the legend is the chart's accessible twin: the same figures
    const legend = app.getByRole('table', { name: 'Allocation by asset' });
    expect(await legend.locator('tbody th').allTextContents()).toEqual(['ETH', 'USDC', 'WETH']);
    expect(await legend.locator('.legend__value').allTextContents()).toEqual([
      dollars(roundCents(scaledCents(a.eth + b.eth, 18, PRICES.ethereum))),
      dollars(roundCents(a.usdcScaled + b.usdcScaled)),
      dollars(roundCents(scaledCents(a.weth + b.weth, 18, PRICES.weth))),
    ]);
    await app.evaluate('window.scrollTo(0, 0)');
    await h!.screenshot(app, 'portfolio');
    expect(h!.problems).toEqual([]);
  });

  it('empty portfolio: nothing on any chain is explained, with the address to receive on and a copy button', async () => {
    // the BIP-39 test vector phrase: a valid wallet that holds nothing on the devnet
    const phrase = 'abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about';
    const address = HDNodeWallet.fromPhrase(phrase).address;
    expect(await providers['devnet-a'].getBalance(address)).toBe(0n);
    const { app } = await devnetHarness({ phrase });
    await app.getByRole('button', { name: 'Refresh', exact: true }).click();
    const empty = app.getByRole('region', { name: 'No balances yet' });
    await empty.waitFor();
    expect(await app.getByRole('region', { name: 'Total value' }).count()).toBe(0);
    expect(await empty.locator('code.address').getAttribute('title')).toBe(address);
    await empty.getByRole('button', { name: 'Copy Account 1 EVM address' }).click();
    await eventually(() => app.evaluate('navigator.clipboard.readText()'), address);
    await h!.screenshot(app, 'portfolio-empty');
    await empty.getByRole('button', { name: 'See all addresses' }).click();
    await app.getByRole('heading', { name: 'Accounts', level: 1 }).waitFor();
    expect(h!.problems).toEqual([]);
  });

  it('offline: stale prices and a chain that does not answer are said quietly, and the last known figures stay', async () => {
    // main's clock runs 3 hours behind for the first refresh, so by the second its prices are 3 hours old
    let offset = -3 * 3_600_000;
    const clock: Clock = { ...systemClock, now: () => Date.now() + offset };
    const { app } = await devnetHarness({ refreshed: true, clock });
    const total = app.getByRole('region', { name: 'Total value' }).locator('.total__value');
    await total.waitFor();
    expect(await total.textContent()).toBe('$62,600,000.00');
    expect(await app.locator('.portfolio__updated').textContent()).toBe('Updated 3 h ago');
    expect(await app.locator('.stale-chip').count()).toBe(0);

    offset = 0;
    prices.setDown(true);
    await proxyB.takeDown('refuse');
    const asked = prices.requests.length;
    const refreshCalls = () => h!.ipcLog.filter((e) => e.kind === 'call' && e.method === 'portfolio.refresh').length;
    const refreshesBefore = refreshCalls();
    await app.getByRole('button', { name: 'Refresh', exact: true }).click();
    const chainError = app.locator('.chain-errors--single[data-chain="eip155:31338"]');
    await chainError.waitFor();
    expect(await chainError.textContent()).toBe('Devnet B: no RPC answered. Showing its last known balances.');
    await app.locator('.stale-chip').waitFor();
    // The errors can come from the background refresh first: wait for the answer to the click itself.
    await eventually(() => refreshCalls() > refreshesBefore, true, 15_000);
    // with the fetch time of the prices (when main sends it) the chip says how old they are
    const offline = lastAnswer<Record<string, unknown>>('portfolio.refresh');
    expect(await app.locator('.stale-chip').textContent()).toBe('pricesAt' in offline ? 'Prices from 3 h ago — offline' : 'Prices not current — offline');
    expect(await app.locator('.portfolio__updated').textContent()).toContain('Updated just now');
    expect(prices.requests.length).toBeGreaterThan(asked);
    // last known balances of Devnet B and last known prices: the same total
    expect(await total.textContent()).toBe('$62,600,000.00');
    const usdc = app.getByRole('region', { name: 'By asset' }).locator('li[data-asset="usd-coin"]');
    await usdc.locator('.asset-group__row').click();
    expect(await usdc.locator('.stale-mark').count()).toBe(2);
    await app.evaluate('window.scrollTo(0, 0)');
    await h!.screenshot(app, 'portfolio-offline');

    // back online: fresh prices, no error, the same figures
    prices.setDown(false);
    await proxyB.bringUp();
    await app.getByRole('button', { name: 'Refresh', exact: true }).click();
    await chainError.waitFor({ state: 'detached' });
    await app.locator('.stale-chip').waitFor({ state: 'detached' });
    expect(await total.textContent()).toBe('$62,600,000.00');
    expect(h!.problems).toEqual([]);
  });

  it('sends 1.5 ETH on Devnet A through the review screen (exact amount, fee, total), then USDC; too much is refused and nothing is sent', async () => {
    const { app } = await devnetHarness({ refreshed: true });
    const form = await openSend(app);
    expect(await form.getByLabel('Account').locator('option:checked').textContent()).toBe('Account 1');
    await form.getByLabel('Network').selectOption('eip155:31337');
    expect(await form.getByLabel('Asset').inputValue()).toBe('native');
    expect(await form.locator('.send-form__balance').textContent()).toBe('Balance: 10,000 ETH · $30,000,000.00');
    await form.getByLabel('To').fill(ACCOUNT_5);

    // Max leaves the most the fee can cost
    const amount = form.getByLabel('Amount', { exact: true });
    await form.getByRole('button', { name: 'Max', exact: true }).click();
    await form.getByText('All of it, minus the most the normal fee can cost.').waitFor();
    const max = lastAnswer<{ amount: string; formatted: string }>('send.max');
    expect(await amount.inputValue()).toBe(max.formatted);
    expect(formatAmount(BigInt(max.amount), 18)).toBe(max.formatted);
    expect(BigInt(max.amount)).toBeLessThan(10_000n * ETHER);
    expect(BigInt(max.amount)).toBeGreaterThan(9_999n * ETHER);

    await amount.fill('1.5');
    await app.getByText('≈ $4,500.00').waitFor();
    await h!.screenshot(app, 'send-form');

    const recipientBefore = await providers['devnet-a'].getBalance(ACCOUNT_5);
    const nonceBefore = await nonceOf('devnet-a', HARDHAT_ACCOUNT_0);
    await form.getByRole('button', { name: 'Review' }).click();
    const review = app.getByRole('region', { name: 'Review transfer' });
    await review.waitFor();
    const prepared = lastAnswer<SendReview>('send.prepare');
    const fee = BigInt(prepared.fee.amount);
    expect(prepared.amount).toBe((15n * ETHER) / 10n + '');
    expect(prepared.fee.tier).toBe('normal');
    expect(fee).toBeGreaterThan(0n);
    expect(prepared.total).toBe(((15n * ETHER) / 10n + fee).toString());
    expect(await review.locator('[data-review="amount"]').textContent()).toBe('1.5 ETH');
    expect(await review.locator('[data-review="to"] code').getAttribute('title')).toBe(ACCOUNT_5);
    expect((await review.locator('[data-review="to"] code').textContent())?.toLowerCase()).toBe(ACCOUNT_5.toLowerCase());
    expect(await review.locator('[data-review="network"] .review__strong').textContent()).toBe('Devnet A');
    // The fee to 6 significant digits (cut, never rounded up), every digit on hover.
    const feeText = formatAmount(fee, 18).replace(/^(0\.0*[1-9]\d{0,5}).*$/, '$1').replace(/0+$/, '');
    expect(await review.locator('[data-review="fee"] .review__strong').textContent()).toBe(`${feeText} ETH`);
    expect(await review.locator('[data-review="fee"] .review__strong').getAttribute('title')).toBe(`${formatAmount(fee, 18)} ETH`);
    expect(await review.locator('[data-review="total"] .review__strong').textContent()).toBe(`${formatAmount((15n * ETHER) / 10n + fee, 18)} ETH`);
    await review.getByText('First transfer to this address: check it character by character.').waitFor();
    // nothing has been signed or sent by preparing
    expect(await nonceOf('devnet-a', HARDHAT_ACCOUNT_0)).toBe(nonceBefore);
    expect(callCount('send.confirm')).toBe(0);
    await app.evaluate('window.scrollTo(0, 0)');
    await h!.screenshot(app, 'send-review');

    await review.getByRole('button', { name: 'Confirm and send' }).click();
    // the app window only asked: nothing is signed until the secure window confirms
    await review.getByText('Confirm this transfer in the secure window.').waitFor();
    expect(await nonceOf('devnet-a', HARDHAT_ACCOUNT_0)).toBe(nonceBefore);
    const entry = await confirmInSecureWindow({ amount: '1.5 ETH', to: ACCOUNT_5, passwordRequired: true });
    const sent = app.getByRole('region', { name: 'Transfer sent' });
    await sent.waitFor();
    expect(entry.status).toBe('pending');
    expect(await sent.locator('[data-hash]').textContent()).toBe(entry.hash);
    await eventually(() => sent.getAttribute('data-status'), 'confirmed', 15_000);
    expect(await sent.locator('.status').textContent()).toBe('Confirmed');
    await h!.screenshot(app, 'send-sent');
    // pending (the answer) then confirmed (an event), for this transfer
    const statuses = h!.ipcLog.flatMap((e) => (e.kind === 'event' && e.event === 'activity.changed' && (e.payload as ActivityEntry).id === entry.id ? [(e.payload as ActivityEntry).status] : []));
    expect(statuses.at(-1)).toBe('confirmed');
    expect(await providers['devnet-a'].getBalance(ACCOUNT_5)).toBe(recipientBefore + (15n * ETHER) / 10n);
    expect(await nonceOf('devnet-a', HARDHAT_ACCOUNT_0)).toBe(nonceBefore + 1);
    const receipt = await providers['devnet-a'].getTransactionReceipt(entry.hash);
    expect(receipt?.status).toBe(1);
    expect(receipt?.to).toBe(ACCOUNT_5);

    // USDC on Devnet B, started from its line in the portfolio: the form opens on that chain and asset. The fee is
    // in ETH, so the total is said as two amounts.
    await openPage(app, 'Portfolio');
    const usdcRow = app.getByRole('region', { name: 'By asset' }).locator('li[data-asset="usd-coin"]');
    await usdcRow.locator('.asset-group__row').click();
    await usdcRow.getByRole('button', { name: 'Send USDC on Devnet B' }).click();
    await app.getByRole('heading', { name: 'Send', level: 1 }).waitFor();
    expect(await form.getByLabel('Network').inputValue()).toBe('eip155:31338');
    expect(await form.getByLabel('Asset').inputValue()).toBe(devnet.contracts.usdc);
    expect(await form.locator('.send-form__balance').textContent()).toBe('Balance: 1,000,000 USDC · $1,000,000.00');
    await form.getByRole('button', { name: 'Max', exact: true }).click();
    await form.getByText('Your whole USDC balance. The fee is paid in ETH.').waitFor();
    expect(await form.getByLabel('Amount', { exact: true }).inputValue()).toBe('1000000');
    await form.getByLabel('To').fill(ACCOUNT_5);
    await form.getByLabel('Amount', { exact: true }).fill('250.5');
    const usdcBefore = await erc20Balance('devnet-b', devnet.contracts.usdc, ACCOUNT_5);
    await form.getByRole('button', { name: 'Review' }).click();
    await review.waitFor();
    const usdcReview = lastAnswer<SendReview>('send.prepare');
    expect(usdcReview.amount).toBe('250500000');
    expect(usdcReview.total).toBeNull();
    expect(await review.locator('[data-review="amount"]').textContent()).toBe('250.5 USDC');
    expect(await review.locator('[data-review="total"] .review__strong').textContent()).toBe(`250.5 USDC + ${formatAmount(BigInt(usdcReview.fee.amount), 18)} ETH`);
    await review.getByRole('button', { name: 'Confirm and send' }).click();
    // first send to this address on Devnet B: the password again
    await confirmInSecureWindow({ amount: '250.5 USDC', to: ACCOUNT_5, passwordRequired: true });
    await sent.waitFor();
    await eventually(() => sent.getAttribute('data-status'), 'confirmed', 15_000);
    expect(await erc20Balance('devnet-b', devnet.contracts.usdc, ACCOUNT_5)).toBe(usdcBefore + 250_500_000n);

    // more than the balance: main refuses at prepare, the review never shows, no transaction exists
    await sent.getByRole('button', { name: 'New transfer' }).click();
    await form.getByLabel('Network').selectOption('eip155:31337');
    await form.getByLabel('Asset').selectOption('native');
    await form.getByLabel('To').fill(ACCOUNT_5);
    await form.getByLabel('Amount', { exact: true }).fill('20000');
    const nonceBeforeRefusal = await nonceOf('devnet-a', HARDHAT_ACCOUNT_0);
    const confirms = callCount('send.confirm');
    await form.getByRole('button', { name: 'Review' }).click();
    const amountError = form.getByText('Not enough ETH: the amount plus the network fee is more than this account holds on Devnet A.');
    await amountError.waitFor();
    expect(await form.getByLabel('Amount', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    const refused = h!.ipcLog.filter((e) => e.kind === 'call' && e.method === 'send.prepare').at(-1);
    expect(refused?.kind === 'call' && !refused.answer.ok && refused.answer.error.code).toBe('INSUFFICIENT_FUNDS');
    expect(await review.count()).toBe(0);
    expect(callCount('send.confirm')).toBe(confirms);
    expect(await nonceOf('devnet-a', HARDHAT_ACCOUNT_0)).toBe(nonceBeforeRefusal);
    await app.evaluate('window.scrollTo(0, 0)');
    await h!.screenshot(app, 'send-insufficient-funds');

    // a malformed recipient is refused by main, on its field
    await form.getByLabel('Amount', { exact: true }).fill('1');
    await form.getByLabel('To').fill('0x1234');
    await form.getByRole('button', { name: 'Review' }).click();
    await form.getByText('That is not a valid Devnet A address.').waitFor();
    expect(await form.getByLabel('To').getAttribute('aria-invalid')).toBe('true');
    expect(await nonceOf('devnet-a', HARDHAT_ACCOUNT_0)).toBe(nonceBeforeRefusal);
    expect(h!.problems).toEqual([]);
  });

  it('a renderer-only attack (send.prepare, then send.confirm from page script) signs nothing: only the secure window confirms', async () => {
    const { app } = await devnetHarness();
    const nonceBefore = await nonceOf('devnet-a', HARDHAT_ACCOUNT_0);
    const balanceBefore = await providers['devnet-a'].getBalance(ACCOUNT_5);
    type Bridge = Record<string, (input: unknown) => Promise<{ ok: boolean; value?: Record<string, unknown> }>>;
    const attack = await app.evaluate(async (to) => {
      const strata = (window as unknown as { strata: Bridge }).strata;
      const accounts = (await strata['accounts.list']!({})).value as unknown as Array<{ id: string }>;
      const review = await strata['send.prepare']!({ accountId: accounts[0]!.id, chain: 'devnet-a', to, asset: 'native', amount: '2', tier: 'normal' });
      const confirm = await strata['send.confirm']!({ reviewId: review.value!.reviewId });
      return {
        confirm,
        appHasSecureConfirm: 'secure.confirm' in strata,
        secureApiInAppWindow: typeof (window as unknown as { strataSecure?: unknown }).strataSecure,
      };
    }, ACCOUNT_5);
    // main answered with a confirmation session for the secure window, not a signature
    expect(attack.confirm).toMatchObject({ ok: true, value: { purpose: 'confirm-send', state: 'open' } });
    expect([attack.appHasSecureConfirm, attack.secureApiInAppWindow]).toEqual([false, 'undefined']);
    const secure = await h!.securePage();
    await secure.getByRole('heading', { name: 'Confirm this transfer' }).waitFor();
    expect(await secure.locator('[data-confirm="amount"]').textContent()).toBe('2 ETH');
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await nonceOf('devnet-a', HARDHAT_ACCOUNT_0)).toBe(nonceBefore);
    expect(await providers['devnet-a'].getBalance(ACCOUNT_5)).toBe(balanceBefore);
    expect(outcomeCount()).toBe(0);

    // the page script can cancel its own request, never confirm it
    const sessionId = (attack.confirm.value as { sessionId: string }).sessionId;
    const cancelled = await app.evaluate(async (id) => (window as unknown as { strata: Bridge }).strata['secure.cancel']!({ sessionId: id }), sessionId);
    expect(cancelled).toMatchObject({ ok: true, value: { state: 'cancelled' } });
    await h!.secureClosed();
    expect(await nonceOf('devnet-a', HARDHAT_ACCOUNT_0)).toBe(nonceBefore);
    expect(h!.problems).toEqual([]);
  });

  it('activity: newest first; a pending transfer (spinner) turns confirmed live when its block is mined', async () => {
    const { app } = await devnetHarness({ refreshed: true });
    await openPage(app, 'Activity');
    await app.getByRole('heading', { name: 'No transactions yet' }).waitFor();

    // one confirmed transfer on Devnet A
    let form = await openSend(app);
    await form.getByLabel('Network').selectOption('eip155:31337');
    await form.getByLabel('To').fill(ACCOUNT_5);
    await form.getByLabel('Amount', { exact: true }).fill('0.5');
    await form.getByRole('button', { name: 'Review' }).click();
    await app.getByRole('button', { name: 'Confirm and send' }).click();
    const first = await confirmInSecureWindow({ amount: '0.5 ETH', to: ACCOUNT_5, passwordRequired: true });
    const sent = app.getByRole('region', { name: 'Transfer sent' });
    await eventually(() => sent.getAttribute('data-status'), 'confirmed', 15_000);

    // Devnet B stops mining: the next transfer waits in its mempool
    await devnet.request('devnet-b', 'evm_setAutomine', [false]);
    form = await openSend(app);
    await form.getByLabel('Network').selectOption('eip155:31338');
    await form.getByLabel('To').fill(ACCOUNT_5);
    await form.getByLabel('Amount', { exact: true }).fill('0.25');
    await form.getByRole('button', { name: 'Review' }).click();
    await app.getByRole('button', { name: 'Confirm and send' }).click();
    const second = await confirmInSecureWindow({ amount: '0.25 ETH', to: ACCOUNT_5, passwordRequired: true });
    await sent.waitFor();
    expect(await sent.getAttribute('data-status')).toBe('pending');

    await openPage(app, 'Activity');
    const rows = app.getByRole('list', { name: 'Transactions' }).locator('li.activity-row');
    await eventually(() => rows.count(), 2);
    expect(await rows.evaluateAll((items) => items.map((li) => li.getAttribute('data-activity-id')))).toEqual([second.id, first.id]);
    const pending = rows.nth(0);
    expect(await pending.getAttribute('data-status')).toBe('pending');
    expect(await pending.locator('.status').textContent()).toBe('Pending');
    expect(await pending.locator('.status .spinner').count()).toBe(1);
    expect(await pending.locator('.activity-row__title').textContent()).toBe('Sent 0.25 ETH');
    expect(await pending.locator('.activity-row__sub').textContent()).toBe('Devnet B · to 0x9965507D…19B0A4dc');
    expect(await rows.nth(1).getAttribute('data-status')).toBe('confirmed');
    expect(await app.locator('.page__subtitle').textContent()).toBe('2 transactions · 1 pending');
    await pending.locator('.activity-row__main').click();
    expect(await pending.locator('.activity-row__details .mono').nth(2).textContent()).toBe(second.hash);
    await h!.screenshot(app, 'activity-pending');

    // the block is mined: the row turns confirmed without the page asking again
    const lists = callCount('activity.list');
    await devnet.mine(1, 'devnet-b');
    await eventually(() => pending.getAttribute('data-status'), 'confirmed', 15_000);
    expect(await pending.locator('.status').textContent()).toBe('Confirmed');
    expect(callCount('activity.list')).toBe(lists);
    expect(await app.locator('.page__subtitle').textContent()).toBe('2 transactions');
    const receipt = await providers['devnet-b'].getTransactionReceipt(second.hash);
    expect(receipt?.status).toBe(1);
    await h!.screenshot(app, 'activity');
    expect(h!.problems).toEqual([]);
  });

  it('networks: endpoints per chain; a wrong chain or a dead endpoint is refused in words and nothing changes; a custom network is added and removed', async () => {
    // a third real chain for the custom network
    const third = await createEdrChain({ chainId: 31339, fundedAddresses: [], ownedPrivateKeys: [] });
    const thirdServer: JsonRpcServer = await serveJsonRpc(third.handle, 0);
    try {
      const { app } = await devnetHarness();
      await openPage(app, 'Settings');
      const section = app.getByRole('region', { name: 'Networks' });
      const rowB = section.locator('li[data-chain="eip155:31338"]');
      await eventually(() => rowB.locator('.network-row__url').textContent(), new URL(proxyB.url).host);
      expect(await rowB.locator('.network-row__meta').textContent()).toBe('Default');
      expect(await rowB.locator('.tag').allTextContents()).toEqual(['EVM', 'Devnet']);

      await section.getByRole('button', { name: 'Edit Devnet B endpoints' }).click();
      const dialog = app.getByRole('dialog', { name: 'RPC endpoints · Devnet B' });
      const endpoints = dialog.getByLabel('Endpoints');
      expect(await endpoints.inputValue()).toBe(proxyB.url);
      const alert = dialog.getByRole('alert');
      await endpoints.fill(devnet.chain('devnet-a').rpc);
      await dialog.getByRole('button', { name: 'Save endpoints' }).click();
      await eventually(() => alert.textContent(), 'That endpoint serves Devnet A (eip155:31337), not this network. Check the URL.');
      await endpoints.fill('http://127.0.0.1:9');
      await dialog.getByRole('button', { name: 'Save endpoints' }).click();
      await eventually(() => alert.textContent(), 'No answer from 127.0.0.1:9. Check the URL and that the node is running.');
      await h!.screenshot(app, 'networks-edit-error', { fullPage: false });
      expect(ok<ChainRpc>(await h!.core.call('chains.rpc', { chain: 'eip155:31338' })).endpoints).toEqual([proxyB.url]);

      const direct = devnet.chain('devnet-b').rpc;
      await endpoints.fill(`${direct}\n${proxyB.url}\n`);
      await dialog.getByRole('button', { name: 'Save endpoints' }).click();
      // replacing endpoints is confirmed in the secure window (the app window cannot do it alone)
      expect(ok<ChainRpc>(await h!.core.call('chains.rpc', { chain: 'eip155:31338' })).endpoints).toEqual([proxyB.url]);
      const secure = await h!.securePage();
      await secure.getByRole('button', { name: 'Confirm the change' }).click();
      await dialog.waitFor({ state: 'detached' });
      expect(ok<ChainRpc>(await h!.core.call('chains.rpc', { chain: 'eip155:31338' })).endpoints).toEqual([direct, proxyB.url]);
      expect(await rowB.locator('.network-row__url').textContent()).toBe(new URL(direct).host);
      expect(await rowB.locator('.network-row__meta').textContent()).toBe('Your endpoints · +1 fallback');
      await section.getByText('Devnet B endpoints saved.').waitFor();

      await section.getByRole('button', { name: 'Edit Devnet B endpoints' }).click();
      await dialog.getByRole('button', { name: 'Restore defaults' }).click();
      await dialog.waitFor({ state: 'detached' });
      expect(await rowB.locator('.network-row__meta').textContent()).toBe('Default');
      expect(ok<ChainRpc>(await h!.core.call('chains.rpc', { chain: 'eip155:31338' })).endpoints).toEqual([proxyB.url]);

      // a custom network: the node must answer with the chain id given
      await section.getByRole('button', { name: 'Add network' }).click();
      const add = app.getByRole('dialog', { name: 'Add a network' });
      await add.getByLabel('Name').fill('Third chain');
      await add.getByLabel('Chain ID').fill('31337');
      await add.getByLabel('Currency symbol').fill('ETH');
      await add.getByLabel('RPC URL').fill(thirdServer.url);
      await add.getByRole('button', { name: 'Add network' }).click();
      await add.getByText('Strata already knows this network: Devnet A.').waitFor();
      await add.getByLabel('Chain ID').fill('31340');
      await add.getByRole('button', { name: 'Add network' }).click();
      await add.getByText('That endpoint serves eip155:31339, not this network. Check the URL.').waitFor();
      expect(ok<ChainInfo[]>(await h!.core.call('chains.list', {})).some((c) => c.id === 'eip155:31340')).toBe(false);
      await add.getByLabel('Chain ID').fill('31339');
      await add.getByRole('button', { name: 'Add network' }).click();
      await add.waitFor({ state: 'detached' });
      const custom = section.locator('li[data-chain="eip155:31339"]');
      await custom.waitFor();
      expect(await custom.locator('.network-row__title').textContent()).toBe('Third chain');
      expect(await custom.locator('.tag').allTextContents()).toEqual(['EVM', 'Custom']);
      await eventually(() => custom.locator('.network-row__url').textContent(), new URL(thirdServer.url).host);
      expect(ok<ChainInfo[]>(await h!.core.call('chains.list', {})).find((c) => c.id === 'eip155:31339')?.name).toBe('Third chain');
      await app.evaluate('window.scrollTo(0, 0)');
      await h!.screenshot(app, 'settings-networks');

      await section.getByRole('button', { name: 'Remove Third chain' }).click();
      const remove = app.getByRole('dialog', { name: 'Remove Third chain?' });
      await remove.getByRole('button', { name: 'Remove network' }).click();
      await custom.waitFor({ state: 'detached' });
      expect(ok<ChainInfo[]>(await h!.core.call('chains.list', {})).some((c) => c.id === 'eip155:31339')).toBe(false);
      expect(await section.locator('li[data-chain="eip155:31337"]').count()).toBe(1);
      expect(h!.problems).toEqual([]);
    } finally {
      await thirdServer.close();
    }
  });
});
