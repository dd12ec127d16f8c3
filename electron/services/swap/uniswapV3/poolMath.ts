/**
 * Price impact and liquidity share of a Uniswap V3 trade from each pool's slot0 price and active liquidity: exact
 * bigint arithmetic, no floats.
 */

const Q96 = 2n ** 96n;
const Q192 = 2n ** 192n;

/** One pool a trade crosses: its price before, its active liquidity, and the direction. */
export interface PoolHop {
  sqrtPriceX96: bigint;
  liquidity: bigint;
  /** token0 in, token1 out. */
  zeroForOne: boolean;
  /** What goes into this pool. */
  amountIn: bigint;
}

/**
 * 1 - amountOut / (amountIn × Π mid price), in basis points rounded down (0 when the trade does better): the loss
 * against the pools' mid prices (sqrtPriceX96² / 2¹⁹² token1 per token0), LP fees included.
 */
export function priceImpactBps(amountIn: bigint, amountOut: bigint, hops: readonly Pick<PoolHop, 'sqrtPriceX96' | 'zeroForOne'>[]): number {
  let num = amountIn;
  let den = 1n;
  for (const hop of hops) {
    const p = hop.sqrtPriceX96 * hop.sqrtPriceX96;
    if (p === 0n) return 10_000;
    num *= hop.zeroForOne ? p : Q192;
    den *= hop.zeroForOne ? Q192 : p;
  }
  if (num === 0n) return 10_000;
  const shortfall = num - amountOut * den;
  return shortfall <= 0n ? 0 : Number((shortfall * 10_000n) / num);
}

/**
 * The virtual reserve of the input token at the pool's price, from its active liquidity L: token0 L·2⁹⁶/√P,
 * token1 L·√P/2⁹⁶ (what a V2 pool with the same depth here would hold).
 */
export function virtualReserveIn(hop: Pick<PoolHop, 'sqrtPriceX96' | 'liquidity' | 'zeroForOne'>): bigint {
  if (hop.sqrtPriceX96 === 0n) return 0n;
  return hop.zeroForOne ? (hop.liquidity * Q96) / hop.sqrtPriceX96 : (hop.liquidity * hop.sqrtPriceX96) / Q96;
}

/** The largest share of a pool's active (virtual) input reserve any hop takes, basis points; 10000 when a pool has none. */
export function liquidityShareBps(hops: readonly PoolHop[]): number {
  let worst = 0;
  for (const hop of hops) {
    const reserve = virtualReserveIn(hop);
    const share = reserve === 0n ? 10_000 : Number((hop.amountIn * 10_000n) / reserve > 10_000n ? 10_000n : (hop.amountIn * 10_000n) / reserve);
    worst = Math.max(worst, share);
  }
  return worst;
}
