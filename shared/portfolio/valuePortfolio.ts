import type { AssetInfo } from '../domain/asset';
import type { ChainInfo } from '../domain/chain';
import type { Holding, Portfolio, PortfolioGroup } from '../domain/portfolio';
import { StrataError } from '../errors';
import { addExact, compareExact, parseDecimal, ratio, toFixedHalfUp, toPlainDecimal, ZERO, type ExactDecimal } from './decimal';

/** One balance as the refresher read it: integer base units of `asset` held by `address` of account `accountId`. */
export interface HoldingInput {
  accountId: string;
  address: string;
  asset: AssetInfo;
  amount: bigint;
}

/** The USD price of one whole unit of an asset, as a plain decimal string, and whether it is the last known one. */
export interface PriceInput {
  usd: string;
  stale: boolean;
  /** when this price was fetched (ms since epoch), if known */
  fetchedAt?: number;
}

export interface ValuePortfolioInput {
  holdings: readonly HoldingInput[];
  /** keyed by CoinGecko id (AssetInfo.priceId); an id without an entry has no price */
  prices: Readonly<Record<string, PriceInput>>;
  /** for the chain labels of byChain; a chain missing here is labelled with its id */
  chains: readonly Pick<ChainInfo, 'id' | 'name'>[];
  updatedAt: number | null;
  errors: Portfolio['errors'];
}

/** USD values are shown with cents. */
const USD_DECIMALS = 2;

interface Valued {
  holding: Holding;
  /** exact USD value; null without a price */
  value: ExactDecimal | null;
  chainLabel: string;
}

/**
 * Values holdings in USD and groups them by chain and by asset, exactly: a value is `amount × price / 10^decimals`
 * in bigint arithmetic, and every figure shown (a holding, a group, the total) is the exact sum rounded once, half
 * up, to cents. A total can therefore differ by a cent from the sum of the rounded rows shown under it.
 *
 * Decisions:
 * - zero balances are dropped (natives too): the portfolio lists what is held; the caller knows which chains it read;
 * - a holding without a price (no priceId, or no entry in `prices`) keeps `usdPrice`/`usdValue` null and is left
 *   out of sums: the total is the value of the priced holdings, and null only when holdings exist and none has a
 *   price ("0.00" for an empty portfolio); a group's value is null when none of its holdings has a price;
 * - shares are of the total, null when the total is null or zero;
 * - byAsset groups by priceId (the same asset across chains: USDC on two chains is one group; WETH and ETH stay
 *   apart), else by the upper-cased symbol; its label is the symbol of the group's largest holding;
 * - holdings, byChain and byAsset are sorted by value, largest first, unpriced last, then by label.
 * @throws StrataError INVALID_AMOUNT for a negative amount, INVALID_INPUT for a price that is not a plain decimal
 */
export function valuePortfolio(input: ValuePortfolioInput): Portfolio {
  const chainNames = new Map(input.chains.map((chain) => [chain.id, chain.name]));
  const valued: Valued[] = [];
  for (const entry of input.holdings) {
    if (entry.amount < 0n) throw new StrataError('INVALID_AMOUNT', 'A balance cannot be negative');
    if (entry.amount === 0n) continue;
    valued.push(valueHolding(entry, priceOf(input.prices, entry.asset.priceId), chainNames.get(entry.asset.chain) ?? entry.asset.chain));
  }
  valued.sort(byValueThen((v) => [v.holding.asset.symbol, v.chainLabel, v.holding.address]));

  const priced = valued.filter((v) => v.value !== null);
  const totalExact = priced.length === 0 && valued.length > 0 ? null : sumOf(priced);
  const byChain = groupBy(valued, (v) => v.holding.asset.chain, (v) => v.chainLabel, totalExact);
  const byAsset = groupBy(valued, assetKey, (v) => v.holding.asset.symbol, totalExact);

  return {
    updatedAt: input.updatedAt,
    currency: 'USD',
    totalUsd: totalExact === null ? null : toFixedHalfUp(totalExact, USD_DECIMALS),
    holdings: valued.map((v) => v.holding),
    byChain,
    byAsset,
    pricesStale: valued.some((v) => v.holding.priceStale),
    pricesAt: oldestPriceTime(valued, input.prices),
    errors: input.errors.map((error) => ({ ...error })),
  };
}

