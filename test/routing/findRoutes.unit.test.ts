import { describe, expect, it } from 'vitest';
import type { BridgeAdapter, BridgeLeg } from '../../electron/services/bridges/bridgeAdapter';
import { devnetChains } from '../../electron/services/devnet/devnetChains';
import { findRoutes, type RoutingEnvironment } from '../../electron/services/routing/findRoutes';
import type { SwapQuote, SwapVenue } from '../../electron/services/swap/swapVenue';
import type { AssetInfo } from '../../shared/domain/asset';
import { routePath, type Route, type StepProvider } from '../../shared/domain/route';
import { StrataError } from '../../shared/errors';
import { expectStrataRejection } from '../unit/expectStrataError';

const A = 'eip155:31337';
const B = 'eip155:31338';
const E18 = 10n ** 18n;
const E6 = 10n ** 6n;
/** What the fake fee history gives: 2 × 1 gwei base fee + the 0.01 gwei minimum tip. */
const MAX_FEE = 2_010_000_000n;

const asset = (chain: string, ref: string, symbol: string, decimals: number, priceId: string | null): AssetInfo => ({ chain, ref, symbol, name: symbol, decimals, priceId });
const ETH_A = asset(A, 'native', 'ETH', 18, 'ethereum');
const ETH_B = asset(B, 'native', 'ETH', 18, 'ethereum');
const USD_A = asset(A, '0x0000000000000000000000000000000000000011', 'USD', 6, 'usd-coin');
const USD_B = asset(B, '0x0000000000000000000000000000000000000021', 'USD', 6, 'usd-coin');
const BRG_A = asset(A, '0x0000000000000000000000000000000000000012', 'BRG', 18, null);
const BRG_B = asset(B, '0x0000000000000000000000000000000000000022', 'BRG', 18, null);

const same = (x: AssetInfo, y: AssetInfo): boolean => x.chain === y.chain && x.ref === y.ref;

/** A venue trading at a fixed rate (out per in, as a fraction of base units) with a fixed impact. */
function fakeVenue(trades: Array<{ tokenIn: AssetInfo; tokenOut: AssetInfo; num: bigint; den: bigint; impactBps?: number; reserveShareBps?: number; fail?: boolean }>): SwapVenue {
  const find = (i: AssetInfo, o: AssetInfo) => trades.find((t) => same(t.tokenIn, i) && same(t.tokenOut, o));
  return {
    id: 'uniswap-v2',
    pairs: (chain) => trades.filter((t) => t.tokenIn.chain === chain).map((t) => ({ tokenIn: t.tokenIn, tokenOut: t.tokenOut })),
    async quote(chain, tokenIn, tokenOut, amountIn): Promise<SwapQuote> {
      const t = find(tokenIn, tokenOut);
      if (!t) throw new StrataError('INVALID_INPUT', 'no pair');
      if (t.fail) throw new StrataError('PRICE_UNAVAILABLE', `no liquidity for ${tokenIn.symbol}`);
      const fees = [{ kind: 'swap' as const, chain, asset: tokenIn, amount: (amountIn * 30n) / 10_000n }];
      return { venue: 'uniswap-v2', chain, tokenIn, tokenOut, amountIn, amountOut: (amountIn * t.num) / t.den, priceImpactBps: t.impactBps ?? 0, fees, gasUnits: 100_000n, reserveShareBps: t.reserveShareBps ?? 0, path: [] };
    },
    buildSwap: () => ({ calls: [], minAmountOut: 0n }),
    receivedAmount: () => null,
  };
}

/** A bridge of BRG A -> B that keeps `feeUnits` of the token and charges `messagingWei` of ETH. */
function fakeBridge(id: StepProvider, options: { feeUnits: bigint; messagingWei: bigint; etaSeconds: number }): BridgeAdapter {
  return {
    id,
    legs: (from, to) => (same(from.asset, BRG_A) && to.chain === B ? [{ provider: id, fromAsset: BRG_A, toAsset: BRG_B }] : []),
    async quote(leg: BridgeLeg, amountIn, ctx) {
      const amountOut = amountIn - options.feeUnits;
      return {
        leg,
        amountIn,
        amountOut,
        minAmountOut: (amountOut * BigInt(10_000 - ctx.slippageBps)) / 10_000n,
        fees: [{ kind: 'messaging', chain: A, asset: ETH_A, amount: options.messagingWei }],
        callValue: options.messagingWei,
        gasUnits: 200_000n,
        etaSeconds: options.etaSeconds,
      };
    },
    buildSend: async () => ({ calls: [] }),
    trackDelivery: async () => ({ state: 'inflight', detail: '' }),
    deliveredAmount: () => null,
  };
}

