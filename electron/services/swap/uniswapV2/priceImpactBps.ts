import { StrataError } from '../../../../shared/errors';

/**
 * Price impact of a trade in basis points, rounded down: how much less `amountOut` is than `amountIn` at the pool's
 * mid price (reserveOut/reserveIn), i.e. 1 - amountOut*reserveIn/(amountIn*reserveOut). Like the Uniswap SDK's
 * `Trade.priceImpact`, it includes the 0.3% LP fee, so even a tiny trade shows about 30 bps.
 * Computed on bigint, exact up to the final rounding.
 * @throws StrataError INVALID_AMOUNT for amountIn <= 0, PRICE_UNAVAILABLE for an empty pool
 */
export function priceImpactBps(amountIn: bigint, amountOut: bigint, reserveIn: bigint, reserveOut: bigint): number {
  if (amountIn <= 0n || amountOut < 0n) throw new StrataError('INVALID_AMOUNT', 'Price impact needs a positive amount in');
  if (reserveIn <= 0n || reserveOut <= 0n) throw new StrataError('PRICE_UNAVAILABLE', 'The Uniswap V2 pool has no liquidity');
  const atMidPrice = amountIn * reserveOut;
  const shortfall = atMidPrice - amountOut * reserveIn;
  // A negative shortfall cannot come from getAmountOut; it would be a better-than-mid fill, reported as 0.
  if (shortfall <= 0n) return 0;
  return Number((shortfall * 10_000n) / atMidPrice);
}
