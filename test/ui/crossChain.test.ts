/**
 * Swap & bridge in Chromium against the real core on the real devnet (two EDR chains, Uniswap V2 pools, LayerZero
 * with its relayer) and a local price server: the Hardhat phrase wallet moves ETH on Devnet A to USDC on Devnet B
 * through swap → LayerZero → swap with one confirmation, and the balances are then read on both chains over
 * JSON-RPC with ethers, in this test. A paused relayer shows the bridge step as delayed, then delivered.
 */
import { Contract, JsonRpcProvider } from 'ethers';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startDevnet, type Devnet } from '../../electron/services/devnet/startDevnet';
import { formatAmount } from '../../shared/amounts';
import { routePath, type Route } from '../../shared/domain/route';
import type { Transfer } from '../../shared/domain/transferRecord';
import { CHROMIUM_MISSING, hasChromium, launchChromium, startUiHarness, type UiHarness } from './harness';
import { HARDHAT_ACCOUNT_0, confirmTransferInSecureWindow, createVaultThroughCore, eventually, ok, reportFailure } from './flows';
import { startPriceServer, type PriceServer } from './priceServer';

if (!hasChromium) {
  console.warn(CHROMIUM_MISSING);
  it.skip(CHROMIUM_MISSING, () => {});
}

const A = 'eip155:31337';
const B = 'eip155:31338';
const PRICES = { ethereum: 3000, 'usd-coin': 1, weth: 3000 } as const;
const ERC20 = ['function balanceOf(address) view returns (uint256)'];
const SWAP_LZ_SWAP = 'uniswap-v2 layerzero-oft uniswap-v2';
const ETHER = 10n ** 18n;

/** Base units as the UI's exact amount: grouped thousands, no trailing zeros. */
function exact(units: string | bigint, decimals: number): string {
  const [whole = '0', fraction] = formatAmount(BigInt(units), decimals).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction ? `${grouped}.${fraction}` : grouped;
}

/** Base units as the route cards show them: the fraction cut (never rounded) to 6 digits. */
function cut(units: string | bigint, decimals: number): string {
  const [whole = '0', fraction = ''] = exact(units, decimals).split('.');
  const kept = fraction.slice(0, 6).replace(/0+$/, '');
  return kept ? `${whole}.${kept}` : whole;
}

