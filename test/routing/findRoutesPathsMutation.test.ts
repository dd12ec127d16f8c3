/**
 * findRoutes paths the other fast suites leave out (issue #18 item 4): bridge -> swap -> bridge through a third chain,
 * Cosmos gas through the environment's gasFee (EVM never), one gas-price request per chain per search, the
 * recipient handed to bridge quotes, only pairs that start from the asset, and exact input errors.
 */
import { describe, expect, it, vi } from 'vitest';
import type { BridgeAdapter, BridgeLeg, BridgeQuoteContext } from '../../electron/services/bridges/bridgeAdapter';
import { canonicalRef } from '../../electron/services/assets/listAssets';
import { resolveChain } from '../../electron/services/chains/chainRegistry';
import { devnetChains } from '../../electron/services/devnet/devnetChains';
import { findRoutes, type RoutingEnvironment } from '../../electron/services/routing/findRoutes';
import type { SwapQuote, SwapVenue } from '../../electron/services/swap/swapVenue';
import type { AssetInfo } from '../../shared/domain/asset';
import type { ChainInfo } from '../../shared/domain/chain';
import { StrataError } from '../../shared/errors';
import { expectStrataRejection } from '../unit/expectStrataError';

const [DEV_A, DEV_B] = devnetChains() as [ChainInfo, ChainInfo];
const DEV_C: ChainInfo = { ...DEV_B, id: 'eip155:31339', alias: 'devnet-c', name: 'Devnet C' };
const A = DEV_A.id;
const B = DEV_B.id;
const C = DEV_C.id;
const OSMO = resolveChain('osmosis');
const E6 = 10n ** 6n;
const MAX_FEE = 2_010_000_000n;
const asset = (chain: string, ref: string, symbol: string, decimals: number, priceId: string | null): AssetInfo => ({ chain, ref, symbol, name: symbol, decimals, priceId });
const addr = (n: number) => `0x${n.toString(16).padStart(40, '0')}`;
const TOK_A = asset(A, addr(0x11), 'TOK', 6, 'usd-coin');
const OTHER_A = asset(A, addr(0x12), 'OTH', 6, 'usd-coin');
const TOK_B = asset(B, addr(0x21), 'TOK', 6, 'usd-coin');
const SWP_B = asset(B, addr(0x22), 'SWP', 6, 'usd-coin');
const SWP_C = asset(C, addr(0x31), 'SWP', 6, 'usd-coin');
const OSMO_IN = asset(OSMO.id, canonicalRef(OSMO, 'uion') as string, 'ION', 6, 'usd-coin');
const OSMO_OUT = asset(OSMO.id, canonicalRef(OSMO, 'uatomx') as string, 'ATX', 6, 'usd-coin');
const same = (x: AssetInfo, y: AssetInfo): boolean => x.chain === y.chain && x.ref === y.ref;

/** Swaps 1:1 less nothing, on the listed pairs. */
function venue(pairs: Array<[AssetInfo, AssetInfo]>): SwapVenue {
  return {
    id: 'uniswap-v2',
    pairs: (chain) => pairs.filter(([i]) => i.chain === chain).map(([tokenIn, tokenOut]) => ({ tokenIn, tokenOut })),
    async quote(chain, tokenIn, tokenOut, amountIn): Promise<SwapQuote> {
      if (!pairs.some(([i, o]) => same(i, tokenIn) && same(o, tokenOut))) throw new StrataError('INVALID_INPUT', 'no pair');
      return { venue: 'uniswap-v2', chain, tokenIn, tokenOut, amountIn, amountOut: amountIn, priceImpactBps: 0, fees: [], gasUnits: 100_000n, reserveShareBps: 0, path: [] };
    },
    buildSwap: () => ({ calls: [], minAmountOut: 0n }),
    receivedAmount: () => null,
  };
}

/** Carries each listed asset to its counterpart, keeping 1 unit; records the quote contexts. */
function bridge(routes: Array<[AssetInfo, AssetInfo]>, contexts: BridgeQuoteContext[] = []): BridgeAdapter {
  return {
    id: 'layerzero-oft',
    legs: (from, to) => routes.filter(([f, t]) => same(f, from.asset) && t.chain === to.chain).map(([fromAsset, toAsset]) => ({ provider: 'layerzero-oft', fromAsset, toAsset })),
    async quote(leg: BridgeLeg, amountIn, ctx) {
      contexts.push(ctx);
      return { leg, amountIn, amountOut: amountIn - 1n, minAmountOut: amountIn - 2n, fees: [], callValue: 0n, gasUnits: 50_000n, etaSeconds: 20 };
    },
    buildSend: async () => ({ calls: [] }),
    trackDelivery: async () => ({ state: 'inflight', detail: '' }),
    deliveredAmount: () => null,
  };
}

