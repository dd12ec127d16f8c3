import { StrataError } from '../../../shared/errors';
import type { TransactionStatus } from '../chains/chainAdapter';
import type { JsonRpcCall } from '../rpc/httpJsonRpc';
import { quantity } from './rpcValues';

/**
 * How long a transaction unknown to the node, whose nonce is still unused, stays `pending` before we call it
 * `dropped`: 10 minutes. A node may not have it yet (load-balanced providers share their mempools with a delay) or may
 * have evicted it (underpriced after a base-fee rise). Calling it dropped is safe: its nonce is unused, so the next
 * transaction of this account takes the same nonce and replaces it if it ever resurfaces.
 */
export const DROPPED_GRACE_MS = 10 * 60 * 1000;

export interface EvmStatusQuery {
  hash: string;
  /** the nonce the transaction used */
  nonce: bigint;
  /** its sender (EIP-55) */
  from: string;
  /** since when the transaction is known to exist (ms since epoch); unknown for longer than the grace -> dropped */
  since: number;
  now: number;
}

/**
 * One look at a transaction: a receipt with status 1 -> `confirmed` (block number, fee paid = gasUsed ×
 * effectiveGasPrice), status 0 -> `failed`; no receipt but the node knows the transaction -> `pending`; unknown and
 * the sender's mined nonce is past this nonce -> `dropped` (another transaction took the nonce: replaced or cancelled);
 * unknown otherwise -> `pending` until DROPPED_GRACE_MS after `since`, then `dropped`.
 * @throws INVALID_INPUT for a malformed hash, RPC_UNAVAILABLE, CHAIN_ID_MISMATCH
 */
export async function getEvmTransactionStatus(call: JsonRpcCall, query: EvmStatusQuery): Promise<TransactionStatus> {
  if (!/^0x[0-9a-fA-F]{64}$/.test(query.hash)) throw new StrataError('INVALID_INPUT', 'A transaction hash is 0x and 64 hex digits');
  const receipt = await call<{ status?: unknown; blockNumber?: unknown; gasUsed?: unknown; effectiveGasPrice?: unknown } | null>(
    'eth_getTransactionReceipt',
    [query.hash],
  );
  if (receipt !== null && typeof receipt === 'object') {
    const status = quantity(receipt.status, 'receipt status');
    const blockNumber = quantity(receipt.blockNumber, 'block number');
    const feePaid = quantity(receipt.gasUsed, 'gas used') * quantity(receipt.effectiveGasPrice, 'gas price');
    return status === 1n
      ? { status: 'confirmed', blockNumber, feePaid, error: null }
      : { status: 'failed', blockNumber, feePaid, error: 'The transaction reverted on chain (the fee was still paid)' };
  }
  const known = await call<unknown>('eth_getTransactionByHash', [query.hash]);
  if (known !== null && known !== undefined) return pending();
  const mined = quantity(await call('eth_getTransactionCount', [query.from, 'latest']), 'transaction count');
  if (mined > query.nonce) {
    return { status: 'dropped', blockNumber: null, feePaid: null, error: `Another transaction used nonce ${query.nonce}: this one was replaced or dropped` };
  }
  if (query.now - query.since > DROPPED_GRACE_MS) {
    return { status: 'dropped', blockNumber: null, feePaid: null, error: 'The network no longer knows this transaction; it was never mined' };
  }
  return pending();
}

function pending(): TransactionStatus {
  return { status: 'pending', blockNumber: null, feePaid: null, error: null };
}
