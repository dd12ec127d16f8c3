import { StrataError } from '../../../../shared/errors';

/** Uniswap V2's swap fee: 0.3%, taken from the input (997/1000 of it trades). */
export const UNISWAP_V2_FEE_BPS = 30;

/**
 * UniswapV2Library.getAmountOut, exactly (integer division rounds down as on chain):
 * amountOut = amountIn*997*reserveOut / (reserveIn*1000 + amountIn*997).
 * @throws StrataError INVALID_AMOUNT for amountIn <= 0, PRICE_UNAVAILABLE for an empty pool
 */
export function getAmountOut(amountIn: bigint, reserveIn: bigint, reserveOut: bigint): bigint {
  if (amountIn <= 0n) throw new StrataError('INVALID_AMOUNT', 'The amount to swap must be positive');
  if (reserveIn <= 0n || reserveOut <= 0n) throw new StrataError('PRICE_UNAVAILABLE', 'The Uniswap V2 pool has no liquidity');
  const amountInWithFee = amountIn * 997n;
  return (amountInWithFee * reserveOut) / (reserveIn * 1000n + amountInWithFee);
}
