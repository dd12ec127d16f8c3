import { toHex } from '@cosmjs/encoding';
import type { CosmosNode } from './createCosmosRpc';
import { normalizeEventAttributes, type CosmosEvent } from './normalizeEventAttributes';

/** A transaction a `tx_search` found: its hash (uppercase hex), height, result code and plain-text events. */
export interface FoundTxEvents {
  hash: string;
  height: number;
  code: number;
  events: CosmosEvent[];
}

/** Event query conditions are `key='value'`: quotes would end the value, so they are refused rather than escaped. */
const SAFE_VALUE = /^[A-Za-z0-9/._:-]{1,128}$/;

/**
 * Transactions matching every `event.attribute = value` condition (`tx_search`, first page, oldest first), with
 * events decoded whatever the node's CometBFT version writes (base64 on 0.34).
 * @throws Error for a value that is not a plain identifier; RpcTransportError / RpcResponseError from the node
 */
export async function searchTxs(node: CosmosNode, conditions: Readonly<Record<string, string>>): Promise<FoundTxEvents[]> {
  const parts = Object.entries(conditions).map(([key, value]) => {
    if (!SAFE_VALUE.test(key) || !SAFE_VALUE.test(value)) throw new Error('unsafe tx_search condition');
    return /^[0-9]+$/.test(value) ? `${key}=${value}` : `${key}='${value}'`;
  });
  const response = await node.comet.txSearch({ query: parts.join(' AND '), prove: false, page: 1, per_page: 30, order_by: 'asc' });
  return response.txs.map((tx) => ({
    hash: toHex(tx.hash).toUpperCase(),
    height: tx.height,
    code: tx.result.code,
    events: normalizeEventAttributes(tx.result.events, node.attributeEncoding),
  }));
}

/** The node's latest block height and time (ms). */
export async function latestBlock(node: CosmosNode): Promise<{ height: bigint; timeMs: number }> {
  const status = await node.comet.status();
  return { height: BigInt(status.syncInfo.latestBlockHeight), timeMs: status.syncInfo.latestBlockTime.getTime() };
}
