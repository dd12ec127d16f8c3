import { bytesToHex, randomBytes } from '@noble/hashes/utils.js';
import { formatAmount, parseBaseUnits } from '../../../shared/amounts';
import type { AssetInfo } from '../../../shared/domain/asset';
import type { Portfolio } from '../../../shared/domain/portfolio';
import type { Route } from '../../../shared/domain/route';
import { isStrataError } from '../../../shared/errors';
import { parseDecimal } from '../../../shared/portfolio/decimal';
import { judgeTradeFees } from '../../../shared/rebalance/judgeTradeFees';
import type { RebalanceHolding } from '../../../shared/rebalance/measureDrift';
import { planTrades, type TradeIntent } from '../../../shared/rebalance/planTrades';
import type { PlanTrade, RebalancePlan, RebalanceRules, SkippedTrade, TargetWeights } from '../../../shared/rebalance/rebalanceSchemas';
import { usdFromDecimal, usdText } from '../../../shared/rebalance/usdUnits';
import type { RouteQuery } from '../wallet/routeQuery';

/** How a plan's trades are routed: CrossChainTransfers.findRoutes (best first). */
export type FindRoutes = (query: RouteQuery) => Promise<Route[]>;

/** Default tolerance per swap or bridge step of a rebalancing trade, percent. */
export const REBALANCE_SLIPPAGE_PERCENT = 0.5;

/** The holdings a plan may trade: those of accounts that can sign (watch-only ones are neither counted nor sold). */
export function signableHoldings(portfolio: Portfolio, canSign: (accountId: string) => boolean): RebalanceHolding[] {
  return portfolio.holdings
    .filter((h) => canSign(h.accountId))
    .map((h) => ({ accountId: h.accountId, asset: h.asset, amount: parseBaseUnits(h.amount), usdPrice: h.usdPrice }));
}

/** The route query that sells exactly a trade's amount for its asset to buy. */
export function tradeQuery(trade: Pick<TradeIntent, 'sell' | 'buy' | 'amountIn'>, slippagePercent: number): RouteQuery {
  return {
    from: { chain: trade.sell.chain, asset: trade.sell.ref, amount: formatAmount(trade.amountIn, trade.sell.decimals) },
    to: { chain: trade.buy.chain, asset: trade.buy.ref },
    slippagePercent,
    sort: 'amount',
  };
}

/**
 * A rebalancing plan: planTrades on the holdings, then each trade resolved into its best route (most received);
 * a trade without a route (NO_ROUTE, or a quote that fails) or whose fees exceed `rules.maxFeePercent` of its value
 * is skipped with the reason. The total cost is the sum of the routes' fees in USD (null when one is unknown).
 * Routes are found one trade at a time: quotes share the nodes, and the devnet's are cheap.
 * @throws what findRoutes throws for other reasons than a missing route (RPC_UNAVAILABLE, VAULT_LOCKED...)
 */
export async function planRebalance(input: {
  holdings: readonly RebalanceHolding[];
  weights: TargetWeights;
  available: readonly AssetInfo[];
  rules: RebalanceRules;
  findRoutes: FindRoutes;
  slippagePercent?: number;
  now: number;
}): Promise<RebalancePlan> {
  const { rules } = input;
  const slippagePercent = input.slippagePercent ?? REBALANCE_SLIPPAGE_PERCENT;
  const intents = planTrades(input.holdings, input.weights, input.available, rules);
  const trades: PlanTrade[] = [];
  const skipped: SkippedTrade[] = [...intents.skipped];
  for (const intent of intents.trades) {
    const base = { sell: intent.sell, buy: intent.buy, key: intent.key, usd: usdText(intent.usd) };
    let route: Route | undefined;
    try {
      route = (await input.findRoutes(tradeQuery(intent, slippagePercent)))[0];
    } catch (error) {
      if (!isStrataError(error) || !['NO_ROUTE', 'UNKNOWN_ASSET', 'INVALID_AMOUNT', 'PRICE_UNAVAILABLE'].includes(error.code)) throw error;
      skipped.push({ ...base, reason: 'NO_ROUTE', message: `No route sells ${intent.sell.symbol} for ${intent.buy.symbol} here: ${error.message}` });
      continue;
    }
    if (!route) {
      skipped.push({ ...base, reason: 'NO_ROUTE', message: `No route sells ${intent.sell.symbol} for ${intent.buy.symbol} here` });
      continue;
    }
    const tooDear = judgeTradeFees(intent.usd, route.totalFeesUsd, rules.maxFeePercent);
    if (tooDear) {
      skipped.push({ ...base, reason: 'FEES_TOO_HIGH', message: tooDear });
      continue;
    }
    trades.push({ index: trades.length, accountId: intent.accountId, sell: intent.sell, buy: intent.buy, amountIn: intent.amountIn.toString(), usd: usdText(intent.usd), route, feesUsd: route.totalFeesUsd });
  }
  const known = trades.every((t) => t.feesUsd !== null);
  const cost = trades.reduce((sum, t) => sum + (t.feesUsd === null ? 0n : usdFromDecimal(parseDecimal(t.feesUsd))), 0n);
  return {
    id: bytesToHex(randomBytes(16)),
    createdAt: input.now,
    rules,
    slippagePercent,
    drift: intents.drift,
    trades,
    skipped,
    totalCostUsd: known ? usdText(cost) : null,
  };
}
