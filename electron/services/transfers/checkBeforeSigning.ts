import { decodeErrorResult, parseAbi, type Hex } from 'viem';
import { StrataError } from '../../../shared/errors';
import type { JsonRpcCall } from '../rpc/httpJsonRpc';

/** A step's call is signed only while its gas limit × max fee stays within the reviewed gas fee plus this much. */
export const FEE_TOLERANCE_BPS = 2_500n;

/**
 * The fee ceiling: what the call may cost at most (gasLimit × maxFeePerGas, wei) against the gas fee the user
 * reviewed for its step (RouteStep's gas fee: units × max fee per gas at quote time), with FEE_TOLERANCE_BPS. A node
 * that inflates its fee history or gas estimate cannot make the wallet pay more.
 * @throws QUOTE_CHANGED (a new review is needed)
 */
export function assertWithinReviewedFee(tx: { gasLimit: bigint; maxFeePerGas: bigint }, reviewedGasFeeWei: bigint): void {
  const ceiling = (reviewedGasFeeWei * (10_000n + FEE_TOLERANCE_BPS)) / 10_000n;
  const most = tx.gasLimit * tx.maxFeePerGas;
  if (most > ceiling) {
    throw new StrataError('QUOTE_CHANGED', `The network fee rose above what you reviewed (up to ${most} wei against ${reviewedGasFeeWei} wei reviewed, 25% tolerance): nothing was signed, review the route again`);
  }
}

const ERROR_STRING = parseAbi(['error Error(string)']);

/**
 * Simulates a call on the user's own RPC before it is signed: eth_simulateV1 where the node has it, else eth_call.
 * A revert refuses with its reason. @throws TX_REJECTED ("… would revert: <reason>"), RPC_UNAVAILABLE
 */
export async function simulateBeforeSigning(rpc: JsonRpcCall, tx: { from: string; to: string; value: bigint; data: string; gas: bigint }, label: string): Promise<void> {
  const call = { from: tx.from, to: tx.to, value: `0x${tx.value.toString(16)}`, data: tx.data, gas: `0x${tx.gas.toString(16)}` };
  let revert: { reason: string } | null = null;
  try {
    const result = await rpc<Array<{ calls?: Array<{ status?: string; returnData?: Hex; error?: { message?: string; data?: Hex } }> }>>('eth_simulateV1', [{ blockStateCalls: [{ calls: [call] }], validation: false }, 'latest']);
    const first = result?.[0]?.calls?.[0];
    if (first && first.status === '0x0') revert = { reason: reasonOf(first.error?.data ?? first.returnData, first.error?.message) };
  } catch (error) {
    if (!methodMissing(error)) {
      revert = revertOf(error);
      if (revert === null) throw error;
    } else {
      try {
        await rpc('eth_call', [call, 'latest']);
      } catch (callError) {
        revert = revertOf(callError);
        if (revert === null) throw callError;
      }
    }
  }
  if (revert !== null) throw new StrataError('TX_REJECTED', `The ${label} would revert: ${revert.reason}; nothing was signed`);
}

function methodMissing(error: unknown): boolean {
  const text = error instanceof Error ? `${error.message} ${String((error as { details?: unknown }).details ?? '')}` : String(error);
  return /method not found|not supported|does not exist|unknown method|-32601|not available|unsupported/i.test(text);
}

function revertOf(error: unknown): { reason: string } | null {
  const text = error instanceof Error ? `${error.message} ${String((error as { details?: unknown }).details ?? '')}` : String(error);
  if (!/revert/i.test(text)) return null;
  const data = /0x08c379a0[0-9a-fA-F]*/.exec(text)?.[0] as Hex | undefined;
  return { reason: reasonOf(data, text.replace(/\s+/g, ' ').slice(0, 200)) };
}

function reasonOf(data: Hex | undefined, fallback: string | undefined): string {
  if (data && data.startsWith('0x08c379a0')) {
    try {
      return decodeErrorResult({ abi: ERROR_STRING, data }).args[0];
    } catch {
      // not a well-formed Error(string)
    }
  }
  return fallback ?? 'reverted';
}
