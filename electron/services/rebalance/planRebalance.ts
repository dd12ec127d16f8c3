import { bytesToHex, randomBytes } from '@noble/hashes/utils.js';
import { formatAmount, parseBaseUnits } from '../../../shared/amounts';
import type { AssetInfo } from '../../../shared/domain/asset';
import type { Portfolio } from '../../../shared/domain/portfolio';
import { routePath, type Route, type RouteFee } from '../../../shared/domain/route';
import { isStrataError } from '../../../shared/errors';
import { parseDecimal } from '../../../shared/portfolio/decimal';
import { judgeTradeLoss, tradeCostUsd } from '../../../shared/rebalance/judgeTradeLoss';
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
 * a trade without a route (NO_ROUTE, or a quote that fails) is skipped with the reason. A trade whose value lost
 * (fees, price impact and slippage: Route.valueLostUsd) exceeds `rules.maxFeePercent` of its value is split across
 * routes that share no pool when that loses less and fits the limit (splitTrade), else skipped as VALUE_LOST_TOO_HIGH.
 * The total cost is the sum of the trades' value lost in USD (null when one is unknown).
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
    valueLostUsd: tradeCostUsd(route),
  }));
  const costs = trades.map((t) => t.valueLostUsd ?? null);
  const known = costs.every((c) => c !== null);
  const cost = costs.reduce<bigint>((sum, c) => sum + (c === null ? 0n : usdFromDecimal(parseDecimal(c))), 0n);
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

/** Each trade's best route (or a split of it); trades without one, or losing too much, skipped with the reason. */
async function routeTrades(intents: readonly TradeIntent[], rules: RebalanceRules, findRoutes: FindRoutes, slippagePercent: number): Promise<{ trades: RoutedTrade[]; skipped: SkippedTrade[] }> {
  const trades: RoutedTrade[] = [];
  const skipped: SkippedTrade[] = [];
  for (const intent of intents) {
    let routes: Route[];
    try {
      routes = await findRoutes(tradeQuery(intent, slippagePercent));
    } catch (error) {
      if (!isStrataError(error) || !ROUTELESS.includes(error.code)) throw error;
      skipped.push({ ...skipBase(intent), reason: 'NO_ROUTE', message: `No route sells ${intent.sell.symbol} for ${intent.buy.symbol} here: ${error.message}` });
      continue;
    }
    const route = routes[0];
    if (!route) {
      skipped.push({ ...skipBase(intent), reason: 'NO_ROUTE', message: `No route sells ${intent.sell.symbol} for ${intent.buy.symbol} here` });
      continue;
    }
    const tooDear = judgeTradeLoss(intent.usd, route, rules.maxFeePercent);
    if (!tooDear) {
      trades.push({ intent, route });
      continue;
    }
    const split = await splitTrade(intent, routes, rules, findRoutes, slippagePercent);
    if (split !== null && split.lost < (costOf(route) ?? MAX_COST)) {
      trades.push(...split.pieces);
      continue;
    }
    skipped.push({ ...skipBase(intent), reason: 'VALUE_LOST_TOO_HIGH', message: `${tooDear}; no split across venues or chains fits the limit` });
  }
  return { trades, skipped };
}

const ROUTELESS: readonly string[] = ['NO_ROUTE', 'UNKNOWN_ASSET', 'INVALID_AMOUNT', 'PRICE_UNAVAILABLE'];
const MAX_COST = 2n ** 255n;

/** A route's value lost, micro-USD; null when unknown. */
function costOf(route: Route): bigint | null {
  const cost = tradeCostUsd(route);
  return cost === null ? null : usdFromDecimal(parseDecimal(cost));
}

/** The pools a route swaps through (provider, chain and pair): two routes that share none move each other's price not at all. */
function poolsOf(route: Route): string[] {
  return route.steps.filter((s) => s.kind === 'swap').map((s) => `${s.provider}:${s.fromChain}/${s.assetIn.ref}>${s.assetOut.ref}`);
}

/** Shares of the amount tried per split: 2 routes at 1/4, 1/2, 3/4 of the amount on the first; 3 routes at thirds. */
const SPLITS: ReadonlyArray<readonly bigint[]> = [[1n, 3n], [2n, 2n], [3n, 1n], [1n, 1n, 1n]];
/** Only the best few routes are combined (each combination is quoted once per distinct piece amount). */
const SPLIT_ROUTES = 4;

/**
 * The trade split across routes that share no pool (other venues, other chains), each piece quoted on its own amount:
 * the split with the least total value lost, when every piece's route is found again and the whole fits the plan's
 * cost limit; else null. Pieces in one pool are never planned: quoted now, each would be priced on the same reserves
 * and the sum would understate what running them one after the other loses.
 */
async function splitTrade(intent: TradeIntent, routes: readonly Route[], rules: RebalanceRules, findRoutes: FindRoutes, slippagePercent: number): Promise<{ pieces: RoutedTrade[]; lost: bigint } | null> {
  const candidates = routes.slice(0, SPLIT_ROUTES);
  const quoted = new Map<bigint, Promise<Route[]>>();
  const quote = (amountIn: bigint): Promise<Route[]> => {
    let found = quoted.get(amountIn);
    if (!found) {
      found = findRoutes(tradeQuery({ sell: intent.sell, buy: intent.buy, amountIn }, slippagePercent)).catch(() => []);
      quoted.set(amountIn, found);
    }
    return found;
  };
  let best: { pieces: RoutedTrade[]; lost: bigint } | null = null;
  for (const shares of SPLITS) {
    for (const combo of combinations(candidates, shares.length)) {
      const pools = combo.flatMap(poolsOf);
      if (new Set(pools).size !== pools.length) continue;
      const total = shares.reduce((a, b) => a + b, 0n);
      const amounts = shares.map((share) => (intent.amountIn * share) / total);
      // The rounding rest goes to the last piece: the pieces sell exactly the trade's amount.
      amounts[amounts.length - 1] = intent.amountIn - amounts.slice(0, -1).reduce((a, b) => a + b, 0n);
      if (amounts.some((a) => a <= 0n)) continue;
      const pieces: RoutedTrade[] = [];
      let lost = 0n;
      let usdLeft = intent.usd;
      for (const [i, amountIn] of amounts.entries()) {
        // Each search gives fresh quote ids: the same route is found again by its path.
        const route = (await quote(amountIn)).find((r) => routePath(r) === routePath(combo[i] as Route));
        const cost = route ? costOf(route) : null;
        if (!route || cost === null || route.lossLevel === 'refused') break;
        const usd = i === amounts.length - 1 ? usdLeft : (intent.usd * amountIn) / intent.amountIn;
        usdLeft -= usd;
        pieces.push({ intent: { ...intent, amountIn, usd }, route });
        lost += cost;
      }
      if (pieces.length !== amounts.length) continue;
      if (lost * 10_000n > BigInt(Math.round(rules.maxFeePercent * 100)) * intent.usd) continue;
      if (best === null || lost < best.lost) best = { pieces, lost };
    }
  }
  return best;
}

/** Every k-element subset of `items`, in order. */
function combinations<T>(items: readonly T[], k: number): T[][] {
  if (k === 0) return [[]];
  return items.flatMap((item, i) => combinations(items.slice(i + 1), k - 1).map((rest) => [item, ...rest]));
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
