/**
 * One adapter per chain family (EVM, Cosmos), the same shape for both (STYLE.md §5): read balances, quote fees,
 * validate and craft a transfer, send it with an injected signer, and check a transaction's status. Adapters never
 * see keys: signing goes through `DigestSigner`, which the vault backs.
 */
import type { AssetInfo } from '../../../shared/domain/asset';
import type { ChainInfo } from '../../../shared/domain/chain';
import type { ActivityStatus, FeeTier } from '../../../shared/domain/send';

/** Where to reach a chain: endpoints in failover order. */
export interface ChainEndpoint {
  chain: ChainInfo;
  endpoints: string[];
}

/** Signs 32-byte digests with one account's key on one chain (the vault implements it). */
export interface DigestSigner {
  address: string;
  /** 33-byte compressed secp256k1 public key */
  publicKey: Uint8Array;
  signDigest(digest: Uint8Array): Promise<{ signature: Uint8Array; recovery: number }>;
  /**
   * Present on signers that must see the whole transaction (a Ledger shows it on its screen): signs an EVM
   * transaction's unsigned serialization (type byte + RLP) instead of its digest.
   */
  signEvmTransaction?(unsignedSerialized: Uint8Array): Promise<{ signature: Uint8Array; recovery: number }>;
  /** Likewise for Cosmos: signs the sorted amino JSON sign bytes (a Ledger's Cosmos app); r || s, low-s. */
  signAminoJson?(signBytes: Uint8Array): Promise<Uint8Array>;
}

export interface TransferRequest {
  from: string;
  /** the sender's public key (Cosmos needs it to simulate); null for watch-only checks */
  publicKey: Uint8Array | null;
  to: string;
  asset: AssetInfo;
  amount: bigint;
  tier: FeeTier;
}

/** A validated, unsigned transfer with its fee quotes. `unsigned` is the adapter's own, opaque to callers. */
export interface PreparedTransfer {
  chain: ChainInfo;
  from: string;
  to: string;
  asset: AssetInfo;
  amount: bigint;
  tier: FeeTier;
  /** maximum fee per tier, in the native asset's base units */
  fees: Record<FeeTier, bigint>;
  feeAsset: AssetInfo;
  /** EVM nonce or Cosmos sequence this transfer will use */
  nonce: bigint;
  unsigned: unknown;
}

export interface SentTransfer {
  hash: string;
  nonce: bigint;
}

export interface TransactionStatus {
  status: ActivityStatus;
  blockNumber: bigint | null;
  /** fee actually paid, once known */
  feePaid: bigint | null;
  error: string | null;
}

/** One balance read: the amount, or why this cell could not be read (the other cells still were). */
export type BalanceRead = { ok: true; amount: bigint } | { ok: false; error: string };

export interface ChainAdapter {
  /**
   * Balances of every address for every asset, in as few round trips as the family allows (EVM: one Multicall3
   * call per chain). Result indexed [address][asset].
   * @throws RPC_UNAVAILABLE, CHAIN_ID_MISMATCH
   */
  getBalances(target: ChainEndpoint, addresses: string[], assets: AssetInfo[]): Promise<bigint[][]>;
  /**
   * Like getBalances, but a cell that could not be read (a token contract that reverts or is missing) is an error in
   * its place instead of failing the whole chain (EVM). @throws RPC_UNAVAILABLE, CHAIN_ID_MISMATCH
   */
  readBalances?(target: ChainEndpoint, addresses: string[], assets: AssetInfo[]): Promise<BalanceRead[][]>;
  /**
   * Validates a transfer against the chain (address format, balance including the fee, gas) and prices it.
   * Nothing is signed. @throws INVALID_ADDRESS, INSUFFICIENT_FUNDS, INVALID_AMOUNT, RPC_UNAVAILABLE, CHAIN_ID_MISMATCH
   */
  prepareTransfer(target: ChainEndpoint, request: TransferRequest): Promise<PreparedTransfer>;
  /** The largest amount of `asset` that `from` can send at this fee tier (the fee left aside when it is native). */
  maxSendable(target: ChainEndpoint, request: Omit<TransferRequest, 'amount' | 'to'> & { to?: string }): Promise<bigint>;
  /**
   * Signs the prepared transfer at its chosen tier and broadcasts it; returns once the node accepted it.
   * `beforeBroadcast` runs with the signed transaction's hash before it leaves: the journal records it there, so a
   * crash after the broadcast cannot lose it.
   */
  sendTransfer(
    target: ChainEndpoint,
    prepared: PreparedTransfer,
    signer: DigestSigner,
    options?: { beforeBroadcast?: (tx: SentTransfer) => Promise<void> },
  ): Promise<SentTransfer>;
  /**
   * Where a transaction stands now (one look, no waiting). `sentAt` (ms since epoch, the journal's createdAt) starts
   * the grace period after which a transaction the network does not know is `dropped` (EVM).
   */
  getTransactionStatus(target: ChainEndpoint, hash: string, nonce: bigint, from: string, options?: { sentAt?: number }): Promise<TransactionStatus>;
}
