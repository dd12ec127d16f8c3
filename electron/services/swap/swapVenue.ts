/**
 * The one interface every swap venue implements (Uniswap V2 on EVM chains today; an Osmosis poolmanager venue would
 * return `family: 'cosmos'` calls from buildSwap). The router sees only this.
 */
import type { AssetInfo } from '../../../shared/domain/asset';
import type { CaipChainId } from '../../../shared/domain/chain';
import type { StepProvider } from '../../../shared/domain/route';
import type { ProviderFee, ReceiptLog, StepCall } from '../routing/routingTypes';

/** A trade a venue can make on one chain (directed: tokenIn -> tokenOut). */
export interface SwapPair {
  tokenIn: AssetInfo;
  tokenOut: AssetInfo;
}

export interface SwapQuote {
  venue: StepProvider;
  chain: CaipChainId;
  tokenIn: AssetInfo;
  tokenOut: AssetInfo;
  amountIn: bigint;
  /** Expected output at the quoted state, venue fees included. */
  amountOut: bigint;
  /** Against the mid price, LP fees included, rounded down. */
  priceImpactBps: number;
  /** The venue's fees (Uniswap V2: 0.3% of each hop's input, in that hop's input token). Gas is separate. */
  fees: ProviderFee[];
  /** Gas the swap's transactions need at most (approval included), for the gas fee estimate. */
  gasUnits: bigint;
  /** The largest share of a pool's input reserve the trade takes, in basis points (THIN_LIQUIDITY). */
  reserveShareBps: number;
  /** The venue's own route (Uniswap: token addresses), for buildSwap and display. */
  path: readonly string[];
}

export interface SwapBuildOptions {
  /** Tolerance below quote.amountOut, in basis points; the chain reverts below it. */
  slippageBps: number;
  recipient: string;
  /** Unix time in seconds after which the venue refuses the swap. */
  deadline: bigint;
}

export interface BuiltSwap {
  /** In order: an exact approval when the input is a token (never unlimited), then the swap. */
  calls: StepCall[];
  /** What the swap call enforces as its least output. */
  minAmountOut: bigint;
}

export interface SwapVenue {
  readonly id: StepProvider;
  /** Every trade this venue can make on `chain` (empty when it is not there). Pure: no RPC. */
  pairs(chain: CaipChainId): SwapPair[];
  /** Quotes an exact-input trade now. @throws INVALID_INPUT (no such pair), INVALID_AMOUNT, PRICE_UNAVAILABLE, RPC_UNAVAILABLE */
  quote(chain: CaipChainId, tokenIn: AssetInfo, tokenOut: AssetInfo, amountIn: bigint): Promise<SwapQuote>;
  /** The unsigned calls of a quoted trade. @throws INVALID_INPUT (slippage, deadline), INVALID_ADDRESS */
  buildSwap(quote: SwapQuote, options: SwapBuildOptions): BuiltSwap;
  /**
   * What a confirmed swap paid `recipient` in `tokenOut`, base units, read from the swap's receipt logs in the
   * venue's own terms (Uniswap V2: the token's Transfer, or WETH's Withdrawal for native coin; Osmosis: the last
   * `token_swapped` event); null when the logs hold no such payment.
   */
  receivedAmount(logs: readonly ReceiptLog[], swap: { chain: CaipChainId; tokenOut: AssetInfo; recipient: string }): bigint | null;
}