describe.skipIf(!hasChromium)('swap & bridge in Chromium on the devnet', () => {
  let browser: Browser;
  let devnet: Devnet;
  let prices: PriceServer;
  let providers: Record<string, JsonRpcProvider>;
  let h: UiHarness | undefined;

  beforeAll(async () => {
    [browser, devnet, prices] = await Promise.all([launchChromium(), startDevnet(), startPriceServer({ ...PRICES })]);
    const provider = (alias: 'devnet-a' | 'devnet-b') =>
      new JsonRpcProvider(devnet.chain(alias).rpc, devnet.chain(alias).chainId, { staticNetwork: true, cacheTimeout: -1 });
    providers = { [A]: provider('devnet-a'), [B]: provider('devnet-b') };
  });
  afterEach(async (context) => {
    if (context.task.result?.state === 'fail' && h) await reportFailure(h, `failed-swap-${context.task.name.slice(0, 40).replace(/\W+/g, '-')}`);
    devnet.relayer.resume();
    await h?.close();
    h = undefined;
  });
  afterAll(async () => {
    Object.values(providers ?? {}).forEach((p) => p.destroy());
    await Promise.all([browser?.close(), devnet?.stop(), prices?.close()]);
  });

  /** The Hardhat phrase wallet on a core that knows the devnet and the local prices, portfolio read. */
  async function swapHarness(): Promise<UiHarness> {
    h = await startUiHarness(browser, {
      coreOptions: {
        devnet: { chains: devnet.chains.map((c) => ({ id: c.id, rpc: c.rpc })), contracts: devnet.contracts },
        priceApiUrl: prices.url,
        // delayed after the expected time itself (not 3×): the paused-relayer test sees "Delayed" sooner
        transferTiming: { delayFactor: 1 },
      },
      setup: async (core) => {
        await createVaultThroughCore(core);
        ok(await core.call('portfolio.refresh', {}));
      },
    });
    await h.app.getByRole('heading', { name: 'Portfolio', level: 1 }).waitFor();
    return h;
  }

  function calls(method: string) {
    return h!.ipcLog.flatMap((e) => (e.kind === 'call' && e.method === method ? [e] : []));
  }

  /** The last answer main gave to a method, as the renderer received it. */
  function lastAnswer<T>(method: string): T {
    const entry = calls(method).at(-1);
    if (!entry) throw new Error(`no ${method} call`);
    return ok<T>(entry.answer);
  }

  async function usdcOf(chain: string): Promise<bigint> {
    return (await new Contract(devnet.contracts.usdc as string, ERC20, providers[chain]).getFunction('balanceOf')(HARDHAT_ACCOUNT_0)) as bigint;
  }

  /** Opens Swap & bridge from the top bar and fills ETH on Devnet A → USDC on Devnet B. */
  async function fillEthToUsdc(app: Page, amount: string) {
    await app.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Swap & bridge', exact: true }).click();
    await app.getByRole('heading', { name: 'Swap & bridge', level: 1 }).waitFor();
    const form = app.getByRole('form', { name: 'Swap and bridge' });
    await form.getByLabel('From network').selectOption(A);
    await form.getByLabel('From asset').selectOption('native');
    await form.getByLabel('To network').selectOption(B);
    await form.getByLabel('To asset').selectOption(devnet.contracts.usdc as string);
    await form.getByLabel('Amount', { exact: true }).fill(amount);
    return form;
  }

  /** The card of the swap → LayerZero → swap route, chosen by its providers (never by position). */
  function swapLzSwapCard(app: Page) {
    return app.locator(`li.route-card[data-providers="${SWAP_LZ_SWAP}"]`);
  }

  /** The quoted route behind a card, from the last routes.find answer the renderer got. */
  async function routeOfCard(app: Page): Promise<Route> {
    const id = await swapLzSwapCard(app).getAttribute('data-route-id');
    const route = lastAnswer<Route[]>('routes.find').find((r) => r.id === id);
    if (!route) throw new Error('the card shows no quoted route');
    return route;
  }

  it('one click: ETH on Devnet A becomes USDC on Devnet B through swap → LayerZero → swap; balances on both chains match the journal', async () => {
    const { app, core } = await swapHarness();
    const form = await fillEthToUsdc(app, '20000');
    // more than the balance: said on the field at once; the routes are still quoted, and starting one sends nothing
    await form.getByText('More than your balance of 10,000 ETH.').waitFor();
    await swapLzSwapCard(app).waitFor();
    await swapLzSwapCard(app).getByRole('button', { name: /^Review route / }).click();
    const nonceA = await providers[A]!.getTransactionCount(HARDHAT_ACCOUNT_0);
    await app.getByRole('button', { name: 'Confirm and start' }).click();
    await app.getByText('Not enough ETH on Devnet A for this amount plus the route’s fees. Nothing was sent.').waitFor();
    expect(calls('transfers.start').map((c) => (c.answer.ok ? 'ok' : c.answer.error.code))).toEqual(['INSUFFICIENT_FUNDS']);
    expect(await providers[A]!.getTransactionCount(HARDHAT_ACCOUNT_0)).toBe(nonceA);
    await app.getByRole('button', { name: 'Back to routes' }).click();

    // slippage: an invalid custom value is refused in words, 1% is chosen from the presets
    await form.getByLabel('Custom slippage (percent)').fill('80');
    await form.getByText('Choose between 0.01% and 50%.').waitFor();
    await form.getByLabel('Custom slippage (percent)').fill('');
    await form.getByRole('radio', { name: '1%', exact: true }).check();
    // an amount the asset cannot hold is refused on its field, and nothing is quoted for it
    const quotes = calls('routes.find').length;
    await form.getByLabel('Amount', { exact: true }).fill('1.0000000000000000001');
    await form.getByText('Too many decimals: this asset has 18.').waitFor();
    expect(await form.getByLabel('Amount', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await app.getByText('Choose what you have and what you want').waitFor();
    expect(calls('routes.find')).toHaveLength(quotes);
    await form.getByLabel('Amount', { exact: true }).fill('1');
    const card = swapLzSwapCard(app);
    await eventually(async () => (await card.count()) === 1 && (await card.locator('[data-route="amount-out"]').textContent()) !== null && lastAnswer<Route[]>('routes.find')[0]?.amountIn === String(ETHER), true, 15_000);
    const found = calls('routes.find').at(-1);
    expect(found?.payload).toEqual({ from: { chain: A, asset: 'native', amount: '1' }, to: { chain: B, asset: devnet.contracts.usdc }, slippagePercent: 1, sort: 'amount' });
    const routes = lastAnswer<Route[]>('routes.find');
    // the cards are the answer, in main's order (best first), the first one marked
    expect(await app.locator('li.route-card').evaluateAll((items) => items.map((li) => li.getAttribute('data-route-id')))).toEqual(routes.map((r) => r.id));
    expect(await app.locator('li.route-card').first().locator('.route-card__best').textContent()).toBe('Most received');
    const route = await routeOfCard(app);
    expect(route.steps.map((s) => [s.kind, s.provider, s.fromChain, s.toChain])).toEqual([
      ['swap', 'uniswap-v2', A, A],
      ['bridge', 'layerzero-oft', A, B],
      ['swap', 'uniswap-v2', B, B],
    ]);
    expect(await card.locator('[data-route="amount-out"]').textContent()).toBe(`${cut(route.amountOut, 6)} USDC`);
    expect(await card.locator('[data-route="min-out"]').textContent()).toBe(`${cut(route.minAmountOut, 6)} USDC`);
    expect(await card.locator('.route-card__title').textContent()).toBe('Uniswap V2 → LayerZero → Uniswap V2');
    expect(await card.locator('.leg__title').allTextContents()).toEqual([
      'Swap ETH → SBT on Devnet A via Uniswap V2',
      'Bridge SBT to Devnet B via LayerZero',
      'Swap SBT → USDC on Devnet B via Uniswap V2',
    ]);
    // every fee of every step is listed, in its token and in USD
    expect(await card.locator('.leg__fees li').count()).toBe(route.steps.reduce((n, s) => n + s.fees.length, 0));
    expect(route.steps.every((s) => s.fees.every((f) => f.usd !== null))).toBe(true);
    await app.evaluate('window.scrollTo(0, 0)');
    await h!.screenshot(app, 'swap-routes');

    // ranked by speed: quoted again, the fastest first and marked so
    await form.getByRole('radio', { name: 'Fastest' }).check();
    await eventually(() => (calls('routes.find').at(-1)?.payload as { sort?: string }).sort, 'speed', 5_000);
    await eventually(async () => (await app.locator('li.route-card').first().locator('.route-card__best').textContent()) === 'Fastest' && calls('routes.find').at(-1)?.answer.ok === true, true, 10_000);
    const bySpeed = lastAnswer<Route[]>('routes.find');
    expect(await app.locator('li.route-card').evaluateAll((items) => items.map((li) => li.getAttribute('data-route-id')))).toEqual(bySpeed.map((r) => r.id));
    expect(bySpeed.map((r) => r.etaSeconds)).toEqual([...bySpeed.map((r) => r.etaSeconds)].sort((x, y) => x - y));
    await form.getByRole('radio', { name: 'Most received' }).check();
    await eventually(async () => (await app.locator('li.route-card').first().locator('.route-card__best').textContent()) === 'Most received' && (calls('routes.find').at(-1)?.payload as { sort?: string }).sort === 'amount' && calls('routes.find').at(-1)?.answer.ok === true, true, 10_000);
    // the same chain state, the same quotes: the card reviewed next is the route checked above, under a quote id of its own
    const requoted = lastAnswer<Route[]>('routes.find');
    const withoutId = (list: Route[]) => list.map(({ id: _id, ...rest }) => rest);
    expect(withoutId(requoted)).toEqual(withoutId(routes));
    expect(requoted.filter((r) => routes.some((old) => old.id === r.id))).toEqual([]);

    await card.getByRole('button', { name: 'Review route Uniswap V2 → LayerZero → Uniswap V2' }).click();
    const review = app.getByRole('region', { name: 'Review cross-chain transfer' });
    await review.waitFor();
    expect(await review.locator('[data-review="amount-in"]').textContent()).toBe('1 ETH');
    const minShown = await review.locator('[data-review="min-out"] .review__strong').textContent();
    expect(minShown).toBe(`${exact(route.minAmountOut, 6)} USDC`);
    expect(await review.locator('[data-review="route"] .review__strong').textContent()).toBe('Uniswap V2 → LayerZero → Uniswap V2');
    const plan = await review.locator('.signing-plan__list li').allTextContents();
    expect(plan).toHaveLength(3);
    expect(plan[0]).toBe(`On Devnet A: swap 1 ETH for at least ${exact(route.steps[0]!.minAmountOut, 18)} SBT on Uniswap V2.`);
    expect(plan[2]).toMatch(/^On Devnet B: approve exactly the SBT received \(≈ [0-9,.]+ SBT\) for Uniswap V2, then swap it for at least [0-9,.]+ USDC\.$/);
    await review.getByText('Approvals are for the exact amount of their step, never unlimited.', { exact: false }).waitFor();
    expect(await review.getByRole('button', { name: 'Confirm and start' }).count()).toBe(1);
    await app.evaluate('window.scrollTo(0, 0)');
    await h!.screenshot(app, 'swap-review');

    // Another search for the same path (e.g. a rebalancing plan) keeps a quote of its own: the one on screen still
    // starts, exactly as reviewed (the requoted route of this card, 1 ETH), not the later 2 ETH quote.
    const reviewed = requoted.find((r) => routePath(r) === routePath(route)) as Route;
    expect(reviewed.amountIn).toBe(String(ETHER));
    ok(await core.call('routes.find', { ...(found?.payload as object), from: { chain: A, asset: 'native', amount: '2' } }));

    const ethBefore = await providers[A]!.getBalance(HARDHAT_ACCOUNT_0);
    const usdcBefore = await usdcOf(B);
    const nonceBefore = await providers[A]!.getTransactionCount(HARDHAT_ACCOUNT_0);
    await review.getByRole('button', { name: 'Confirm and start' }).click();
    // the app window only asked; the secure window shows main's kept quote and starts it
    await review.getByText('Confirm this transfer in the secure window.').waitFor();
    expect(await providers[A]!.getTransactionCount(HARDHAT_ACCOUNT_0)).toBe(nonceBefore);
    const started = await confirmTransferInSecureWindow<Transfer>(h!, { amount: '1 ETH', minOut: `${exact(route.minAmountOut, 6)} USDC` });
    const progress = app.locator('section.transfer-progress');
    await progress.waitFor();
    await eventually(() => progress.getAttribute('data-status'), 'completed', 40_000);
    expect(calls('transfers.start').filter((c) => c.answer.ok)).toHaveLength(1);
    expect(await progress.locator('[data-step-state]').evaluateAll((items) => items.map((li) => li.getAttribute('data-step-state')))).toEqual(['confirmed', 'delivered', 'confirmed']);
    expect(await progress.locator('.transfer-status').textContent()).toBe('Completed');

    // the journal, as main keeps it, against both chains
    const done = ok<Transfer>(await core.call('transfers.get', { id: started.id }));
    expect(done.route).toEqual(reviewed);
    let gas = 0n;
    let value = 0n;
    for (const c of done.steps.flatMap((s) => s.calls).filter((c) => c.chain === A)) {
      const receipt = await providers[A]!.getTransactionReceipt(c.hash);
      const tx = await providers[A]!.getTransaction(c.hash);
      expect(receipt?.status).toBe(1);
      gas += (receipt?.gasUsed ?? 0n) * (receipt?.gasPrice ?? 0n);
      value += tx?.value ?? 0n;
    }
    const messaging = route.fees.filter((f) => f.kind === 'messaging' && f.chain === A).reduce((sum, f) => sum + BigInt(f.amount), 0n);
    expect(value).toBe(ETHER + messaging);
    expect(ethBefore - (await providers[A]!.getBalance(HARDHAT_ACCOUNT_0))).toBe(ETHER + messaging + gas);
    const received = (await usdcOf(B)) - usdcBefore;
    expect(received.toString()).toBe(done.steps[2]?.amountOut);
    expect(received >= BigInt(route.minAmountOut)).toBe(true);
    // what the page says arrived is what arrived
    const arrived = progress.locator('.transfer-progress__done');
    expect(await arrived.getAttribute('data-received')).toBe(received.toString());
    expect(await arrived.locator('.transfer-progress__received').textContent()).toBe(`${cut(received, 6)} USDC arrived on Devnet B (minimum was ${cut(route.minAmountOut, 6)} USDC)`);
    // the recent list has it, completed
    const row = app.getByRole('list', { name: 'Cross-chain transfers' }).locator(`li[data-transfer-id="${started.id}"]`);
    await eventually(() => row.getAttribute('data-status'), 'completed');
    await app.evaluate('window.scrollTo(0, 0)');
    await h!.screenshot(app, 'swap-progress-completed');
    expect(h!.problems).toEqual([]);
  }, 90_000);

  it('relayer paused: the bridge step shows as delayed, then delivered once it resumes; the transfer reopens from the list', async () => {
    const { app } = await swapHarness();
    await fillEthToUsdc(app, '0.25');
    const card = swapLzSwapCard(app);
    await card.waitFor();
    await devnet.relayer.pause();
    await card.getByRole('button', { name: /^Review route / }).click();
    await app.getByRole('button', { name: 'Confirm and start' }).click();
    const { id } = await confirmTransferInSecureWindow<Transfer>(h!, { amount: '0.25 ETH' });
    const progress = app.locator('section.transfer-progress');
    await progress.waitFor();
    const bridge = progress.locator('li.progress-step').nth(1);
    // LayerZero's devnet ETA is 5 s; the journal calls a step delayed after 3 × that
    await eventually(async () => `${await bridge.getAttribute('data-step-state')} ${await bridge.getAttribute('data-delayed')}`, 'delivering true', 30_000);
    expect(await bridge.locator('.delayed-tag').textContent()).toBe('Delayed');
    expect(await bridge.locator('[data-step="delayed"]').textContent()).toBe('Taking longer than expected. The funds are in the bridge; Strata keeps watching and goes on by itself.');
    // the bridge's own words, journaled with the delay (same record update), under the delayed line
    expect(await bridge.locator('[data-step="note"]').textContent()).toBe('Waiting for LayerZero to deliver the message');
    expect(await progress.getAttribute('data-status')).toBe('running');
    expect(await progress.locator('.progress--late').count()).toBe(1);
    const row = app.getByRole('list', { name: 'Cross-chain transfers' }).locator(`li[data-transfer-id="${id}"]`);
    await eventually(() => row.locator('.transfer-status').textContent(), 'Delayed');
    await h!.screenshot(app, 'swap-progress-delayed');

    devnet.relayer.resume();
    await eventually(() => progress.getAttribute('data-status'), 'completed', 40_000);
    expect(await bridge.getAttribute('data-step-state')).toBe('delivered');
    expect(await bridge.locator('.delayed-tag').count()).toBe(0);
    expect(await bridge.locator('[data-step="note"]').count()).toBe(0);

    // leave, and reopen it from the list
    await progress.getByRole('button', { name: 'New swap' }).click();
    await app.getByRole('form', { name: 'Swap and bridge' }).waitFor();
    await row.getByRole('button').click();
    await eventually(() => app.locator(`section.transfer-progress[data-transfer-id="${id}"]`).getAttribute('data-status'), 'completed');
    expect(calls('transfers.get').some((c) => (c.payload as { id: string }).id === id)).toBe(true);
    expect(h!.problems).toEqual([]);
  }, 90_000);
});
