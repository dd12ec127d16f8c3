/**
 * Route ranking, warnings and pricing pinned exactly (issue #18 items 4 and 8): several routes in every input order
 * under both comparators, the same-chain single-swap route, warning thresholds at their exact boundaries, and prices
 * implied from quotes (zero amounts, both directions, chains of exchanges).
 */
import { describe, expect, it } from 'vitest';
import { devnetChains } from '../../electron/services/devnet/devnetChains';
import { findRoutes, rankRoutes, type FoundRoute, type RoutingEnvironment } from '../../electron/services/routing/findRoutes';
import { createPriceBook, sumOrNull, usdText } from '../../electron/services/routing/routePricing';
import { routeWarnings, WARNING_THRESHOLDS } from '../../electron/services/routing/routeWarnings';
import type { SwapQuote, SwapVenue } from '../../electron/services/swap/swapVenue';
import type { AssetInfo } from '../../shared/domain/asset';
import { routePath, type Route } from '../../shared/domain/route';
import { StrataError } from '../../shared/errors';
import { expectStrataRejection } from '../unit/expectStrataError';

const A = 'eip155:31337';
const E18 = 10n ** 18n;
const E6 = 10n ** 6n;
const MAX_FEE = 2_010_000_000n;
const asset = (chain: string, ref: string, symbol: string, decimals: number, priceId: string | null): AssetInfo => ({ chain, ref, symbol, name: symbol, decimals, priceId });
const ETH_A = asset(A, 'native', 'ETH', 18, 'ethereum');
const USD_A = asset(A, '0x0000000000000000000000000000000000000011', 'USD', 6, 'usd-coin');
const BRG_A = asset(A, '0x0000000000000000000000000000000000000012', 'BRG', 18, null);
const OTHER = asset('eip155:31338', '0x0000000000000000000000000000000000000021', 'USD', 6, 'usd-coin');

function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));
}

function found(name: string, amountOut: string, etaSeconds: number): FoundRoute {
  return { route: { id: name, amountOut, etaSeconds } as FoundRoute['route'], plan: [] };
}

describe('rankRoutes', () => {
  // amounts above 2^53 that differ in the last digit: a Number comparison would call them equal
  const routes = [
    found('A', '1000000000000000000', 60),
    found('B', '1000000000000000000', 30),
    found('C', '999999999999999999', 10),
    found('D', '1000000000000000001', 60),
  ];
  it.each(permutations([0, 1, 2, 3]).map((order) => [order.join(''), order] as const))('input order %s', (_name, order) => {
    const input = order.map((i) => routes[i] as FoundRoute);
    expect(rankRoutes(input, 'amount').map((r) => r.route.id)).toEqual(['D', 'B', 'A', 'C']);
    expect(rankRoutes(input, 'speed').map((r) => r.route.id)).toEqual(['C', 'B', 'D', 'A']);
  });

  it('keeps equal routes in their input order and does not reorder its input array', () => {
    const x = found('X', '5', 10);
    const y = found('Y', '5', 10);
    const input = [y, x];
    expect(rankRoutes(input, 'amount').map((r) => r.route.id)).toEqual(['Y', 'X']);
    expect(rankRoutes(input, 'speed').map((r) => r.route.id)).toEqual(['Y', 'X']);
    expect(input.map((r) => r.route.id)).toEqual(['Y', 'X']);
  });
});

function venue(id: 'uniswap-v2' | 'osmosis-poolmanager', num: bigint, den: bigint): SwapVenue {
  return {
    id,
    pairs: (chain) => (chain === A ? [{ tokenIn: USD_A, tokenOut: BRG_A }] : []),
    async quote(chain, tokenIn, tokenOut, amountIn): Promise<SwapQuote> {
      if (tokenIn.ref !== USD_A.ref || tokenOut.ref !== BRG_A.ref) throw new StrataError('INVALID_INPUT', 'no pair');
      const fees = [{ kind: 'swap' as const, chain, asset: tokenIn, amount: (amountIn * 30n) / 10_000n }];
      return { venue: id, chain, tokenIn, tokenOut, amountIn, amountOut: (amountIn * num) / den, priceImpactBps: 40, fees, gasUnits: 100_000n, reserveShareBps: 10, path: [] };
    },
    buildSwap: () => ({ calls: [], minAmountOut: 0n }),
    receivedAmount: () => null,
  };
}

function environment(venues: SwapVenue[], swapEtaSeconds?: number): RoutingEnvironment {
  const assets: Record<string, AssetInfo[]> = { [A]: [ETH_A, USD_A, BRG_A], [OTHER.chain]: [OTHER] };
  const feeHistory = { baseFeePerGas: Array(11).fill('0x3b9aca00'), gasUsedRatio: Array(10).fill(0), reward: Array(10).fill(['0x0', '0x0', '0x0']) };
  return {
    chains: devnetChains(),
    assets: (chain) => assets[chain] ?? [],
    rpc: () =>
      (async (method: string) => {
        if (method !== 'eth_feeHistory') throw new Error(`unexpected ${method}`);
        return feeHistory;
      }) as never,
    venues,
    bridges: [],
    usdPrices: { ethereum: '3000', 'usd-coin': '1' },
    ...(swapEtaSeconds === undefined ? {} : { swapEtaSeconds }),
  };
}

