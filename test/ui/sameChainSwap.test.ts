/**
 * A swap on one network in Chromium against the real core on the real devnet (EDR chains, Uniswap V3 from the npm
 * artifacts) and a local price server: "to" is the same network as "from", the Hardhat phrase wallet swaps ETH for USDC
 * on Devnet A through Uniswap V3, confirmed in the secure window, and the balances are then read over JSON-RPC with
 * ethers, in this test, against the journal and QuoterV2's own quote.
 */
import { Contract, JsonRpcProvider } from 'ethers';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startDevnet, type Devnet } from '../../electron/services/devnet/startDevnet';
import { formatAmount } from '../../shared/amounts';
import type { Route } from '../../shared/domain/route';
import type { Transfer } from '../../shared/domain/transferRecord';
import { CHROMIUM_MISSING, hasChromium, launchChromium, startUiHarness, type UiHarness } from './harness';
import { HARDHAT_ACCOUNT_0, confirmTransferInSecureWindow, createVaultThroughCore, eventually, ok, reportFailure } from './flows';
import { startPriceServer, type PriceServer } from './priceServer';

if (!hasChromium) {
  console.warn(CHROMIUM_MISSING);
  it.skip(CHROMIUM_MISSING, () => {});
}

const A = 'eip155:31337';
const PRICES = { ethereum: 3000, 'usd-coin': 1, weth: 3000 } as const;
const ERC20 = ['function balanceOf(address) view returns (uint256)'];
const QUOTER_V2 = [
  'function quoteExactInputSingle((address tokenIn, address tokenOut, uint256 amountIn, uint24 fee, uint160 sqrtPriceLimitX96) params) returns (uint256 amountOut, uint160 sqrtPriceX96After, uint32 initializedTicksCrossed, uint256 gasEstimate)',
];
/** the devnet's WETH/USDC Uniswap V3 pools (electron/services/devnet/deploy/steps/uniswapV3Pools.ts) */
const DEVNET_V3_TIERS = [500, 3000];
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

