/**
 * The one interface every bridge implements (LayerZero OFT today; IBC transfer, Axelar, CCTP or Wormhole later): the
 * router and the executor only see this, never a protocol's own types. Adapters quote, build unsigned calls and
 * track delivery; they never sign (STYLE.md §5).
 */
import type { AssetInfo } from '../../../shared/domain/asset';
import type { CaipChainId } from '../../../shared/domain/chain';
import type { StepProvider } from '../../../shared/domain/route';
import type { ChainRpcs, ProviderFee, ReceiptLog, StepCall } from '../routing/routingTypes';

/** An asset a bridge carries from one chain to another (`fromAsset` on fromAsset.chain arrives as `toAsset`). */
export interface BridgeLeg {
  provider: StepProvider;
  fromAsset: AssetInfo;
  toAsset: AssetInfo;
}

export interface BridgeQuoteContext extends ChainRpcs {
  /** Tolerance in basis points below the expected delivery (0..5000). */
  slippageBps: number;
  /** Who will receive on the destination, when known (some fees depend on it); a placeholder is used otherwise. */
  recipient?: string;
}

export interface BridgeQuote {
  leg: BridgeLeg;
  /** Base units of leg.fromAsset taken from the sender. */
  amountIn: bigint;
  /** Base units of leg.toAsset expected on the destination. */
  amountOut: bigint;
  /** The least the destination may receive: the bridge refuses (reverts on the source) below it. */
  minAmountOut: bigint;
  /** Messaging and bridge fees (not gas: see gasUnits). */
  fees: ProviderFee[];
  /** Native coin (wei) the send transaction carries: the messaging fee. */
  callValue: bigint;
  /** Gas the source transactions need at most (approval included), for the gas fee estimate. */
  gasUnits: bigint;
  etaSeconds: number;
}

export interface BuiltSend {
  /** In order: an exact approval when the bridge pulls a token (never unlimited), then the send. */
  calls: StepCall[];
  /** Whatever trackDelivery needs beyond the source hash (LayerZero: the destination block to scan from). */
  trackingKey?: string;
}

export interface SentBridgeTx {
  chain: CaipChainId;
  txHash: string;
  trackingKey?: string;
  /** Who signed the send on `chain`, when the caller knows (a refund returns there). */
  sender?: string;
}

/** The delivery of a bridge step, one look (the executor's step runners use this one too). */
export type DeliveryState = 'inflight' | 'delivered' | 'failed';

export interface DeliveryStatus {
  state: DeliveryState;
  /** Short, safe to show ("waiting for the LayerZero relayer", "source transaction reverted"). */
  detail: string;
  destinationChain?: CaipChainId;
  destinationTxHash?: string;
  /** The protocol's message id (LayerZero GUID), once known from the source receipt. */
  guid?: string;
  /**
   * Where the funds are when a delivery failed (IBC: refunded to the sender on the source; Axelar: held on Axelar;
   * a pending refund names where it will reappear, never the escrow): the executor names this location in the failure.
   */
  fundsAt?: BridgeFundsLocation;
  /**
   * Inflight, but blocked now by a condition the protocol retries by itself (Axelar's destination gateway short of
   * the token, a timed-out forward PFM retries): the executor marks the step delayed at once instead of failing it.
   */
  stalled?: boolean;
}

/** A chain and address holding a failed delivery's funds, and what must still happen for them to come back. */
export interface BridgeFundsLocation {
  chain: CaipChainId;
  address: string;
  action: 'none' | 'refund-pending' | 'contact-support';
}

export interface BridgeAdapter {
  readonly id: StepProvider;
  /** The assets this bridge carries from `from` to `to.chain` (empty when it has no path). Pure: no RPC. */
  legs(from: { chain: CaipChainId; asset: AssetInfo }, to: { chain: CaipChainId }): BridgeLeg[];
  /** Prices carrying `amountIn` over `leg`. @throws INVALID_AMOUNT, INVALID_INPUT, RPC_UNAVAILABLE, PRICE_UNAVAILABLE */
  quote(leg: BridgeLeg, amountIn: bigint, ctx: BridgeQuoteContext): Promise<BridgeQuote>;
  /** The unsigned calls of a quoted send. @throws INVALID_ADDRESS, INVALID_AMOUNT */
  buildSend(quote: BridgeQuote, parties: { sender: string; recipient: string }, ctx: ChainRpcs): Promise<BuiltSend>;
  /** Where a sent transfer stands now (one look, no waiting). @throws RPC_UNAVAILABLE */
  trackDelivery(sent: SentBridgeTx, ctx: ChainRpcs): Promise<DeliveryStatus>;
  /**
   * Base units the destination will receive, read from the logs of the confirmed send of `sender` in the bridge's own
   * terms (LayerZero: OFTSent's amountReceivedLD; Axelar: TokenSent's amount less the fee; IBC: send_packet's
   * amount); null when the logs hold no such send. `chain` is where the send was made (one gateway address can serve
   * several chains).
   */
  deliveredAmount(
    logs: readonly ReceiptLog[],
    sender: string,
    chain?: CaipChainId,
  ): bigint | null | Promise<bigint | null>;
}
