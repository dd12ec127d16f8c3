import { decodeFunctionResult, encodeFunctionData, parseAbi, type Abi, type Hex } from 'viem';
import { StrataError } from '../../../../shared/errors';
import type { JsonRpcCall } from '../../rpc/httpJsonRpc';

const MULTICALL3_ABI = parseAbi(['function aggregate3((address target, bool allowFailure, bytes callData)[] calls) payable returns ((bool success, bytes returnData)[] returnData)']);

/** One call of a batch: its target and calldata. Every call may fail (allowFailure). */
export interface BatchCall {
  target: `0x${string}`;
  callData: Hex;
}

/** A call's outcome: its return data, or null when it reverted. */
export type BatchResult = Hex | null;

/**
 * Runs `calls` in ONE eth_call of Multicall3's aggregate3 with allowFailure on each (QuoterV2 and pools that do not
 * exist revert by design), and returns each call's return data or null, in order.
 * @throws StrataError RPC_UNAVAILABLE (from the RPC), INTERNAL when the answer does not decode
 */
export async function aggregate3(rpc: JsonRpcCall, multicall3: `0x${string}`, calls: readonly BatchCall[]): Promise<BatchResult[]> {
  if (calls.length === 0) return [];
  const data = encodeFunctionData({ abi: MULTICALL3_ABI, functionName: 'aggregate3', args: [calls.map((c) => ({ ...c, allowFailure: true }))] });
  const raw = await rpc<Hex>('eth_call', [{ to: multicall3, data }, 'latest']);
  let decoded: readonly { success: boolean; returnData: Hex }[];
  try {
    decoded = decodeFunctionResult({ abi: MULTICALL3_ABI, functionName: 'aggregate3', data: raw });
  } catch (error) {
    throw new StrataError('INTERNAL', `Multicall3 at ${multicall3} answered something that is not an aggregate3 result`, { cause: error });
  }
  if (decoded.length !== calls.length) throw new StrataError('INTERNAL', `Multicall3 returned ${decoded.length} results for ${calls.length} calls`);
  return decoded.map((r) => (r.success && r.returnData !== '0x' ? r.returnData : null));
}

/** Decodes one batch result of `functionName`, or undefined when the call failed or answered garbage. */
export function decodeResult<T>(abi: Abi | readonly unknown[], functionName: string, data: BatchResult): T | undefined {
  if (data === null) return undefined;
  try {
    return decodeFunctionResult({ abi: abi as Abi, functionName, data }) as T;
  } catch {
    return undefined;
  }
}