function environment(venues: SwapVenue[], bridges: BridgeAdapter[], extra: Partial<RoutingEnvironment> = {}) {
  const calls: string[] = [];
  const assets: Record<string, AssetInfo[]> = { [A]: [TOK_A, OTHER_A], [B]: [TOK_B, SWP_B], [C]: [SWP_C], [OSMO.id]: [OSMO_IN, OSMO_OUT] };
  const feeHistory = { baseFeePerGas: Array(11).fill('0x3b9aca00'), gasUsedRatio: Array(10).fill(0), reward: Array(10).fill(['0x0', '0x0', '0x0']) };
  const env: RoutingEnvironment = {
    chains: [DEV_A, DEV_B, DEV_C, OSMO],
    assets: (chain) => assets[chain] ?? [],
    rpc: (chain) =>
      (async (method: string) => {
        calls.push(`${chain} ${method}`);
        return feeHistory;
      }) as never,
    venues,
    bridges,
    usdPrices: { ethereum: '3000', 'usd-coin': '1', osmosis: '0.5' },
    ...extra,
  };
  return { env, calls };
}

describe('findRoutes through a third chain', () => {
  it('finds bridge -> swap -> bridge via the middle chain, with amounts chained and gas on each chain', async () => {
    const { env, calls } = environment([venue([[TOK_B, SWP_B]])], [bridge([[TOK_A, TOK_B], [SWP_B, SWP_C]])]);
    const routes = await findRoutes(env, { from: { chain: A, asset: TOK_A.ref, amount: 100n * E6 }, to: { chain: C, asset: SWP_C.ref }, slippageBps: 0 });
    expect(routes.map((r) => r.route.steps.map((s) => [s.kind, s.fromChain, s.toChain, s.assetIn.symbol, s.assetOut.symbol, s.amountIn, s.amountOut]))).toEqual([
      [
        ['bridge', A, B, 'TOK', 'TOK', '100000000', '99999999'],
        ['swap', B, B, 'TOK', 'SWP', '99999999', '99999999'],
        ['bridge', B, C, 'SWP', 'SWP', '99999999', '99999998'],
      ],
    ]);
    expect(routes[0]?.route.etaSeconds).toBe(20 + 12 + 20);
    // the worst case uses each bridge's own minimum (2 units less), the swap quoted again on it: 100e6 - 2 - 2
    expect(routes[0]?.route.minAmountOut).toBe('99999996');
    expect(routes[0]?.route.steps.map((s) => s.minAmountOut)).toEqual(['99999998', '99999999', '99999997']);
    expect(routes[0]?.route.fees.map((f) => [f.chain, f.amount])).toEqual([
      [A, (50_000n * MAX_FEE).toString()],
      [B, (100_000n * MAX_FEE).toString()],
      [B, (50_000n * MAX_FEE).toString()],
    ]);
    // one fee-history request per chain per search, however many steps use that chain
    expect(calls.sort()).toEqual([`${A} eth_feeHistory`, `${B} eth_feeHistory`]);
  });

  it('needs the middle swap to start from what arrives and the last bridge to deliver the target', async () => {
    const wrongSwap = environment([venue([[SWP_B, TOK_B]])], [bridge([[TOK_A, TOK_B], [SWP_B, SWP_C]])]);
    await expectStrataRejection(
      findRoutes(wrongSwap.env, { from: { chain: A, asset: TOK_A.ref, amount: E6 }, to: { chain: C, asset: SWP_C.ref }, slippageBps: 0 }),
      'NO_ROUTE',
      /^No route from TOK on Devnet A to SWP on Devnet C$/,
    );
    const wrongTarget = environment([venue([[TOK_B, SWP_B]])], [bridge([[TOK_A, TOK_B], [SWP_B, SWP_C]])]);
    await expectStrataRejection(
      findRoutes(wrongTarget.env, { from: { chain: A, asset: TOK_A.ref, amount: E6 }, to: { chain: C, asset: addr(0x32) }, slippageBps: 0 }),
      'UNKNOWN_ASSET',
      new RegExp(`^Devnet C has no asset "${addr(0x32)}"$`),
    );
  });
});