function environment(venues: SwapVenue[], bridges: BridgeAdapter[]): RoutingEnvironment {
  const assets: Record<string, AssetInfo[]> = { [A]: [ETH_A, USD_A, BRG_A], [B]: [ETH_B, USD_B, BRG_B] };
  const feeHistory = { baseFeePerGas: Array(11).fill('0x3b9aca00'), gasUsedRatio: Array(10).fill(0), reward: Array(10).fill(['0x0', '0x0', '0x0']) };
  return {
    chains: devnetChains(),
    assets: (chain) => assets[chain] ?? [],
    rpc: () => (async (method: string) => {
      if (method !== 'eth_feeHistory') throw new Error(`unexpected ${method}`);
      return feeHistory;
    }) as never,
    venues,
    bridges,
    usdPrices: { ethereum: '3000', 'usd-coin': '1' },
  };
}

// USD -> BRG at 10 BRG per USD, BRG -> USD at 0.1 USD per BRG (decimals 6 <-> 18).
const usdToBrg = { tokenIn: USD_A, tokenOut: BRG_A, num: 10n * E18, den: E6 };
const brgToUsd = { tokenIn: BRG_B, tokenOut: USD_B, num: E6, den: 10n * E18 };
const slow = fakeBridge('layerzero-oft', { feeUnits: 0n, messagingWei: 10n ** 14n, etaSeconds: 60 });
const fast = fakeBridge('axelar-gateway', { feeUnits: E18, messagingWei: 10n ** 14n, etaSeconds: 10 });

