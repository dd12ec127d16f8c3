import { toFixedHalfUp, type ExactDecimal } from '../portfolio/decimal';

/** USD amounts inside the planner are bigint micro-dollars: exact sums, no floats. */
export const USD_SCALE = 6;
const ONE_USD = 10n ** BigInt(USD_SCALE);

/** Micro-USD value of `amount` base units at `price` USD per whole unit, rounded down. */
export function usdOfUnits(amount: bigint, decimals: number, price: ExactDecimal): bigint {
  return (amount * price.units * ONE_USD) / 10n ** BigInt(decimals + price.scale);
}

/** Base units worth `usd` micro-USD at `price`, rounded down (never sells more than the value asked for). */
export function unitsOfUsd(usd: bigint, decimals: number, price: ExactDecimal): bigint {
  if (price.units === 0n) return 0n;
  return (usd * 10n ** BigInt(decimals + price.scale)) / (price.units * ONE_USD);
}

/** Micro-USD as a cents string, half up ("3500.00"). */
export function usdText(usd: bigint): string {
  return toFixedHalfUp({ units: usd, scale: USD_SCALE }, 2);
}

/** A plain decimal USD string as micro-USD, rounded down. */
export function usdFromDecimal(value: ExactDecimal): bigint {
  return value.scale <= USD_SCALE ? value.units * 10n ** BigInt(USD_SCALE - value.scale) : value.units / 10n ** BigInt(value.scale - USD_SCALE);
}
