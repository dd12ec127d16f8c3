/**
 * Rebalancing judged by value lost (issue #12 finding 4): from 7,600 ETH, one trade into one devnet pool would get
 * back a fraction of what it sells. The planner splits it across pools that share nothing when that fits the plan's
 * cost limit, else skips it as VALUE_LOST_TOO_HIGH; the plan's total cost is value lost, not fees. The real router on
 * the EDR devnet (Uniswap V3 and V2 pools, real quotes), with a router stand-in only for the environment's prices.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevnet, type Devnet } from '../../electron/services/devnet/startDevnet';
import { planRebalance } from '../../electron/services/rebalance/planRebalance';
import { devnetRoutingEnvironment } from '../../electron/services/routing/devnetRouting';
import { findRoutesFor, type RouteQuery } from '../../electron/services/wallet/routeQuery';
import type { AssetInfo } from '../../shared/domain/asset';
import type { RebalanceHolding } from '../../shared/rebalance/measureDrift';
import { DEFAULT_REBALANCE_RULES } from '../../shared/rebalance/rebalanceSchemas';

const A = 'eip155:31337';
const E18 = 10n ** 18n;
let devnet: Devnet;

beforeAll(async () => {
  devnet = await startDevnet();
}, 60_000);
afterAll(async () => {
  await devnet?.stop();
});

function router(evmVenues: Array<'uniswap-v3' | 'uniswap-v2'>) {
  const env = devnetRoutingEnvironment({ chains: devnet.chains, contracts: devnet.contracts, usdPrices: { ethereum: '3000', 'usd-coin': '1' }, evmVenues });
  const directory = {
    resolve: (id: string) => {
      const chain = env.chains.find((c) => c.id === id);
      if (!chain) throw new Error(`no chain ${id}`);
      return chain;
    },
  };
  const asked: string[] = [];
  return {
    env,
    asked,
    findRoutes: async (query: RouteQuery) => {
      asked.push(query.from.amount);
      return (await findRoutesFor(env, directory, query)).map((r) => r.route);
    },
  };
}

/** `ethAmount` ETH and no USDC on devnet-a, at $3000 and $1. */
function holdings(env: ReturnType<typeof router>['env'], ethAmount: bigint): { holdings: RebalanceHolding[]; available: AssetInfo[] } {
  const assets = env.assets(A);
  const eth = assets.find((a) => a.ref === 'native') as AssetInfo;
  const usdc = assets.find((a) => a.symbol === 'USDC') as AssetInfo;
  return { holdings: [{ accountId: 'acc-1', asset: eth, amount: ethAmount * E18, usdPrice: '3000' }, { accountId: 'acc-1', asset: usdc, amount: 0n, usdPrice: '1' }], available: [eth, usdc] };
}

describe('a 7,600 ETH portfolio rebalanced 50/50 into USDC on the devnet', () => {
  const HALF = { ethereum: 0.5, 'usd-coin': 0.5 };
  const ethToUsdc = (amount: string): RouteQuery => ({ from: { chain: A, asset: 'native', amount }, to: { chain: A, asset: 'USDC' }, slippagePercent: 0.5, sort: 'amount' });

  it('sells 3,800 ETH ($11.4M) into pools of 1,000 ETH: no single route nor split fits the cost limit, so the trade is skipped', async () => {
    const r = router(['uniswap-v3', 'uniswap-v2']);
    const [single] = await r.findRoutes(ethToUsdc('3800'));
    // At least 2,361,644.53 USDC for $11,400,000 of ETH: 20.7% of the value sold.
    expect([single?.minAmountOut, single?.valueLostUsd, single?.valueLostBps, single?.priceImpactBps, single?.lossLevel]).toEqual(['2361644530759', '9038356.09', 7929, 7917, 'refused']);

    for (const maxFeePercent of [1, 50]) {
      const plan = await planRebalance({ ...holdings(r.env, 7_600n), weights: HALF, rules: { ...DEFAULT_REBALANCE_RULES, maxFeePercent }, findRoutes: r.findRoutes, now: 1 });
      expect(plan.trades).toEqual([]);
      expect(plan.skipped.map((s) => [s.reason, s.usd, s.message])).toEqual([
        ['VALUE_LOST_TOO_HIGH', '11400000.00', `It would lose $9038356.09 (fees, price impact and slippage), more than ${maxFeePercent}% of the $11400000.00 trade; no split across venues or chains fits the limit`],
      ]);
      expect(plan.totalCostUsd).toBe('0.00');
    }
  }, 120_000);

  it('sells 80 ETH with a 5% limit: one pool loses 8.13%, so the trade is split 40/40 across the V3 and V2 pools (4.61%)', async () => {
    const r = router(['uniswap-v3', 'uniswap-v2']);
    const [single] = await r.findRoutes(ethToUsdc('80'));
    expect([single?.valueLostUsd, single?.valueLostBps]).toEqual(['19503.80', 813]);
    const plan = await planRebalance({ ...holdings(r.env, 160n), weights: HALF, rules: { ...DEFAULT_REBALANCE_RULES, maxFeePercent: 5 }, findRoutes: r.findRoutes, now: 1 });
    expect(plan.skipped).toEqual([]);
    expect(plan.trades.map((t) => [t.index, t.amountIn, t.usd, t.route.steps.map((s) => s.provider).join(' '), t.route.minAmountOut, t.valueLostUsd])).toEqual([
      [0, String(40n * E18), '120000.00', 'uniswap-v3', '114476478054', '5524.10'],
      [1, String(40n * E18), '120000.00', 'uniswap-v2', '114476478054', '5524.12'],
    ]);
    // The plan's cost is the value lost of its trades (fees, impact and slippage), not their fees.
    expect(plan.totalCostUsd).toBe('11048.22');
    expect(plan.trades.map((t) => t.feesUsd)).not.toEqual(plan.trades.map((t) => t.valueLostUsd));
  }, 120_000);
});