describe('findRoutes composition (fake venues and bridges)', () => {
  it('finds swap -> bridge -> swap with amounts chained, per-step minimums and the compounded worst case', async () => {
    const env = environment([fakeVenue([usdToBrg, brgToUsd])], [slow]);
    const [found, ...rest] = await findRoutes(env, { from: { chain: A, asset: USD_A.ref, amount: 100n * E6 }, to: { chain: B, asset: USD_B.ref }, slippageBps: 100 });
    expect(rest).toEqual([]);
    const route = found?.route;
    expect(route?.steps.map((s) => [s.kind, s.provider, s.amountIn, s.amountOut, s.minAmountOut])).toEqual([
      ['swap', 'uniswap-v2', '100000000', (1000n * E18).toString(), (990n * E18).toString()],
      ['bridge', 'layerzero-oft', (1000n * E18).toString(), (1000n * E18).toString(), (990n * E18).toString()],
      ['swap', 'uniswap-v2', (1000n * E18).toString(), '100000000', '99000000'],
    ]);
    // Worst case: 990 BRG -> bridge minimum 980.1 -> 98.01 USD -> less 1%: 97.0299 USD.
    expect(route?.minAmountOut).toBe('97029900');
    expect(route?.amountOut).toBe('100000000');
    expect(route?.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(routePath(route as Route)).toBe(`uniswap-v2:${A}/${USD_A.ref}>${A}/${BRG_A.ref}|layerzero-oft:${A}/${BRG_A.ref}>${B}/${BRG_B.ref}|uniswap-v2:${B}/${BRG_B.ref}>${B}/${USD_B.ref}`);
    expect(route?.etaSeconds).toBe(12 + 60 + 12);
    // Gas at maxFeePerGas: 100k + 200k + 100k gas; BRG is priced through the USD -> BRG swap ($0.10), so its 0.3% fee too.
    expect(route?.fees.map((f) => [f.kind, f.chain, f.asset.symbol, f.amount, f.usd])).toEqual([
      ['gas', A, 'ETH', (100_000n * MAX_FEE).toString(), '0.60'],
      ['swap', A, 'USD', '300000', '0.30'],
      ['gas', A, 'ETH', (200_000n * MAX_FEE).toString(), '1.21'],
      ['messaging', A, 'ETH', (10n ** 14n).toString(), '0.30'],
      ['gas', B, 'ETH', (100_000n * MAX_FEE).toString(), '0.60'],
      ['swap', B, 'BRG', (3n * E18).toString(), '0.30'],
    ]);
    // 0.603 + 0.3 + 1.206 + 0.3 + 0.603 + 0.3, rounded once.
    expect(route?.totalFeesUsd).toBe('3.31');
    expect(route?.warnings).toEqual([]);
    // The same route for 10 USD: about $2.77 of fees is more than 5% of it.
    const [small] = await findRoutes(env, { from: { chain: A, asset: USD_A.ref, amount: 10n * E6 }, to: { chain: B, asset: USD_B.ref }, slippageBps: 100 });
    expect(small?.route.totalFeesUsd).toBe('2.77');
    expect(small?.route.warnings).toEqual([{ code: 'FEES_OVER_VALUE', message: 'Fees are more than 5% of the amount sent' }]);
  });

  it('finds the direct bridge, swap -> bridge and bridge -> swap shapes', async () => {
    const env = environment([fakeVenue([usdToBrg, brgToUsd])], [slow]);
    const shapes = async (from: AssetInfo, to: AssetInfo) =>
      (await findRoutes(env, { from: { chain: from.chain, asset: from.ref, amount: 10n * E18 }, to: { chain: to.chain, asset: to.ref }, slippageBps: 50 })).map((r) =>
        r.route.steps.map((s) => s.kind).join('>'),
      );
    expect(await shapes(BRG_A, BRG_B)).toEqual(['bridge']);
    expect(await shapes(USD_A, BRG_B)).toEqual(['swap>bridge']);
    expect(await shapes(BRG_A, USD_B)).toEqual(['bridge>swap']);
    const [direct] = await findRoutes(env, { from: { chain: A, asset: BRG_A.ref, amount: 10n * E18 }, to: { chain: B, asset: BRG_B.ref }, slippageBps: 50 });
    // BRG has no price and no swap in this route implies one; the fees are all ETH, so all priced.
    expect(direct?.route.fees.map((f) => f.usd)).toEqual(['1.21', '0.30']);
    expect(direct?.route.totalFeesUsd).toBe('1.51');
    expect(direct?.route.minAmountOut).toBe(((10n * E18 * 9_950n) / 10_000n).toString());
  });

  it('ranks by amount received by default and by speed on request', async () => {
    const env = environment([], [fast, slow]);
    const request = { from: { chain: A, asset: BRG_A.ref, amount: 10n * E18 }, to: { chain: B, asset: BRG_B.ref }, slippageBps: 50 };
    const byAmount = await findRoutes(env, request);
    expect(byAmount.map((r) => [r.route.steps[0]?.provider, r.route.amountOut, r.route.etaSeconds])).toEqual([
      ['layerzero-oft', (10n * E18).toString(), 60],
      ['axelar-gateway', (9n * E18).toString(), 10],
    ]);
    const bySpeed = await findRoutes(env, { ...request, sort: 'speed' });
    expect(bySpeed.map((r) => r.route.steps[0]?.provider)).toEqual(['axelar-gateway', 'layerzero-oft']);
  });

  it('compounds price impact and warns about impact, liquidity and long delivery', async () => {
    const venue = fakeVenue([
      { ...usdToBrg, impactBps: 100, reserveShareBps: 150 },
      { ...brgToUsd, impactBps: 250, reserveShareBps: 250 },
    ]);
    const slowBridge = fakeBridge('layerzero-oft', { feeUnits: 0n, messagingWei: 1n, etaSeconds: 3_600 });
    const [found] = await findRoutes(environment([venue], [slowBridge]), { from: { chain: A, asset: USD_A.ref, amount: 1_000_000n * E6 }, to: { chain: B, asset: USD_B.ref }, slippageBps: 50 });
    // 1 - 0.99 × 0.975 = 3.475%
    expect(found?.route.priceImpactBps).toBe(347);
    expect(found?.route.warnings).toEqual([
      { code: 'HIGH_PRICE_IMPACT', message: 'Price impact is 3.47%' },
      { code: 'THIN_LIQUIDITY', message: "A swap takes 2.50% of its pool's reserve" },
      { code: 'LONG_DELIVERY', message: 'Delivery may take about 61 minutes' },
    ]);
  });

  it('drops a candidate whose quote fails, and reports the error when every candidate fails', async () => {
    const venue = fakeVenue([usdToBrg, brgToUsd, { tokenIn: USD_A, tokenOut: ETH_A, num: 1n, den: 1n, fail: true }]);
    const env = environment([venue], [slow]);
    const routes = await findRoutes(env, { from: { chain: A, asset: USD_A.ref, amount: E6 }, to: { chain: B, asset: USD_B.ref }, slippageBps: 50 });
    expect(routes).toHaveLength(1);
    const failing = environment([fakeVenue([{ ...usdToBrg, fail: true }])], [slow]);
    await expectStrataRejection(findRoutes(failing, { from: { chain: A, asset: USD_A.ref, amount: E6 }, to: { chain: B, asset: BRG_B.ref }, slippageBps: 50 }), 'PRICE_UNAVAILABLE', /no liquidity for USD/);
  });

  it('refuses bad input before quoting anything', async () => {
    const env = environment([], [slow]);
    const to = { chain: B, asset: BRG_B.ref };
    await expectStrataRejection(findRoutes(env, { from: { chain: A, asset: BRG_A.ref, amount: 0n }, to, slippageBps: 50 }), 'INVALID_AMOUNT');
    await expectStrataRejection(findRoutes(env, { from: { chain: A, asset: BRG_A.ref, amount: 1n }, to, slippageBps: 5_001 }), 'INVALID_INPUT', /Slippage/);
    await expectStrataRejection(findRoutes(env, { from: { chain: A, asset: 'uatom', amount: 1n }, to, slippageBps: 50 }), 'UNKNOWN_ASSET');
    await expectStrataRejection(findRoutes(env, { from: { chain: A, asset: BRG_A.ref, amount: 1n }, to: { chain: 'cosmos:osmosis-1', asset: 'uosmo' }, slippageBps: 50 }), 'UNKNOWN_CHAIN');
    await expectStrataRejection(findRoutes(env, { from: { chain: A, asset: USD_A.ref, amount: 1n }, to, slippageBps: 50 }), 'NO_ROUTE', /^No route from USD on Devnet A to BRG on Devnet B$/);
  });
});
