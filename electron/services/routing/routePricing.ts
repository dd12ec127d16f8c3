import type { AssetInfo } from '../../../shared/domain/asset';
import { addExact, parseDecimal, toFixedHalfUp, ZERO, type ExactDecimal } from '../../../shared/portfolio/decimal';

/** Extra decimals kept on an implied price (a price derived from a quote's in/out amounts). */
const IMPLIED_PRICE_EXTRA_SCALE = 18;

/** USD per whole unit of assets, by chain and ref. */
export interface PriceBook {
  priceOf(asset: AssetInfo): ExactDecimal | null;
  /** USD value of `amount` base units, exact; null without a price. */
  valueOf(asset: AssetInfo, amount: bigint): ExactDecimal | null;
}

const keyOf = (asset: Pick<AssetInfo, 'chain' | 'ref'>): string => `${asset.chain}|${asset.ref}`;

/**
 * Prices from the price service (by CoinGecko id) for the assets that have one; an asset without one (the devnet's
 * SBT) gets the price a quoted exchange implies: value of what went in / what came out. That makes fees paid in such
 * a token (a swap's 0.3% of SBT) count in the route's USD total. Exchanges are tried both ways until nothing changes.
 */
export function createPriceBook(usdPrices: Readonly<Record<string, string>>, exchanges: ReadonlyArray<{ assetIn: AssetInfo; amountIn: bigint; assetOut: AssetInfo; amountOut: bigint }>): PriceBook {
  const prices = new Map<string, ExactDecimal>();
  const known = (asset: AssetInfo): ExactDecimal | null => {
    const implied = prices.get(keyOf(asset));
    if (implied) return implied;
    if (asset.priceId === null || !Object.hasOwn(usdPrices, asset.priceId)) return null;
    const text = usdPrices[asset.priceId];
    return text === undefined ? null : parseDecimal(text);
  };
  const imply = (from: AssetInfo, amountFrom: bigint, to: AssetInfo, amountTo: bigint): boolean => {
    const price = known(from);
    if (price === null || known(to) !== null || amountFrom <= 0n || amountTo <= 0n) return false;
    // price_to = price_from * (amountFrom / 10^decFrom) / (amountTo / 10^decTo), kept with 18 more decimals.
    const units = (price.units * amountFrom * 10n ** BigInt(to.decimals + IMPLIED_PRICE_EXTRA_SCALE)) / amountTo;
    prices.set(keyOf(to), { units, scale: price.scale + from.decimals + IMPLIED_PRICE_EXTRA_SCALE });
    return true;
  };
  for (let changed = true; changed; ) {
    changed = false;
    for (const e of exchanges) changed = imply(e.assetIn, e.amountIn, e.assetOut, e.amountOut) || imply(e.assetOut, e.amountOut, e.assetIn, e.amountIn) || changed;
  }
  return {
    priceOf: known,
    valueOf(asset, amount) {
      const price = known(asset);
      return price === null ? null : { units: amount * price.units, scale: asset.decimals + price.scale };
    },
  };
}

/** A USD value as RouteFee and Route carry it: cents, rounded half up. */
export function usdText(value: ExactDecimal | null): string | null {
  return value === null ? null : toFixedHalfUp(value, 2);
}

/** The exact sum, or null when any part is unknown (a partial total would understate the cost). */
export function sumOrNull(values: ReadonlyArray<ExactDecimal | null>): ExactDecimal | null {
  let sum = ZERO;
  for (const v of values) {
    if (v === null) return null;
    sum = addExact(sum, v);
  }
  return sum;
}
