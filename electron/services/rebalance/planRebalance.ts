import { bytesToHex, randomBytes } from '@noble/hashes/utils.js';
import { formatAmount, parseBaseUnits } from '../../../shared/amounts';
import type { AssetInfo } from '../../../shared/domain/asset';
import type { Portfolio } from '../../../shared/domain/portfolio';
import type { Route, RouteFee } from '../../../shared/domain/route';
import { isStrataError } from '../../../shared/errors';
import { parseDecimal } from '../../../shared/portfolio/decimal';
import { judgeTradeFees } from '../../../shared/rebalance/judgeTradeFees';
import type { RebalanceHolding } from '../../../shared/rebalance/measureDrift';
import { balanceKey, planTrades, type TradeIntent } from '../../../shared/rebalance/planTrades';
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
 * Gas may cost more when a trade starts than when it was planned: an account keeps this many times the gas and
 * messaging fees its plan's trades pay on a chain, in that chain's gas coin, whenever a sale would cut into it.
 */
export const GAS_RESERVE_FACTOR = 2n;

interface RoutedTrade {
  intent: TradeIntent;
  route: Route;
}

/**
 * A rebalancing plan: planTrades on the holdings, then each trade resolved into its best route (most received);
 * a trade without a route (NO_ROUTE, or a quote that fails) or whose fees exceed `rules.maxFeePercent` of its value
 * is skipped with the reason. The total cost is the sum of the routes' fees in USD (null when one is unknown).
 *
 * Gas: a sale never spends the coin that pays the plan's transactions. When the trades would sell into
 * GAS_RESERVE_FACTOR times the gas and messaging fees their routes pay from an account on a chain, the trades are
 * planned again with that much kept back (planTrades' reserves) and routed again; a trade whose fees the account
 * still cannot pay after the sales before it (an ERC-20 sold on a chain where the account holds no gas) is skipped
 * as NO_GAS.
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
  let intents = planTrades(input.holdings, input.weights, input.available, rules);
  let routed = await routeTrades(intents.trades, rules, input.findRoutes, slippagePercent);
  const reserves = gasReserves(routed.trades);
  if (sellsIntoReserves(intents.trades, input.holdings, reserves)) {
    intents = planTrades(input.holdings, input.weights, input.available, rules, reserves);
    routed = await routeTrades(intents.trades, rules, input.findRoutes, slippagePercent);
  }
  const paid = keepGas(routed.trades, input.holdings);
  const trades: PlanTrade[] = paid.trades.map(({ intent, route }, index) => ({
    index,
    accountId: intent.accountId,
    sell: intent.sell,
    buy: intent.buy,
    amountIn: intent.amountIn.toString(),
    usd: usdText(intent.usd),
    route,
    feesUsd: route.totalFeesUsd,
  }));
  const known = trades.every((t) => t.feesUsd !== null);
  const cost = trades.reduce((sum, t) => sum + (t.feesUsd === null ? 0n : usdFromDecimal(parseDecimal(t.feesUsd))), 0n);
  return {
    id: bytesToHex(randomBytes(16)),
    createdAt: input.now,
    rules,
    slippagePercent,
    drift: intents.drift,
    trades,
    skipped: [...intents.skipped, ...routed.skipped, ...paid.skipped],
    totalCostUsd: known ? usdText(cost) : null,
  };
}

const skipBase = (intent: TradeIntent) => ({ sell: intent.sell, buy: intent.buy, key: intent.key, usd: usdText(intent.usd) });

/** Each trade's best route; trades without one, or too dear, skipped with the reason. */
async function routeTrades(intents: readonly TradeIntent[], rules: RebalanceRules, findRoutes: FindRoutes, slippagePercent: number): Promise<{ trades: RoutedTrade[]; skipped: SkippedTrade[] }> {
  const trades: RoutedTrade[] = [];
  const skipped: SkippedTrade[] = [];
  for (const intent of intents) {
    let route: Route | undefined;
    try {
      route = (await findRoutes(tradeQuery(intent, slippagePercent)))[0];
    } catch (error) {
      if (!isStrataError(error) || !['NO_ROUTE', 'UNKNOWN_ASSET', 'INVALID_AMOUNT', 'PRICE_UNAVAILABLE'].includes(error.code)) throw error;
      skipped.push({ ...skipBase(intent), reason: 'NO_ROUTE', message: `No route sells ${intent.sell.symbol} for ${intent.buy.symbol} here: ${error.message}` });
      continue;
    }
    if (!route) {
      skipped.push({ ...skipBase(intent), reason: 'NO_ROUTE', message: `No route sells ${intent.sell.symbol} for ${intent.buy.symbol} here` });
      continue;
    }
    const tooDear = judgeTradeFees(intent.usd, route.totalFeesUsd, rules.maxFeePercent);
    if (tooDear) {
      skipped.push({ ...skipBase(intent), reason: 'FEES_TOO_HIGH', message: tooDear });
      continue;
    }
    trades.push({ intent, route });
  }
  return { trades, skipped };
}

