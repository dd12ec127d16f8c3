import type { AssetInfo } from '../domain/asset';
import { parseDecimal } from '../portfolio/decimal';
import { driftReport, isOutOfBand, positionsOf, targetKeyOf, type AssetPosition, type RebalanceHolding, type ValuedHolding } from './measureDrift';
import type { DriftReport, RebalanceRules, SkippedTrade, TargetWeights } from './rebalanceSchemas';
import { unitsOfUsd, usdFromDecimal, usdOfUnits, usdText } from './usdUnits';

/** A trade before routing: sell `amountIn` base units of `sell` (worth `usd` micro-USD) from `accountId`, for `buy`. */
export interface TradeIntent {
  accountId: string;
  sell: AssetInfo;
  buy: AssetInfo;
  /** the target key of the asset bought */
  key: string;
  amountIn: bigint;
  /** micro-USD */
  usd: bigint;
}

export interface TradePlan {
  drift: DriftReport;
  trades: TradeIntent[];
  skipped: SkippedTrade[];
}

interface Need {
  position: AssetPosition;
  /** micro-USD still to sell or to buy */
  left: bigint;
}

/** The key of an account's balance of an asset, as `reserves` names it: `<accountId>|<chain>|<ref>`. */
export function balanceKey(accountId: string, asset: Pick<AssetInfo, 'chain' | 'ref'>): string {
  return `${accountId}|${asset.chain}|${asset.ref}`;
}

const byLeftThenKey = (a: Need, b: Need): number => (a.left === b.left ? a.position.key.localeCompare(b.position.key) : a.left > b.left ? -1 : 1);

/**
 * The trades that bring every target asset back inside the drift band, before routing.
 *
 * - Only assets outside the band are traded, and they are traded to their target, not to the band's edge: a trade
 *   costs fees either way, and stopping at the edge would leave the portfolio one small move from the next rebalance.
 * - Sales and purchases of the out-of-band assets rarely balance; the difference is taken from (or given to) assets
 *   inside the band that lean the same way, largest gap first, never past their target, so none of them leaves the band.
 * - Sales come from the largest holding of an asset first (chain and account); each sale is matched greedily, largest
 *   first, against the largest purchase, so n assets to sell and m to buy need at most n + m - 1 trades (fewer when
 *   amounts happen to match). A purchase goes to the chain where the account (or else any account) already holds the
 *   asset, else to the selling chain when the asset is listed there, else to the first chain that lists it
 *   (`available`, in the caller's order); an asset listed nowhere is skipped as NOT_AVAILABLE, one held without a usable
 *   price as NO_PRICE (its value now is unknown, so a purchase could overshoot).
 * - Trades worth less than `rules.minTradeUsd` are skipped as BELOW_MINIMUM (the fee limit needs routes: see
 *   judgeTradeFees).
 * - `reserves` (base units by balanceKey) are never sold: the gas coin a chain's transactions pay with. A holding
 *   counts whole in the drift, but only what is above its reserve is offered for sale; a sale the reserve makes
 *   short leaves part of a purchase undone rather than selling the gas.
 * @throws INVALID_INPUT for negative weights or amounts, or a bad minimum
 */
