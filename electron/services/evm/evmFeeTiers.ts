import type { FeeTier } from '../../../shared/domain/send';

/** EIP-1559 fee caps of one tier, in wei per gas. */
export interface EvmFeeTier {
  maxFeePerGas: bigint;
  maxPriorityFeePerGas: bigint;
}

export interface EvmFees {
  /** base fee of the next block (the last entry of eth_feeHistory's baseFeePerGas) */
  nextBaseFeePerGas: bigint;
  tiers: Record<FeeTier, EvmFeeTier>;
}

/** eth_feeHistory, parsed: `baseFeePerGas` has one entry more than the blocks (the next block's). */
export interface FeeHistory {
  baseFeePerGas: bigint[];
  gasUsedRatio: number[];
  /** per block, the tips at the requested percentiles */
  reward: bigint[][];
}

/** Reward percentiles asked of eth_feeHistory, one per tier: slow, normal, fast. */
export const FEE_PERCENTILES = { slow: 10, normal: 50, fast: 90 } as const satisfies Record<FeeTier, number>;

/**
 * Smallest tip we offer: 0.01 gwei. Idle chains (and the devnet between our own transactions) report tips of zero,
 * and a zero tip gives a block producer no reason to include the transaction. 0.01 gwei × 21,000 gas is 2.1e-7 ETH:
 * nothing on mainnet, and small beside the base fee on L2s.
 */
export const MIN_PRIORITY_FEE_WEI = 10_000_000n;

/**
 * Slow / normal / fast fee caps from a fee history. For each tier, the tip is the median of that tier's percentile
 * over the blocks that carried transactions (empty blocks report zero tips, which say nothing about what gets
 * included), floored at MIN_PRIORITY_FEE_WEI; the median of an even count is the mean of the middle two, rounded down.
 * maxFeePerGas = 2 × next base fee + tip: the base fee can rise 12.5% per full block, so doubling it keeps the
 * transaction includable through about six full blocks in a row. Tiers are ordered slow ≤ normal ≤ fast because
 * each block's percentiles are.
 */
export function evmFeeTiers(history: FeeHistory): EvmFees {
  const nextBaseFeePerGas = history.baseFeePerGas[history.baseFeePerGas.length - 1] ?? 0n;
  const used = history.reward.filter((_, block) => (history.gasUsedRatio[block] ?? 0) > 0);
  const tier = (column: number): EvmFeeTier => {
    const tips = used.map((rewards) => rewards[column] ?? 0n);
    const tip = maxOf(median(tips), MIN_PRIORITY_FEE_WEI);
    return { maxPriorityFeePerGas: tip, maxFeePerGas: 2n * nextBaseFeePerGas + tip };
  };
  return { nextBaseFeePerGas, tiers: { slow: tier(0), normal: tier(1), fast: tier(2) } };
}

function median(values: bigint[]): bigint {
  if (values.length === 0) return 0n;
  const sorted = [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length % 2 === 1) return sorted[mid] as bigint;
  return ((sorted[mid - 1] as bigint) + (sorted[mid] as bigint)) / 2n;
}

function maxOf(a: bigint, b: bigint): bigint {
  return a > b ? a : b;
}