/** The fees a trade's account pays from its own balances (gas and messaging; swap and bridge fees come out of the amount), by balanceKey. */
function accountFees(trade: RoutedTrade): Map<string, { amount: bigint; fee: RouteFee }> {
  const fees = new Map<string, { amount: bigint; fee: RouteFee }>();
  for (const fee of trade.route.fees) {
    if (fee.kind !== 'gas' && fee.kind !== 'messaging') continue;
    const key = balanceKey(trade.intent.accountId, { chain: fee.chain, ref: fee.asset.ref });
    fees.set(key, { amount: (fees.get(key)?.amount ?? 0n) + BigInt(fee.amount), fee });
  }
  return fees;
}

/** GAS_RESERVE_FACTOR times the fees all trades pay, by balanceKey. */
function gasReserves(trades: readonly RoutedTrade[]): Map<string, bigint> {
  const reserves = new Map<string, bigint>();
  for (const trade of trades) {
    for (const [key, { amount }] of accountFees(trade)) reserves.set(key, (reserves.get(key) ?? 0n) + amount * GAS_RESERVE_FACTOR);
  }
  return reserves;
}

/** Whether the trades sell more of some balance than what lies above its reserve. */
function sellsIntoReserves(intents: readonly TradeIntent[], holdings: readonly RebalanceHolding[], reserves: ReadonlyMap<string, bigint>): boolean {
  const sold = new Map<string, bigint>();
  for (const t of intents) sold.set(balanceKey(t.accountId, t.sell), (sold.get(balanceKey(t.accountId, t.sell)) ?? 0n) + t.amountIn);
  return holdings.some((h) => {
    const key = balanceKey(h.accountId, h.asset);
    return (sold.get(key) ?? 0n) + (reserves.get(key) ?? 0n) > h.amount && (reserves.get(key) ?? 0n) > 0n;
  });
}

/** The trades whose fees their account can pay after all the plan's sales, in order; the others skipped as NO_GAS. */
function keepGas(trades: readonly RoutedTrade[], holdings: readonly RebalanceHolding[]): { trades: RoutedTrade[]; skipped: SkippedTrade[] } {
  const budget = new Map<string, bigint>();
  for (const h of holdings) budget.set(balanceKey(h.accountId, h.asset), (budget.get(balanceKey(h.accountId, h.asset)) ?? 0n) + h.amount);
  for (const t of trades) budget.set(balanceKey(t.intent.accountId, t.intent.sell), (budget.get(balanceKey(t.intent.accountId, t.intent.sell)) ?? 0n) - t.intent.amountIn);
  const kept: RoutedTrade[] = [];
  const skipped: SkippedTrade[] = [];
  for (const trade of trades) {
    const fees = accountFees(trade);
    const short = [...fees].find(([key, { amount }]) => (budget.get(key) ?? 0n) < amount);
    if (short) {
      const { intent } = trade;
      const { fee, amount } = short[1];
      // Not sold after all: what it would have sold stays for the trades after it.
      const sellKey = balanceKey(intent.accountId, intent.sell);
      budget.set(sellKey, (budget.get(sellKey) ?? 0n) + intent.amountIn);
      skipped.push({
        ...skipBase(intent),
        reason: 'NO_GAS',
        message: `Selling ${intent.sell.symbol} for ${intent.buy.symbol} needs ${formatAmount(amount, fee.asset.decimals)} ${fee.asset.symbol} on ${fee.chain} for fees, more than the account keeps there`,
      });
      continue;
    }
    for (const [key, { amount }] of fees) budget.set(key, (budget.get(key) ?? 0n) - amount);
    kept.push(trade);
  }
  return { trades: kept, skipped };
}
