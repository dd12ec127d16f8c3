import { StrataError } from '../../../shared/errors';

/** The largest slippage tolerance accepted: 50%. Anything wider is no protection and most likely a typo. */
export const MAX_SLIPPAGE_BPS = 5_000;

/**
 * The amountOutMin a swap sends for a quoted output and a slippage tolerance in basis points, rounded down:
 * quote * (10000 - slippageBps) / 10000. The router reverts (INSUFFICIENT_OUTPUT_AMOUNT) below it.
 * @throws StrataError INVALID_INPUT for a slippage that is not an integer from 0 to MAX_SLIPPAGE_BPS,
 *   INVALID_AMOUNT for a quote <= 0
 */
export function minAmountOut(quotedAmountOut: bigint, slippageBps: number): bigint {
  if (!Number.isInteger(slippageBps) || slippageBps < 0 || slippageBps > MAX_SLIPPAGE_BPS) {
    throw new StrataError('INVALID_INPUT', `Slippage must be a whole number of basis points from 0 to ${MAX_SLIPPAGE_BPS}`);
  }
  if (quotedAmountOut <= 0n) throw new StrataError('INVALID_AMOUNT', 'The quoted output must be positive');
  return (quotedAmountOut * BigInt(10_000 - slippageBps)) / 10_000n;
}
