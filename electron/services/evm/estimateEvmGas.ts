import { StrataError } from '../../../shared/errors';
import type { JsonRpcCall } from '../rpc/httpJsonRpc';
import { RpcResponseError } from '../rpc/rpcErrors';
import { hexData, quantity, toRpcQuantity } from './rpcValues';

/** Gas of a plain value transfer to an account without code (the intrinsic cost of any transaction). */
export const NATIVE_TRANSFER_GAS = 21_000n;

/**
 * Added to eth_estimateGas answers: 20%. An estimate is exact for the state it ran on, but a token transfer's cost moves
 * with state that can change before inclusion (the recipient's balance slot going from zero to non-zero costs 15,000
 * more gas, a proxy's implementation may change). Unused gas is refunded, so the margin raises the maximum fee shown,
 * not what is paid.
 */
export const GAS_MARGIN_PERCENT = 20n;

export interface GasRequest {
  from: string;
  to: string;
  value: bigint;
  /** calldata, `0x` or omitted for a plain value transfer */
  data?: string;
}

/**
 * The gas limit of a transaction. A plain value transfer to an address without code is exactly 21,000 (one
 * eth_getCode, no estimate); anything else is eth_estimateGas plus GAS_MARGIN_PERCENT, rounded up.
 * @throws TX_FAILED when the transaction would revert, INSUFFICIENT_FUNDS, RPC_UNAVAILABLE, CHAIN_ID_MISMATCH
 */
export async function estimateEvmGas(call: JsonRpcCall, request: GasRequest): Promise<bigint> {
  const data = request.data ?? '0x';
  if (data === '0x') {
    const code = hexData(await call('eth_getCode', [request.to, 'latest']), 'contract code');
    if (code === '0x') return NATIVE_TRANSFER_GAS;
  }
  let estimate: bigint;
  try {
    estimate = quantity(await call('eth_estimateGas', [{ from: request.from, to: request.to, value: toRpcQuantity(request.value), data }]), 'gas estimate');
  } catch (error) {
    if (!(error instanceof RpcResponseError)) throw error;
    if (/insufficient funds/i.test(error.rpcMessage)) {
      throw new StrataError('INSUFFICIENT_FUNDS', 'This account cannot pay for this transaction', { cause: error });
    }
    throw new StrataError('TX_FAILED', `This transaction would fail on chain: ${error.rpcMessage || 'reverted'}`, { cause: error, details: error.details });
  }
  return (estimate * (100n + GAS_MARGIN_PERCENT) + 99n) / 100n;
}
