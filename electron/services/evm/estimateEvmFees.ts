import { StrataError } from '../../../shared/errors';
import type { JsonRpcCall } from '../rpc/httpJsonRpc';
import { evmFeeTiers, FEE_PERCENTILES, type EvmFees, type FeeHistory } from './evmFeeTiers';
import { quantity, toRpcQuantity } from './rpcValues';

/** Blocks of history the tiers are computed from. */
export const FEE_HISTORY_BLOCKS = 10;

/**
 * EIP-1559 fee tiers (slow, normal, fast) from one `eth_feeHistory` over the last FEE_HISTORY_BLOCKS blocks with
 * reward percentiles [10, 50, 90]; see evmFeeTiers for the formula.
 * @throws RPC_UNAVAILABLE (also for a malformed history), CHAIN_ID_MISMATCH
 */
export async function estimateEvmFees(call: JsonRpcCall): Promise<EvmFees & { history: FeeHistory }> {
  const percentiles = [FEE_PERCENTILES.slow, FEE_PERCENTILES.normal, FEE_PERCENTILES.fast];
  const raw = await call<unknown>('eth_feeHistory', [toRpcQuantity(BigInt(FEE_HISTORY_BLOCKS)), 'latest', percentiles]);
  const history = parseFeeHistory(raw, percentiles.length);
  return { ...evmFeeTiers(history), history };
}

/** Checks the shape of an eth_feeHistory answer. `reward` may be missing on some nodes: zero tips then. */
export function parseFeeHistory(raw: unknown, columns: number): FeeHistory {
  const value = raw as { baseFeePerGas?: unknown; gasUsedRatio?: unknown; reward?: unknown } | null;
  if (typeof value !== 'object' || value === null || !Array.isArray(value.baseFeePerGas) || !Array.isArray(value.gasUsedRatio)) {
    throw new StrataError('RPC_UNAVAILABLE', 'The node gave an unusable fee history');
  }
  const baseFeePerGas = value.baseFeePerGas.map((fee) => quantity(fee, 'base fee'));
  const gasUsedRatio = value.gasUsedRatio.map((ratio) => (typeof ratio === 'number' && Number.isFinite(ratio) ? ratio : 0));
  if (baseFeePerGas.length === 0) throw new StrataError('RPC_UNAVAILABLE', 'The node gave an empty fee history');
  const rewards = Array.isArray(value.reward) ? value.reward : [];
  const reward = gasUsedRatio.map((_, block) => {
    const row = rewards[block];
    return Array.from({ length: columns }, (_, column) => (Array.isArray(row) && row[column] !== undefined ? quantity(row[column], 'reward') : 0n));
  });
  return { baseFeePerGas, gasUsedRatio, reward };
}