describe('findRoutes details', () => {
  it('only swaps that start from the sent asset become source swaps, and only swaps into the target end a route', async () => {
    // OTH -> TOK on A and SWP -> TOK on B exist too; they must not be used for TOK A -> SWP B
    const v = venue([[OTHER_A, TOK_A], [TOK_B, SWP_B], [SWP_B, TOK_B], [TOK_A, OTHER_A]]);
    const { env } = environment([v], [bridge([[TOK_A, TOK_B], [OTHER_A, TOK_B]])]);
    const routes = await findRoutes(env, { from: { chain: A, asset: TOK_A.ref, amount: 10n * E6 }, to: { chain: B, asset: SWP_B.ref }, slippageBps: 0 });
    expect(routes.map((r) => r.route.steps.map((s) => `${s.kind}:${s.assetIn.symbol}>${s.assetOut.symbol}`).join(' '))).toEqual([
      'bridge:TOK>TOK swap:TOK>SWP',
      'swap:TOK>OTH bridge:OTH>TOK swap:TOK>SWP',
    ]);
  });

  it('hands the recipient to bridge quotes only when given', async () => {
    const contexts: BridgeQuoteContext[] = [];
    const { env } = environment([], [bridge([[TOK_A, TOK_B]], contexts)]);
    const request = { from: { chain: A, asset: TOK_A.ref, amount: E6 }, to: { chain: B, asset: TOK_B.ref }, slippageBps: 25 };
    await findRoutes(env, request);
    await findRoutes(env, { ...request, recipient: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8' });
    expect(contexts.map((c) => [c.slippageBps, 'recipient' in c, c.recipient])).toEqual([
      [25, false, undefined],
      [25, true, '0x70997970C51812dc3A010C7d01b50e0d17dc79C8'],
    ]);
  });

  it('prices Cosmos gas through env.gasFee at the requested tier and never asks it for an EVM chain', async () => {
    const gasFee = vi.fn(async (_chain: string, units: bigint) => units / 40n);
    const cosmos = environment([venue([[OSMO_IN, OSMO_OUT]])], [], { gasFee });
    const [found] = await findRoutes(cosmos.env, { from: { chain: OSMO.id, asset: OSMO_IN.ref, amount: E6 }, to: { chain: OSMO.id, asset: OSMO_OUT.ref }, slippageBps: 0, feeTier: 'fast' });
    expect(gasFee.mock.calls).toEqual([[OSMO.id, 100_000n, 'fast']]);
    expect(found?.route.fees.map((f) => [f.kind, f.chain, f.asset.ref, f.amount])).toEqual([['gas', OSMO.id, 'native', '2500']]);
    expect(cosmos.calls).toEqual([]);
    const evm = environment([venue([[TOK_A, OTHER_A]])], [], { gasFee });
    const [onEvm] = await findRoutes(evm.env, { from: { chain: A, asset: TOK_A.ref, amount: E6 }, to: { chain: A, asset: OTHER_A.ref }, slippageBps: 0 });
    expect(gasFee).toHaveBeenCalledTimes(1);
    expect(onEvm?.route.fees.map((f) => f.amount)).toEqual([(100_000n * MAX_FEE).toString()]);
  });

  it('refuses a non-bigint or negative amount and names unknown chains and assets, shortened', async () => {
    const { env } = environment([], [bridge([[TOK_A, TOK_B]])]);
    const to = { chain: B, asset: TOK_B.ref };
    for (const amount of [-1n, 5 as unknown as bigint]) {
      await expectStrataRejection(findRoutes(env, { from: { chain: A, asset: TOK_A.ref, amount }, to, slippageBps: 0 }), 'INVALID_AMOUNT', /^The amount to send must be positive$/);
    }
    const longChain = `eip155:${'9'.repeat(80)}`;
    await expectStrataRejection(findRoutes(env, { from: { chain: longChain, asset: 'native', amount: 1n }, to, slippageBps: 0 }), 'UNKNOWN_CHAIN', new RegExp(`^Unknown chain "${longChain.slice(0, 64)}"$`));
    const longRef = `0x${'ab'.repeat(50)}`;
    await expectStrataRejection(findRoutes(env, { from: { chain: A, asset: longRef, amount: 1n }, to, slippageBps: 0 }), 'UNKNOWN_ASSET', new RegExp(`^Devnet A has no asset "${longRef.slice(0, 80)}"$`));
  });
});