describe.skipIf(!hasChromium)('a swap on one network in Chromium on the devnet', () => {
  let browser: Browser;
  let devnet: Devnet;
  let prices: PriceServer;
  let provider: JsonRpcProvider;
  let h: UiHarness | undefined;

  beforeAll(async () => {
    [browser, devnet, prices] = await Promise.all([launchChromium(), startDevnet(), startPriceServer({ ...PRICES })]);
    provider = new JsonRpcProvider(devnet.chain('devnet-a').rpc, devnet.chain('devnet-a').chainId, { staticNetwork: true, cacheTimeout: -1 });
  });
  afterEach(async (context) => {
    if (context.task.result?.state === 'fail' && h) await reportFailure(h, `failed-same-chain-${context.task.name.slice(0, 40).replace(/\W+/g, '-')}`);
    await h?.close();
    h = undefined;
  });
  afterAll(async () => {
    provider?.destroy();
    await Promise.all([browser?.close(), devnet?.stop(), prices?.close()]);
  });

  function calls(method: string) {
    return h!.ipcLog.flatMap((e) => (e.kind === 'call' && e.method === method ? [e] : []));
  }

  async function usdc(): Promise<bigint> {
    return (await new Contract(devnet.contracts.usdc as string, ERC20, provider).getFunction('balanceOf')(HARDHAT_ACCOUNT_0)) as bigint;
  }

  /** What QuoterV2 pays for `amount` WETH in USDC, from the best of the devnet's pools (the venue's own choice). */
  async function quoterBest(amount: bigint): Promise<bigint> {
    const quoter = new Contract(devnet.contracts.quoterV2 as string, QUOTER_V2, provider);
    const outs: bigint[] = [];
    for (const fee of DEVNET_V3_TIERS) {
      const [amountOut] = (await quoter.getFunction('quoteExactInputSingle').staticCall({ tokenIn: devnet.contracts.weth, tokenOut: devnet.contracts.usdc, amountIn: amount, fee, sqrtPriceLimitX96: 0n })) as [bigint];
      outs.push(amountOut);
    }
    return outs.reduce((a, b) => (a > b ? a : b));
  }

  it('"to" on the same network: 1 ETH becomes USDC on Devnet A through Uniswap V3, confirmed in the secure window; balances match over RPC', async () => {
    h = await startUiHarness(browser, {
      coreOptions: { devnet: { chains: devnet.chains.map((c) => ({ id: c.id, rpc: c.rpc })), contracts: devnet.contracts }, priceApiUrl: prices.url },
      setup: async (core) => {
        await createVaultThroughCore(core);
        ok(await core.call('portfolio.refresh', {}));
      },
    });
    const { app, core } = h;
    await app.getByRole('heading', { name: 'Portfolio', level: 1 }).waitFor();
    await app.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Swap & bridge', exact: true }).click();
    await app.getByRole('heading', { name: 'Swap & bridge', level: 1 }).waitFor();
    const form = app.getByRole('form', { name: 'Swap and bridge' });
    await form.getByLabel('From network').selectOption(A);
    await form.getByLabel('From asset').selectOption('native');
    // the from network is a choice for "to" as well, and on it the asset sent is not
    expect(await form.getByLabel('To network').locator(`option[value="${A}"]`).isDisabled()).toBe(false);
    await form.getByLabel('To network').selectOption(A);
    expect(await form.getByLabel('To asset').inputValue()).not.toBe('native');
    expect(await form.getByLabel('To asset').locator('option[value="native"]').isDisabled()).toBe(true);
    await form.getByLabel('To asset').selectOption(devnet.contracts.usdc as string);
    await form.getByLabel('Amount', { exact: true }).fill('1');

    const card = app.locator('li.route-card[data-providers="uniswap-v3"]');
    await card.waitFor({ timeout: 15_000 });
    const found = calls('routes.find').at(-1);
    expect(found?.payload).toEqual({ from: { chain: A, asset: 'native', amount: '1' }, to: { chain: A, asset: devnet.contracts.usdc }, slippagePercent: 0.5, sort: 'amount' });
    const routes = ok<Route[]>(found!.answer);
    // every route found is a swap on Devnet A alone, and the cards are main's answer in its order
    expect(routes.every((r) => r.steps.every((s) => s.kind === 'swap' && s.fromChain === A && s.toChain === A))).toBe(true);
    expect(await app.locator('li.route-card').evaluateAll((items) => items.map((li) => li.getAttribute('data-route-id')))).toEqual(routes.map((r) => r.id));
    const cardId = await card.getAttribute('data-route-id');
    const route = routes.find((r) => r.id === cardId) as Route;
    expect(route.steps.map((s) => [s.kind, s.provider, s.fromChain, s.toChain, s.assetIn.symbol, s.assetOut.symbol, s.amountIn])).toEqual([['swap', 'uniswap-v3', A, A, 'ETH', 'USDC', String(ETHER)]]);
    // the quote is QuoterV2's own, read here on the chain
    const quoted = await quoterBest(ETHER);
    expect(route.amountOut).toBe(quoted.toString());
    expect(route.minAmountOut).toBe(((quoted * 9950n) / 10_000n).toString());
    expect(await card.locator('.route-card__title').textContent()).toBe('Uniswap V3');
    expect(await card.locator('.leg__title').allTextContents()).toEqual(['Swap ETH → USDC on Devnet A via Uniswap V3']);
    expect(await card.locator('[data-route="amount-out"]').textContent()).toBe(`${cut(route.amountOut, 6)} USDC`);
    expect(await card.locator('[data-route="min-out"]').textContent()).toBe(`${cut(route.minAmountOut, 6)} USDC`);
    await app.evaluate('window.scrollTo(0, 0)');
    await h.screenshot(app, 'same-chain-swap-routes');

    await card.getByRole('button', { name: 'Review route Uniswap V3' }).click();
    const review = app.getByRole('region', { name: 'Review swap' });
    await review.waitFor();
    expect(await review.locator('[data-review="amount-in"]').textContent()).toBe('1 ETH');
    expect(await review.locator('[data-review="min-out"] .review__strong').textContent()).toBe(`${exact(route.minAmountOut, 6)} USDC`);
    expect(await review.locator('[data-review="route"] .review__strong').textContent()).toBe('Uniswap V3');
    expect(await review.locator('.review__lead').textContent()).toBe('One confirmation runs the step below. Nothing is signed until you confirm.');
    expect(await review.locator('.signing-plan__list li').allTextContents()).toEqual([`On Devnet A: swap 1 ETH for at least ${exact(route.minAmountOut, 6)} USDC on Uniswap V3.`]);
    expect(await review.locator('.signing-plan__note').textContent()).toBe('Approvals are for the exact amount of their step, never unlimited.');
    await app.evaluate('window.scrollTo(0, 0)');
    await h.screenshot(app, 'same-chain-swap-review');

    const ethBefore = await provider.getBalance(HARDHAT_ACCOUNT_0);
    const usdcBefore = await usdc();
    const nonceBefore = await provider.getTransactionCount(HARDHAT_ACCOUNT_0);
    await review.getByRole('button', { name: 'Confirm and start' }).click();
    await review.getByText('Confirm this transfer in the secure window.').waitFor();
    // the app window only asked: nothing is signed before the secure window's confirmation
    expect(await provider.getTransactionCount(HARDHAT_ACCOUNT_0)).toBe(nonceBefore);
    const started = await confirmTransferInSecureWindow<Transfer>(h, { amount: '1 ETH', minOut: `${exact(route.minAmountOut, 6)} USDC` });
    const progress = app.locator('section.transfer-progress');
    await progress.waitFor();
    await eventually(() => progress.getAttribute('data-status'), 'completed', 30_000);
    expect(await progress.locator('[data-step-state]').evaluateAll((items) => items.map((li) => li.getAttribute('data-step-state')))).toEqual(['confirmed']);

    // the journal against the chain: one transaction of exactly 1 ETH, the quote paid to the unit
    const done = ok<Transfer>(await core.call('transfers.get', { id: started.id }));
    const sent = done.steps.flatMap((s) => s.calls);
    expect(sent.map((c) => c.chain)).toEqual([A]);
    const receipt = await provider.getTransactionReceipt(sent[0]!.hash);
    const tx = await provider.getTransaction(sent[0]!.hash);
    expect(receipt?.status).toBe(1);
    expect(tx?.value).toBe(ETHER);
    expect(tx?.to).toBe(devnet.contracts.swapRouter02);
    const gas = (receipt?.gasUsed ?? 0n) * (receipt?.gasPrice ?? 0n);
    expect(ethBefore - (await provider.getBalance(HARDHAT_ACCOUNT_0))).toBe(ETHER + gas);
    const received = (await usdc()) - usdcBefore;
    expect(received).toBe(quoted);
    expect(done.steps[0]?.amountOut).toBe(received.toString());
    expect(await progress.locator('.transfer-progress__done').getAttribute('data-received')).toBe(received.toString());
    expect(await progress.locator('.transfer-progress__received').textContent()).toBe(`${cut(received, 6)} USDC arrived on Devnet A (minimum was ${cut(route.minAmountOut, 6)} USDC)`);
    expect(calls('transfers.start').filter((c) => c.answer.ok)).toHaveLength(1);
    await app.evaluate('window.scrollTo(0, 0)');
    await h.screenshot(app, 'same-chain-swap-completed');
    expect(h.problems).toEqual([]);
  }, 90_000);
});
