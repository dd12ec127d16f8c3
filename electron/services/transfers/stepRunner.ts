import type { RouteStep } from '../../../shared/domain/route';
import type { DeliveryState } from '../bridges/bridgeAdapter';
import type { CallRecord, FailureAction, FundsAt, StepFailure, StepRecord } from '../../../shared/domain/transferRecord';

/** A transaction a step wants sent, not signed yet (the nonce is taken when it is signed). */
export interface UnsignedCall {
  /** short name for the journal and the UI: "approve", "swap", "send" */
  label: string;
  /** EIP-55 contract or recipient */
  to: string;
  data: string;
  value: bigint;
  /** fixed gas limit; default: eth_estimateGas + 20% */
  gasLimit?: bigint;
  /** the gas fee the user reviewed for this call's step, wei: signing stops above it + 25% (QUOTE_CHANGED) */
  reviewedGasFeeWei?: bigint;
  /** a bridge send's key for its tracker (BridgeAdapter.buildSend's), journaled with the step and back in `ctx.record` */
  trackingKey?: string;
}

/** A signed transaction: what the journal keeps BEFORE the broadcast. */
export interface SignedCall {
  chain: string;
  from: string;
  nonce: bigint;
  hash: string;
  /** the serialized signed transaction, 0x hex */
  raw: string;
}

export interface CallReceipt {
  /** 1 success, 0 reverted */
  status: 0 | 1;
  blockNumber: bigint;
  logs: Array<{ address: string; topics: string[]; data: string }>;
}

/**
 * One look at a journaled transaction: mined (with its receipt), known to the node and waiting, unknown to the node
 * with its nonce unused (not broadcast yet, or lost), or unknown with its nonce taken by another transaction.
 */
export type CallStatus = { kind: 'mined'; receipt: CallReceipt } | { kind: 'pending' } | { kind: 'unknown' } | { kind: 'replaced' };

/** What the executor tells a step runner about the step at hand. */
export interface StepContext {
  transferId: string;
  step: RouteStep;
  record: StepRecord;
  /** the actual input in base units (the previous step's actual output when it was recorded) */
  amountIn: bigint;
  /** receipts of this step's calls confirmed so far, in order (empty on the first call) */
  confirmed: CallReceipt[];
}

/** Sends and looks up transactions on one chain for one account (see evmCallTransport.ts). */
export interface CallTransport {
  chain: string;
  /** the account that signs, EIP-55 */
  from: string;
  /** Signs a call with the account's next nonce. Nothing is sent. @throws TX_FAILED (would revert), INSUFFICIENT_FUNDS, RPC_UNAVAILABLE */
  sign(call: UnsignedCall): Promise<SignedCall>;
  /**
   * Broadcasts signed bytes. Idempotent: the node already having this transaction counts as success.
   * @throws TX_REJECTED / INSUFFICIENT_FUNDS (refused), RPC_UNAVAILABLE (fate unknown)
   */
  broadcast(signed: Pick<SignedCall, 'raw' | 'hash'>): Promise<void>;
  /** Where a journaled transaction stands now (one look). */
  status(call: Pick<CallRecord, 'hash' | 'from' | 'nonce'>): Promise<CallStatus>;
}

/** One look at a delivery with what the bridge said about it. */
export interface DeliveryLook {
  state: DeliveryState;
  /** the bridge's own words (a failure's message quotes them) */
  detail?: string;
  /** inflight but blocked by something the protocol retries by itself: the step is marked delayed at once */
  stalled?: boolean;
}

/** Where the funds are after a step failed, and what the user can do. */
export interface FailureReport {
  fundsAt: FundsAt;
  action: FailureAction;
  summary: string;
}

/**
 * How one route step is carried out. The executor owns ordering, journaling and resuming; a runner only says which
 * calls the step needs and what came out of them. Implementations live with the swap venues and bridge adapters.
 */
export interface StepRunner {
  transport: CallTransport;
  /**
   * The step's next call given the calls confirmed so far (an approval, then the action), or null when the step is
   * done. Called again after each confirmation, and after a resume, so it must read the chain (an allowance already
   * granted) rather than remember. @throws as CallTransport.sign
   */
  nextCall(ctx: StepContext): Promise<UnsignedCall | null>;
  /** The step's actual output from its receipts (a swap's Transfer/Swap log), base units; null when it cannot tell. */
  amountOut?(ctx: StepContext): Promise<bigint | null>;
  /** Bridge steps: one look at the delivery on the destination chain after the source transaction confirmed. */
  trackDelivery?(ctx: StepContext): Promise<DeliveryState | DeliveryLook>;
  /** Where the funds are after this step failed; the executor's default names the step's input on its source chain. */
  describeFailure?(ctx: StepContext, reason: StepFailure['reason']): FailureReport;
}
