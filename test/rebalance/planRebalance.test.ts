/**
 * planRebalance's gas rules with a router stand-in that prices every trade at a fixed rate and names its fees: the
 * planner must keep the coin that pays the plan's gas. The real router and chains are in rebalance.devnet.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { GAS_RESERVE_FACTOR, planRebalance } from '../../electron/services/rebalance/planRebalance';
import type { RouteQuery } from '../../electron/services/wallet/routeQuery';
import { formatAmount, parseAmount } from '../../shared/amounts';
import type { AssetInfo } from '../../shared/domain/asset';
import type { Route } from '../../shared/domain/route';
import type { RebalanceHolding } from '../../shared/rebalance/measureDrift';
import { DEFAULT_REBALANCE_RULES } from '../../shared/rebalance/rebalanceSchemas';

const A = 'eip155:31337';
const B = 'eip155:31338';
const asset = (chain: string, ref: string, symbol: string, decimals: number, priceId: string): AssetInfo => ({ chain, ref, symbol, name: symbol, decimals, priceId });
const ETH_A = asset(A, 'native', 'ETH', 18, 'ethereum');
const ETH_B = asset(B, 'native', 'ETH', 18, 'ethereum');
const USDC_A = asset(A, '0x5632C04D71dE31E42B72A94cAabb45DE643617AF', 'USDC', 6, 'usd-coin');
const USDC_B = asset(B, '0x5632C04D71dE31E42B72A94cAabb45DE643617AF', 'USDC', 6, 'usd-coin');
const ASSETS = [ETH_A, ETH_B, USDC_A, USDC_B];
const E18 = 10n ** 18n;
/** every route pays 0.001 ETH of gas on its source chain ($3) */
const GAS = 10n ** 15n;
const held = (a: AssetInfo, amount: bigint, usdPrice: string): RebalanceHolding => ({ accountId: 'acc-1', asset: a, amount, usdPrice });

/** A router that swaps at $3000 per ETH on the query's chains, gas paid in ETH on the source chain. */
function router() {
  const asked: string[] = [];
  const findRoutes = async (query: RouteQuery): Promise<Route[]> => {
    const find = (chain: string, ref: string) => ASSETS.find((a) => a.chain === chain && a.ref === ref) as AssetInfo;
    const sell = find(query.from.chain, query.from.asset);
    const buy = find(query.to.chain, query.to.asset);
    asked.push(`${query.from.amount} ${sell.symbol}`);
    const amountIn = parseAmount(query.from.amount, sell.decimals);
    const amountOut = sell.symbol === 'ETH' ? (amountIn * 3000n) / 10n ** 12n : (amountIn * 10n ** 12n) / 3000n;
    const gasCoin = sell.chain === A ? ETH_A : ETH_B;
    const fees = [{ kind: 'gas' as const, chain: sell.chain, asset: gasCoin, amount: GAS.toString(), usd: '3.00' }];
    const step = { kind: 'swap' as const, provider: 'uniswap-v2' as const, fromChain: sell.chain, toChain: buy.chain, assetIn: sell, assetOut: buy, amountIn: amountIn.toString(), amountOut: amountOut.toString(), minAmountOut: amountOut.toString(), fees, etaSeconds: 12, priceImpactBps: 0 };
    return [{ id: `uniswap-v2:${sell.chain}/${sell.ref}>${buy.chain}/${buy.ref}`, steps: [step], amountIn: step.amountIn, amountOut: step.amountOut, minAmountOut: step.minAmountOut, fees, totalFeesUsd: '3.00', etaSeconds: 12, priceImpactBps: 0, warnings: [] }];
  };
  return { asked, findRoutes };
}

describe('planRebalance keeps the gas its trades need', () => {
  it('selling all of a native coin: planned again with twice the plan gas kept back, and routed again', async () => {
    const { asked, findRoutes } = router();
    const plan = await planRebalance({
      holdings: [held(ETH_A, 2n * E18, '3000'), held(USDC_A, 1000n * 10n ** 6n, '1')],
      weights: { ethereum: 0, 'usd-coin': 1 },
      available: ASSETS,
      rules: DEFAULT_REBALANCE_RULES,
      findRoutes,
      now: 1,
    });
    const kept = GAS * GAS_RESERVE_FACTOR;
    expect(asked).toEqual(['2 ETH', `${formatAmount(2n * E18 - kept, 18)} ETH`]);
    expect(plan.trades.map((t) => [t.sell.symbol, t.buy.symbol, t.amountIn, t.usd])).toEqual([['ETH', 'USDC', (2n * E18 - kept).toString(), '5994.00']]);
    expect(plan.skipped).toEqual([]);
  });

  it('a partial sale leaves far more than the gas: planned once', async () => {
    const { asked, findRoutes } = router();
    const plan = await planRebalance({ holdings: [held(ETH_A, 2n * E18, '3000'), held(USDC_A, 1000n * 10n ** 6n, '1')], weights: { ethereum: 0.5, 'usd-coin': 0.5 }, available: ASSETS, rules: DEFAULT_REBALANCE_RULES, findRoutes, now: 1 });
    expect([asked, plan.trades.map((t) => t.amountIn)]).toEqual([['0.833333333333333333 ETH'], ['833333333333333333']]);
  });

  it('an ERC-20 sold on a chain where the account holds no gas coin is skipped as NO_GAS; one where it does is kept', async () => {
    const { findRoutes } = router();
    const plan = await planRebalance({
      holdings: [held(USDC_B, 3000n * 10n ** 6n, '1'), held(USDC_A, 3000n * 10n ** 6n, '1'), held(ETH_A, GAS, '3000')],
      weights: { ethereum: 1, 'usd-coin': 0 },
      available: ASSETS,
      rules: DEFAULT_REBALANCE_RULES,
      findRoutes,
      now: 1,
    });
    // Both USDC balances are sold for ETH (bought on A, where ETH is held); on A the 0.001 ETH held pays the gas.
    expect(plan.trades.map((t) => [t.sell.chain, t.amountIn])).toEqual([[A, '3000000000']]);
    expect(plan.skipped).toEqual([
      {
        sell: USDC_B,
        buy: ETH_A,
        key: 'ethereum',
        usd: '3000.00',
        reason: 'NO_GAS',
        message: `Selling USDC for ETH needs 0.001 ETH on ${B} for fees, more than the account keeps there`,
      },
    ]);
  });
});