/** When the oldest price that valued a holding was fetched, or null when none was (or none says when). */
function oldestPriceTime(valued: readonly Valued[], prices: Readonly<Record<string, PriceInput>>): number | null {
  const times = valued
    .filter((v) => v.value !== null && v.holding.asset.priceId !== null)
    .map((v) => prices[v.holding.asset.priceId as string]?.fetchedAt)
    .filter((t): t is number => typeof t === 'number');
  return times.length > 0 ? Math.min(...times) : null;
}

/**
 * The USD value of `amount` base units of an asset with `decimals` at `priceUsd` per whole unit, rounded half up to
 * cents (`1500000000000000000n, 18, "3120.55"` -> `"4680.83"`).
 * @throws StrataError INVALID_INPUT for a price that is not a plain decimal
 */
export function usdValueOf(amount: bigint, decimals: number, priceUsd: string): string {
  return toFixedHalfUp(exactValue(amount, decimals, parseDecimal(priceUsd)), USD_DECIMALS);
}

function exactValue(amount: bigint, decimals: number, price: ExactDecimal): ExactDecimal {
  return { units: amount * price.units, scale: decimals + price.scale };
}

function priceOf(prices: ValuePortfolioInput['prices'], priceId: string | null): { price: ExactDecimal; text: string; stale: boolean } | null {
  // hasOwn: a priceId such as "constructor" must not find Object.prototype's members.
  if (priceId === null || !Object.hasOwn(prices, priceId)) return null;
  const entry = prices[priceId];
  if (entry === undefined) return null;
  const price = parseDecimal(entry.usd);
  return { price, text: toPlainDecimal(price), stale: entry.stale };
}

function valueHolding(entry: HoldingInput, price: ReturnType<typeof priceOf>, chainLabel: string): Valued {
  const value = price === null ? null : exactValue(entry.amount, entry.asset.decimals, price.price);
  return {
    holding: {
      accountId: entry.accountId,
      address: entry.address,
      asset: { ...entry.asset },
      amount: entry.amount.toString(),
      usdPrice: price === null ? null : price.text,
      usdValue: value === null ? null : toFixedHalfUp(value, USD_DECIMALS),
      priceStale: price?.stale ?? false,
    },
    value,
    chainLabel,
  };
}

function assetKey(v: Valued): string {
  return v.holding.asset.priceId ?? v.holding.asset.symbol.toUpperCase();
}

function sumOf(items: readonly Valued[]): ExactDecimal {
  return items.reduce<ExactDecimal>((sum, v) => (v.value === null ? sum : addExact(sum, v.value)), ZERO);
}

/** Groups already-sorted holdings; each group's label comes from its first (largest) member. */
function groupBy(valued: readonly Valued[], keyOf: (v: Valued) => string, labelOf: (v: Valued) => string, total: ExactDecimal | null): PortfolioGroup[] {
  const groups = new Map<string, { label: string; members: Valued[] }>();
  for (const v of valued) {
    const key = keyOf(v);
    const group = groups.get(key);
    if (group) group.members.push(v);
    else groups.set(key, { label: labelOf(v), members: [v] });
  }
  const rows = [...groups].map(([key, { label, members }]) => {
    const priced = members.filter((m) => m.value !== null);
    const value = priced.length === 0 ? null : sumOf(priced);
    return { key, label, value };
  });
  rows.sort(byValueThen((row) => [row.label, row.key]));
  const totalKnown = total !== null && total.units > 0n;
  return rows.map((row) => ({
    key: row.key,
    label: row.label,
    usdValue: row.value === null ? null : toFixedHalfUp(row.value, USD_DECIMALS),
    share: row.value === null || !totalKnown ? null : ratio(row.value, total),
  }));
}

/**
 * Largest value first, unpriced last, then the tie-breakers in order, ignoring case first (`ion` before `OSMO`);
 * plain code-point comparisons rather than localeCompare, so the order is the same on every machine.
 */
function byValueThen<T extends { value: ExactDecimal | null }>(tieBreakers: (item: T) => string[]): (a: T, b: T) => number {
  return (a, b) => {
    if (a.value !== null && b.value !== null) {
      const diff = compareExact(b.value, a.value);
      if (diff !== 0) return diff;
    } else if (a.value !== b.value) {
      return a.value === null ? 1 : -1;
    }
    const ta = tieBreakers(a);
    const tb = tieBreakers(b);
    for (let i = 0; i < ta.length; i++) {
      const x = ta[i] ?? '';
      const y = tb[i] ?? '';
      const [lx, ly] = [x.toLowerCase(), y.toLowerCase()];
      if (lx !== ly) return lx < ly ? -1 : 1;
      if (x !== y) return x < y ? -1 : 1;
    }
    return 0;
  };
}
