import { setTimeout as sleep } from 'node:timers/promises';
import { decodeTxRaw } from '@cosmjs/proto-signing';
import { hexToBytes } from '@noble/hashes/utils.js';
import { StrataError } from '../../../../shared/errors';
import { RpcResponseError, RpcTransportError } from '../rpc/jsonRpcTransport';
import type { CosmosNode, CosmosRpc } from '../rpc/createCosmosRpc';
import { normalizeEventAttributes, type CosmosEvent } from '../rpc/normalizeEventAttributes';
import { safeText, txFailure } from './txFailure';
import { cosmosTxHash } from './txHash';

export interface CosmosTxResult {
  hash: string;
  height: number;
  gasWanted: bigint;
  gasUsed: bigint;
  /** the transaction's events, attribute keys and values as plain text whatever the node version */
  events: CosmosEvent[];
}

export interface BroadcastOptions {
  /** How long to wait for inclusion; default 60 s. */
  timeoutMs?: number;
  /** Delay between two look-ups of the hash; default 1 s. */
  pollIntervalMs?: number;
}

/** The SDK's ErrTxInMempoolCache: the node already has this very transaction. */
const ALREADY_IN_MEMPOOL = 19;

/**
 * Broadcasts signed TxRaw bytes (`broadcast_tx_sync`: CheckTx only) and polls `tx(hash)` until the transaction is in
 * a block. A broadcast that an endpoint may have received before it failed over is not final: when the next endpoint
 * rejects it, we still look for the hash before reporting the rejection.
 * @throws StrataError TX_FAILED (rejected at CheckTx, failed in the block, or not seen before the timeout: the
 *   message says which), INSUFFICIENT_FUNDS (rejected for funds), RPC_UNAVAILABLE, CHAIN_ID_MISMATCH
 */
export async function broadcastAndWait(client: CosmosRpc, txBytes: Uint8Array, options: BroadcastOptions = {}): Promise<CosmosTxResult> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const pollIntervalMs = options.pollIntervalMs ?? 1_000;
  const hash = cosmosTxHash(txBytes);
  let attempts = 0;
  const checkTx = await client.withNode(async (node) => {
    attempts += 1;
    try {
      const response = await node.comet.broadcastTxSync({ tx: txBytes });
      return { code: response.code, codespace: response.codespace ?? '', log: response.log ?? '' };
    } catch (error) {
      if (!(error instanceof RpcResponseError)) throw error;
      // CometBFT refuses a transaction its mempool cache already holds before the app sees it.
      if (/already exists in cache/i.test(error.dataText)) return { code: 0, codespace: '', log: '' };
      throw new StrataError('TX_FAILED', 'The node refused the transaction', {
        details: safeText(`hash=${hash} ${error.rpcMessage} ${error.dataText}`, 300),
      });
    }
  }).catch((error: unknown) => {
    // An endpoint that timed out may have taken the transaction: the caller must not take this for "not sent".
    if (error instanceof StrataError && error.code === 'RPC_UNAVAILABLE' && attempts > 0) {
      throw new StrataError(
        'RPC_UNAVAILABLE',
        'No RPC endpoint confirmed the broadcast; the transaction may still be included. Check its hash before sending again.',
        { details: `hash=${hash} ${error.details ?? ''}`.trim() },
      );
    }
    throw error;
  });
  const codespace = checkTx.codespace;
  if (checkTx.code !== 0 && !(checkTx.code === ALREADY_IN_MEMPOOL && (codespace === '' || codespace === 'sdk'))) {
    const rejection = txFailure('checkTx', { code: checkTx.code, codespace, log: checkTx.log }, hash);
    if (attempts === 1) throw rejection;
    const { found } = await waitForTx(client, hash, Math.min(timeoutMs, 10 * pollIntervalMs), pollIntervalMs);
    if (found === null) throw rejection;
    return settled(found, hash);
  }
  const { found, lastFailure } = await waitForTx(client, hash, timeoutMs, pollIntervalMs);
  if (found === null) {
    throw new StrataError(
      'TX_FAILED',
      `The transaction was not seen in a block within ${Math.ceil(timeoutMs / 1000)} s; it may still be included. ` +
        `Check its hash before sending again.`,
      { details: [`hash=${hash}`, lastFailure].filter((part) => part !== '').join(' ') },
    );
  }
  return settled(found, hash);
}

export interface FoundTx {
  height: number;
  code: number;
  codespace: string;
  log: string;
  gasWanted: bigint;
  gasUsed: bigint;
  events: CosmosEvent[];
  /**
   * The fee the transaction carried, charged in full whether its messages succeeded or not (x/auth deducts it before
   * they run; x/feemarket escrows all of it and pays the excess as a tip): from the included tx's auth info.
   */
  fee: Array<{ denom: string; amount: bigint }>;
}

function settled(found: FoundTx, hash: string): CosmosTxResult {
  if (found.code !== 0) throw txFailure('deliverTx', found, hash);
  return { hash, height: found.height, gasWanted: found.gasWanted, gasUsed: found.gasUsed, events: found.events };
}

/**
 * Polls until the hash is found, or the time is up (`found: null`, with the last endpoint failure if any). Endpoints
 * that are down meanwhile do not end the wait: the transaction may be included all the same.
 */
async function waitForTx(
  client: CosmosRpc,
  hash: string,
  timeoutMs: number,
  pollIntervalMs: number,
): Promise<{ found: FoundTx | null; lastFailure: string }> {
  const deadline = Date.now() + timeoutMs;
  let lastFailure = '';
  for (;;) {
    try {
      const found = await client.withNode((node) => lookUpTx(node, hash));
      if (found !== null) return { found, lastFailure };
    } catch (error) {
      if (!(error instanceof StrataError && error.code === 'RPC_UNAVAILABLE')) throw error;
      lastFailure = error.details ?? error.message;
    }
    const left = deadline - Date.now();
    if (left <= 0) return { found: null, lastFailure };
    await sleep(Math.min(pollIntervalMs, left));
  }
}

/** The fee coins of TxRaw bytes; none when the bytes do not decode (the node answered for the hash all the same). */
function feeOfTx(txBytes: Uint8Array): Array<{ denom: string; amount: bigint }> {
  try {
    const coins = decodeTxRaw(txBytes).authInfo.fee?.amount ?? [];
    return coins.filter((coin) => /^[0-9]{1,78}$/.test(coin.amount)).map((coin) => ({ denom: coin.denom, amount: BigInt(coin.amount) }));
  } catch {
    return [];
  }
}

/** One look-up of a transaction by hash on one node: null when the node does not know it (yet). */
export async function lookUpTx(node: CosmosNode, hash: string): Promise<FoundTx | null> {
  try {
    const response = await node.comet.tx({ hash: hexToBytes(hash) });
    return {
      height: response.height,
      code: response.result.code,
      codespace: response.result.codespace ?? '',
      log: response.result.log ?? '',
      gasWanted: response.result.gasWanted,
      gasUsed: response.result.gasUsed,
      events: normalizeEventAttributes(response.result.events, node.attributeEncoding),
      fee: feeOfTx(response.tx),
    };
  } catch (error) {
    if (error instanceof RpcResponseError && /not found/i.test(`${error.rpcMessage} ${error.dataText}`)) return null;
    // E.g. "transaction indexing is disabled": this endpoint cannot confirm anything, another one may.
    if (error instanceof RpcResponseError) {
      throw new RpcTransportError(node.label, `cannot look up transactions (${safeText(error.rpcMessage, 80)})`);
    }
    throw error;
  }
}