export function planTrades(
  holdings: readonly RebalanceHolding[],
  weights: TargetWeights,
  available: readonly AssetInfo[],
  rules: Pick<RebalanceRules, 'bandPct' | 'minTradeUsd'>,
  reserves: ReadonlyMap<string, bigint> = new Map(),
): TradePlan {
  const positions = positionsOf(holdings, weights);
  const drift = driftReport(positions, rules.bandPct);
  const minimum = usdFromDecimal(parseDecimal(rules.minTradeUsd));
  const skipped: SkippedTrade[] = [];
  const { total } = positions;
  const out = positions.positions.filter((p) => total > 0n && isOutOfBand(p.current, p.target, total, rules.bandPct));
  if (out.length === 0) return { drift, trades: [], skipped };

  const keys = Object.keys(weights);
  const listed = (key: string): AssetInfo[] => available.filter((a) => targetKeyOf(a, keys) === key);
  const canBuy = (p: AssetPosition): boolean => !positions.unpricedKeys.has(p.key) && (p.holdings.length > 0 || listed(p.key).length > 0);
  const sells: Need[] = out.filter((p) => p.current > p.target).map((position) => ({ position, left: position.current - position.target }));
  const allBuys: Need[] = out.filter((p) => p.current < p.target).map((position) => ({ position, left: position.target - position.current }));
  const sum = (needs: Need[]): bigint => needs.reduce((s, n) => s + n.left, 0n);
  // The gap counts purchases that cannot happen too: their share stays unsold rather than going to other assets.
  let gap = sum(sells) - sum(allBuys);
  const buys = allBuys.filter((need) => canBuy(need.position));
  for (const { position, left } of allBuys.filter((need) => !canBuy(need.position))) {
    const unpriced = positions.unpricedKeys.has(position.key);
    skipped.push({
      sell: null,
      buy: null,
      key: position.key,
      usd: usdText(left),
      reason: unpriced ? 'NO_PRICE' : 'NOT_AVAILABLE',
      message: unpriced ? `${position.symbol} has no price now: its share cannot be sized` : `${position.symbol} is not listed on any chain of this wallet: it cannot be bought`,
    });
  }
  const inBand = positions.positions.filter((p) => !out.includes(p));
  if (gap > 0n) {
    for (const position of inBand.filter((p) => p.current < p.target && canBuy(p)).sort((a, b) => byLeftThenKey({ position: a, left: a.target - a.current }, { position: b, left: b.target - b.current }))) {
      const take = min(gap, position.target - position.current);
      buys.push({ position, left: take });
      gap -= take;
      if (gap === 0n) break;
    }
  } else if (gap < 0n) {
    for (const position of inBand.filter((p) => p.current > p.target).sort((a, b) => byLeftThenKey({ position: a, left: a.current - a.target }, { position: b, left: b.current - b.target }))) {
      const take = min(-gap, position.current - position.target);
      sells.push({ position, left: take });
      gap += take;
      if (gap === 0n) break;
    }
  }
  sells.sort(byLeftThenKey);
  buys.sort(byLeftThenKey);

  // Sale legs: each asset's holdings, largest first, up to what the asset must shed, never into a reserve.
  const legs: Array<{ holding: ValuedHolding; left: bigint; unitsLeft: bigint }> = [];
  for (const sell of sells) {
    let left = sell.left;
    for (const holding of sell.position.holdings) {
      if (left === 0n) break;
      const kept = reserves.get(balanceKey(holding.accountId, holding.asset)) ?? 0n;
      const units = holding.amount > kept ? holding.amount - kept : 0n;
      const usd = kept === 0n ? holding.usd : usdOfUnits(units, holding.asset.decimals, holding.price);
      const take = min(left, usd);
      if (take === 0n) continue;
      legs.push({ holding, left: take, unitsLeft: take === usd ? units : unitsOfUsd(take, holding.asset.decimals, holding.price) });
      left -= take;
    }
  }

  const trades: TradeIntent[] = [];
  let b = 0;
  for (const leg of legs) {
    while (leg.left > 0n && b < buys.length) {
      const buy = buys[b] as Need;
      const value = min(leg.left, buy.left);
      // The last piece of a leg sells exactly what is left of it: no dust from rounding.
      const amountIn = value === leg.left ? leg.unitsLeft : min(leg.unitsLeft, unitsOfUsd(value, leg.holding.asset.decimals, leg.holding.price));
      leg.left -= value;
      leg.unitsLeft -= amountIn;
      buy.left -= value;
      if (buy.left === 0n) b += 1;
      const target = buyAsset(buy.position, leg.holding, listed(buy.position.key));
      if (value < minimum || amountIn === 0n) {
        skipped.push({
          sell: leg.holding.asset,
          buy: target,
          key: buy.position.key,
          usd: usdText(value),
          reason: 'BELOW_MINIMUM',
          message: `Selling $${usdText(value)} of ${leg.holding.asset.symbol} for ${target.symbol} is below the $${usdText(minimum)} minimum trade`,
        });
        continue;
      }
      trades.push({ accountId: leg.holding.accountId, sell: leg.holding.asset, buy: target, key: buy.position.key, amountIn, usd: value });
    }
  }
  return { drift, trades, skipped };
}

function buyAsset(position: AssetPosition, seller: ValuedHolding, listed: AssetInfo[]): AssetInfo {
  const held = position.holdings.find((h) => h.accountId === seller.accountId) ?? position.holdings[0];
  if (held) return held.asset;
  return listed.find((a) => a.chain === seller.asset.chain) ?? (listed[0] as AssetInfo);
}

const min = (a: bigint, b: bigint): bigint => (a < b ? a : b);
