import type { AssetInfo } from '../../../shared/domain/asset';
import { StrataError } from '../../../shared/errors';
import type { ChainAdapter, ChainEndpoint, DigestSigner, PreparedTransfer, SentTransfer, TransactionStatus } from '../chains/chainAdapter';
import type { FailoverRpc } from '../rpc/createFailoverRpc';
import type { BalanceRead } from './balanceRead';
import { createChainClients, processChainClients, type ChainClients } from '../chains/chainClients';
import type { EvmRpcOptions } from './createEvmRpc';
import { estimateEvmFees } from './estimateEvmFees';
import type { EvmFees } from './evmFeeTiers';
import { getEvmBalances, type GetEvmBalancesOptions } from './getEvmBalances';
import { getEvmTransactionStatus } from './getEvmTransactionStatus';
import { maxEvmSendable } from './maxEvmSendable';
import type { NonceManager } from './nonceManager';
import { parseEvmAsset } from './parseEvmAsset';
import { prepareEvmTransfer } from './prepareEvmTransfer';
import { sendEvmTransfer, type SendOptions } from './sendEvmTransfer';

export interface StatusOptions {
  /** when the transaction was sent (ms since epoch): the dropped grace period counts from here */
  sentAt?: number;
}

/** The EVM adapter: the common interface plus per-cell balance reads, fee tiers, and the send/status options. */
export interface EvmChainAdapter extends ChainAdapter {
  /** Like getBalances, but a cell that could not be read is an error there instead of failing the whole call. */
  readBalances(target: ChainEndpoint, addresses: string[], assets: AssetInfo[]): Promise<BalanceRead[][]>;
  estimateFees(target: ChainEndpoint): Promise<EvmFees>;
  sendTransfer(target: ChainEndpoint, prepared: PreparedTransfer, signer: DigestSigner, options?: SendOptions): Promise<SentTransfer>;
  getTransactionStatus(target: ChainEndpoint, hash: string, nonce: bigint, from: string, options?: StatusOptions): Promise<TransactionStatus>;
}

export interface EvmAdapterOptions {
  /**
   * Where RPC clients and nonces come from: default the process's (chains/chainClients.ts), shared with route steps;
   * with `rpc` options and no `clients`, a set of the adapter's own made with those options (tests).
   */
  clients?: ChainClients;
  /** Timeouts, headers and request observers for the RPC clients, when the adapter makes its own. */
  rpc?: EvmRpcOptions;
  /** Replaces the clients' NonceManager. */
  nonces?: NonceManager;
  balances?: GetEvmBalancesOptions;
  /** Clock in ms since epoch (tests). */
  now?: () => number;
}

/**
 * The EVM family behind the common ChainAdapter interface. One adapter serves every EVM chain: RPC clients come from
 * ChainClients (one per chain while its endpoints stay the same), so each endpoint's chain id is checked once, and
 * nonces are managed per (chain, address) across calls and shared with route steps, so back-to-back sends and swap
 * steps from one account work.
 */
export function createEvmAdapter(options: EvmAdapterOptions = {}): EvmChainAdapter {
  const clients = options.clients ?? (options.rpc ? createChainClients({ evm: options.rpc }) : processChainClients);
  const rpcFor = (target: ChainEndpoint): FailoverRpc => clients.evm(target);
  const nonces = options.nonces ?? clients.nonces;
  const now = options.now ?? Date.now;
  /** When each transaction was first asked about, for the dropped grace period when the caller gives no sentAt. */
  const firstSeen = new Map<string, number>();
  const context = (target: ChainEndpoint) => ({ call: rpcFor(target).request, nonces, balances: options.balances });

  // Every method is async so that input errors (thrown before any request) arrive as rejections, like the rest.
  const readBalances = async (target: ChainEndpoint, addresses: string[], assets: AssetInfo[]): Promise<BalanceRead[][]> => {
    for (const asset of assets) parseEvmAsset(asset, target.chain.id);
    return getEvmBalances(rpcFor(target).request, addresses, assets, options.balances);
  };

  return {
    readBalances,

    async getBalances(target, addresses, assets) {
      const reads = await readBalances(target, addresses, assets);
      return reads.map((row) =>
        row.map((read, column) => {
          if (read.ok) return read.amount;
          const symbol = (assets[column] as AssetInfo).symbol.slice(0, 16);
          throw new StrataError('UNKNOWN_ASSET', `Cannot read the ${symbol} balance on ${target.chain.name}: ${read.error}`);
        }),
      );
    },

    estimateFees: async (target) => estimateEvmFees(rpcFor(target).request),

    prepareTransfer: async (target, request) => prepareEvmTransfer(context(target), target, request),

    maxSendable: async (target, request) => maxEvmSendable(context(target), target, request),

    sendTransfer: async (target, prepared, signer, sendOptions) => sendEvmTransfer(context(target), target, prepared, signer, sendOptions),

    async getTransactionStatus(target, hash, nonce, from, statusOptions = {}) {
      const key = `${target.chain.id}|${hash.toLowerCase()}`;
      const at = now();
      if (!firstSeen.has(key)) firstSeen.set(key, at);
      const since = statusOptions.sentAt ?? (firstSeen.get(key) as number);
      const status = await getEvmTransactionStatus(rpcFor(target).request, { hash, nonce, from, since, now: at });
      if (status.status !== 'pending') firstSeen.delete(key);
      return status;
    },
  };
}
