import type { Transaction } from 'ethers';
import { StrataError } from '../../../shared/errors';
import type { JsonRpcCall } from '../rpc/httpJsonRpc';
import { RpcResponseError } from '../rpc/rpcErrors';

/**
 * Broadcasts a signed transaction with `eth_sendRawTransaction` and returns its hash (computed locally, so it is known
 * before the node answers). A node that already has this exact transaction ("already known", e.g. after a failover
 * that resent it) counts as accepted.
 * @throws TX_REJECTED with the node's reason (nonce too low, underpriced, wrong chain…), INSUFFICIENT_FUNDS,
 *   RPC_UNAVAILABLE (the transaction may or may not have reached a node), CHAIN_ID_MISMATCH
 */
export async function sendEvmTransaction(call: JsonRpcCall, signed: Transaction): Promise<string> {
  const hash = signed.hash;
  if (hash === null || !signed.isSigned()) throw new StrataError('INTERNAL', 'Only a signed transaction can be sent');
  let answer: unknown;
  try {
    answer = await call('eth_sendRawTransaction', [signed.serialized]);
  } catch (error) {
    if (!(error instanceof RpcResponseError)) throw error;
    if (/already known|known transaction|already imported|already in the mempool/i.test(error.rpcMessage)) return hash;
    throw rejection(error);
  }
  if (typeof answer !== 'string' || answer.toLowerCase() !== hash.toLowerCase()) {
    throw new StrataError('RPC_UNAVAILABLE', 'The node accepted the transaction under an unexpected hash', { details: `expected ${hash}` });
  }
  return hash;
}

function rejection(error: RpcResponseError): StrataError {
  const reason = error.rpcMessage || `JSON-RPC error ${error.rpcCode}`;
  // geth and most nodes say "insufficient funds"; Hardhat/EDR "doesn't have enough funds".
  if (/insufficient funds|enough funds/i.test(reason)) {
    return new StrataError('INSUFFICIENT_FUNDS', `The node refused the transaction: ${reason}`, { cause: error, details: error.details });
  }
  return new StrataError('TX_REJECTED', `The node refused the transaction: ${reason}`, { cause: error, details: error.details });
}