describe('same-chain single-swap routes', () => {
  const request = { from: { chain: A, asset: USD_A.ref, amount: 100n * E6 }, to: { chain: A, asset: BRG_A.ref }, slippageBps: 100 };

  it('quotes one swap with its minimum, fees in token and USD, one-block ETA and impact', async () => {
    const routes = await findRoutes(environment([venue('uniswap-v2', 10n * E18, E6)]), request);
    expect(routes).toHaveLength(1);
    const route = routes[0]?.route;
    expect(routePath(route as Route)).toBe(`uniswap-v2:${A}/${USD_A.ref}>${A}/${BRG_A.ref}`);
    expect(route?.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(route?.steps.map((s) => [s.kind, s.provider, s.fromChain, s.toChain, s.amountIn, s.amountOut, s.minAmountOut, s.etaSeconds, s.priceImpactBps])).toEqual([
      ['swap', 'uniswap-v2', A, A, '100000000', (1000n * E18).toString(), (990n * E18).toString(), 12, 40],
    ]);
    expect(route?.amountIn).toBe('100000000');
    expect(route?.amountOut).toBe((1000n * E18).toString());
    expect(route?.minAmountOut).toBe((990n * E18).toString());
    expect(route?.etaSeconds).toBe(12);
    expect(route?.priceImpactBps).toBe(40);
    expect(route?.fees.map((f) => [f.kind, f.chain, f.asset.symbol, f.amount, f.usd])).toEqual([
      ['gas', A, 'ETH', (100_000n * MAX_FEE).toString(), '0.60'],
      ['swap', A, 'USD', '300000', '0.30'],
    ]);
    // 0.603 + 0.30
    expect(route?.totalFeesUsd).toBe('0.90');
    expect(route?.warnings).toEqual([]);
    expect(routes[0]?.plan.map((p) => p.kind)).toEqual(['swap']);
  });

  it('offers one route per venue, best amount first, and uses the environment swap ETA', async () => {
    const env = environment([venue('uniswap-v2', 10n * E18, E6), venue('osmosis-poolmanager', 11n * E18, E6)], 5);
    const routes = await findRoutes(env, request);
    expect(routes.map((r) => [r.route.steps[0]?.provider, r.route.amountOut, r.route.etaSeconds])).toEqual([
      ['osmosis-poolmanager', (1100n * E18).toString(), 5],
      ['uniswap-v2', (1000n * E18).toString(), 5],
    ]);
  });

  it('is NO_ROUTE when no venue trades the pair on that chain', async () => {
    await expectStrataRejection(
      findRoutes(environment([venue('uniswap-v2', 1n, 1n)]), { ...request, to: { chain: A, asset: 'native' } }),
      'NO_ROUTE',
      /^No route from USD on Devnet A to ETH on Devnet A$/,
    );
  });
});

describe('routeWarnings at the exact thresholds', () => {
  const quiet = { priceImpactBps: 0, reserveShareBps: 0, etaSeconds: 0, totalFeesUsd: null, valueInUsd: null };
  it('has the documented thresholds', () => {
    expect(WARNING_THRESHOLDS).toEqual({ highPriceImpactBps: 300, thinLiquidityReserveBps: 200, longDeliverySeconds: 1800, feesOverValueBps: 500 });
  });
  it('warns strictly above each threshold, not at it', () => {
    expect(routeWarnings({ ...quiet, priceImpactBps: 300, reserveShareBps: 200, etaSeconds: 1800 })).toEqual([]);
    expect(routeWarnings({ ...quiet, priceImpactBps: 301 })).toEqual([{ code: 'HIGH_PRICE_IMPACT', message: 'Price impact is 3.01%' }]);
    expect(routeWarnings({ ...quiet, reserveShareBps: 201 })).toEqual([{ code: 'THIN_LIQUIDITY', message: "A swap takes 2.01% of its pool's reserve" }]);
    expect(routeWarnings({ ...quiet, etaSeconds: 1801 })).toEqual([{ code: 'LONG_DELIVERY', message: 'Delivery may take about 31 minutes' }]);
  });
  it('compares fees with 5% of the value exactly, across scales', () => {
    const value = { units: 1000n, scale: 0 }; // $1000: the limit is $50
    expect(routeWarnings({ ...quiet, valueInUsd: value, totalFeesUsd: { units: 5000n, scale: 2 } })).toEqual([]);
    expect(routeWarnings({ ...quiet, valueInUsd: value, totalFeesUsd: { units: 50_001n, scale: 3 } })).toEqual([
      { code: 'FEES_OVER_VALUE', message: 'Fees are more than 5% of the amount sent' },
    ]);
    expect(routeWarnings({ ...quiet, valueInUsd: null, totalFeesUsd: { units: 10n ** 9n, scale: 0 } })).toEqual([]);
    expect(routeWarnings({ ...quiet, valueInUsd: value, totalFeesUsd: null })).toEqual([]);
  });
  it('lists all four in a fixed order', () => {
    const all = routeWarnings({ priceImpactBps: 1234, reserveShareBps: 999, etaSeconds: 7200, totalFeesUsd: { units: 6n, scale: 0 }, valueInUsd: { units: 100n, scale: 0 } });
    expect(all.map((w) => w.code)).toEqual(['HIGH_PRICE_IMPACT', 'THIN_LIQUIDITY', 'LONG_DELIVERY', 'FEES_OVER_VALUE']);
    expect(all.map((w) => w.message)).toEqual(['Price impact is 12.34%', "A swap takes 9.99% of its pool's reserve", 'Delivery may take about 120 minutes', 'Fees are more than 5% of the amount sent']);
  });
});

describe('createPriceBook', () => {
  const SBT = asset(A, '0x00000000000000000000000000000000000000aa', 'SBT', 18, null);
  const XYZ = asset(A, '0x00000000000000000000000000000000000000bb', 'XYZ', 8, 'xyz-coin');
  const prices = { 'usd-coin': '1', ethereum: '3000.5' };

  it('prices listed assets from the service and leaves unlisted ones null', () => {
    const book = createPriceBook(prices, []);
    expect(book.priceOf(ETH_A)).toEqual({ units: 30005n, scale: 1 });
    expect(book.priceOf(SBT)).toBeNull();
    expect(book.priceOf(XYZ)).toBeNull();
    expect(book.priceOf({ ...SBT, priceId: 'toString' })).toBeNull();
    expect(book.valueOf(USD_A, 2_500_000n)).toEqual({ units: 2_500_000n, scale: 6 });
    expect(usdText(book.valueOf(ETH_A, E18 / 2n))).toBe('1500.25');
    expect(book.valueOf(SBT, 1n)).toBeNull();
  });

  it('implies a price from a swap in either direction: 100 USD for 1000 SBT is $0.10', () => {
    for (const exchange of [
      { assetIn: USD_A, amountIn: 100n * E6, assetOut: SBT, amountOut: 1000n * E18 },
      { assetIn: SBT, amountIn: 1000n * E18, assetOut: USD_A, amountOut: 100n * E6 },
    ]) {
      const book = createPriceBook(prices, [exchange]);
      expect(usdText(book.valueOf(SBT, 3n * E18))).toBe('0.30');
      expect(usdText(book.valueOf(SBT, 1234n * E18))).toBe('123.40');
      // a priced asset keeps its service price: the exchange does not overwrite it
      expect(book.priceOf(USD_A)).toEqual({ units: 1n, scale: 0 });
    }
  });

  it('implies nothing from a zero amount on either side', () => {
    expect(createPriceBook(prices, [{ assetIn: USD_A, amountIn: 0n, assetOut: SBT, amountOut: E18 }]).priceOf(SBT)).toBeNull();
    expect(createPriceBook(prices, [{ assetIn: USD_A, amountIn: E6, assetOut: SBT, amountOut: 0n }]).priceOf(SBT)).toBeNull();
    expect(createPriceBook(prices, [{ assetIn: SBT, amountIn: 0n, assetOut: USD_A, amountOut: E6 }]).priceOf(SBT)).toBeNull();
  });

  it('follows a chain of exchanges listed in reverse order (repeats until nothing changes)', () => {
    const LAST = asset(A, '0x00000000000000000000000000000000000000cc', 'LAST', 0, null);
    const book = createPriceBook(prices, [
      { assetIn: SBT, amountIn: E18, assetOut: LAST, amountOut: 4n },
      { assetIn: USD_A, amountIn: 2n * E6, assetOut: SBT, amountOut: E18 },
    ]);
    expect(usdText(book.valueOf(SBT, E18))).toBe('2.00');
    expect(usdText(book.valueOf(LAST, 1n))).toBe('0.50');
  });
});

describe('sumOrNull and usdText', () => {
  it('sums exactly across scales, is null when any part is unknown, zero when empty', () => {
    expect(sumOrNull([{ units: 15n, scale: 1 }, { units: 255n, scale: 2 }])).toEqual({ units: 405n, scale: 2 });
    expect(sumOrNull([{ units: 1n, scale: 0 }, null])).toBeNull();
    expect(sumOrNull([null, { units: 1n, scale: 0 }])).toBeNull();
    expect(sumOrNull([])).toEqual({ units: 0n, scale: 0 });
  });
  it('rounds cents half up and keeps null', () => {
    expect(usdText({ units: 5n, scale: 3 })).toBe('0.01');
    expect(usdText({ units: 4n, scale: 3 })).toBe('0.00');
    expect(usdText(null)).toBeNull();
  });
});
