import { getAddress } from 'viem';
import { formatAmount } from '../../../shared/amounts';
import type { AssetInfo } from '../../../shared/domain/asset';
import type { CaipChainId } from '../../../shared/domain/chain';
import type { RouteStep } from '../../../shared/domain/route';
import type { StepFailure } from '../../../shared/domain/transferRecord';
import { StrataError } from '../../../shared/errors';
import type { BridgeAdapter, BridgeFundsLocation, BridgeQuote, DeliveryStatus } from '../bridges/bridgeAdapter';
import type { RoutingEnvironment } from '../routing/findRoutes';
import type { StepCall } from '../routing/routingTypes';
import type { SwapVenue } from '../swap/swapVenue';
import { MAX_SLIPPAGE_BPS, minAmountOut as slippageMinimum } from '../evm/minAmountOut';
import { cosmosTransportCall } from './cosmosCallTransport';
import type { CallReceipt, CallTransport, FailureReport, StepContext, StepRunner, UnsignedCall } from './stepRunner';

/** How long a swap built now stays valid on chain: 20 minutes (the router refuses it afterwards). */
export const SWAP_DEADLINE_SECONDS = 20 * 60;

export interface RouteRunnerOptions {
  env: RoutingEnvironment;
  /** The transport of the transfer's account on a chain (evmCallTransport over a vault signer). */
  transportFor(chain: CaipChainId): CallTransport;
  now?: () => number;
}


/** The venue or bridge that carries a step: the started quote's plan names it (findRoutes' PlannedStep fits). */
export type StepAdapter = { kind: 'swap'; venue: SwapVenue } | { kind: 'bridge'; bridge: BridgeAdapter };

/**
 * The StepRunner of one route step with the adapter the quote's plan used ('uniswap-v2', 'osmosis-poolmanager' swaps;
 * 'layerzero-oft', 'axelar-gateway', 'ibc-transfer' bridges). Each call is built from the journaled RouteStep and
 * `ctx.amountIn`: one fresh quote per call, calls that enforce at least the step's REVIEWED minimum (scaled to the
 * actual input), returned in order by how many of the step's calls confirmed already.
 * @throws INTERNAL when the adapter is not of the step's kind and provider
 */
export function routeStepRunner(step: RouteStep, adapter: StepAdapter, options: RouteRunnerOptions): StepRunner {
  if (adapter.kind !== step.kind) throw new StrataError('INTERNAL', `A ${step.kind} step was given a ${adapter.kind} adapter`);
  const id = adapter.kind === 'swap' ? adapter.venue.id : adapter.bridge.id;
  if (id !== step.provider) throw new StrataError('INTERNAL', `A ${step.provider} step was given the ${id} adapter`);
  return adapter.kind === 'swap' ? swapRunner(step, adapter.venue, options) : bridgeRunner(step, adapter.bridge, options);
}

/**
 * The adapter of a journaled step when no plan is in memory (a resume after a restart): the environment's venue of
 * the step's provider that trades its pair, or its bridge of that provider whose legs carry the step (Axelar has two
 * adapters: EVM <-> EVM and EVM <-> Cosmos). Never a guess: no adapter carries it -> an error, nothing signed.
 * @throws INVALID_INPUT when the environment has no adapter that carries the step
 */
export function journaledStepAdapter(step: RouteStep, env: Pick<RoutingEnvironment, 'venues' | 'bridges'>): StepAdapter {
  if (step.kind === 'swap') {
    const trades = (v: SwapVenue): boolean => v.pairs(step.fromChain).some((p) => same(p.tokenIn.ref, step.assetIn.ref) && same(p.tokenOut.ref, step.assetOut.ref));
    const venue = env.venues.find((v) => v.id === step.provider && trades(v));
    if (!venue) throw new StrataError('INVALID_INPUT', `No ${step.provider} venue trades ${step.assetIn.symbol} for ${step.assetOut.symbol} here`);
    return { kind: 'swap', venue };
  }
  const carries = (b: BridgeAdapter): boolean => b.legs({ chain: step.fromChain, asset: step.assetIn }, { chain: step.toChain }).some((l) => same(l.toAsset.ref, step.assetOut.ref));
  const bridge = env.bridges.find((b) => b.id === step.provider && carries(b));
  if (!bridge) throw new StrataError('INVALID_INPUT', `No ${step.provider} bridge carries ${step.assetIn.symbol} from ${step.fromChain} to ${step.toChain} here`);
  return { kind: 'bridge', bridge };
}

/**
 * The least a step may deliver for the actual input: the reviewed minimum, scaled by amountIn / step.amountIn when
 * the input differs, rounded up (never weaker than what the user saw).
 */
export function requiredMinimum(step: RouteStep, amountIn: bigint): bigint {
  const reviewedIn = BigInt(step.amountIn);
  const reviewedMin = BigInt(step.minAmountOut);
  if (amountIn === reviewedIn || reviewedIn === 0n) return reviewedMin;
  return (reviewedMin * amountIn + reviewedIn - 1n) / reviewedIn;
}

/**
 * The tolerance (bps below `quoted`) whose minimum is exactly at or above `required`:
 * floor(quoted·(10000 − bps)/10000) ≥ required holds for bps = floor((quoted − required)·10000 / quoted).
 * @throws TX_FAILED when the fresh quote cannot meet the reviewed minimum (nothing is signed)
 */
function toleranceFor(step: RouteStep, quoted: bigint, required: bigint): number {
  if (quoted < required) {
    const show = (units: bigint) => `${formatAmount(units, step.assetOut.decimals)} ${step.assetOut.symbol}`;
    throw new StrataError('TX_FAILED', `The price moved: this step would now give ${show(quoted)}, below the reviewed minimum of ${show(required)}; nothing was sent`);
  }
  const bps = Number(((quoted - required) * 10_000n) / quoted);
  return Math.min(bps, MAX_SLIPPAGE_BPS);
}

/**
 * A quote made at no tolerance with `bps` applied: its minimum becomes the expected output less bps (as a quote at
 * that tolerance states it), never above the bridge's own floor.
 */
export function withTolerance(quote: BridgeQuote, bps: number): BridgeQuote {
  const tolerant = slippageMinimum(quote.amountOut, bps);
  return { ...quote, minAmountOut: tolerant < quote.minAmountOut ? tolerant : quote.minAmountOut };
}

/** The executor's call for a provider's call: EVM fields, or a Cosmos message for cosmosCallTransport. */
function evmCall(call: StepCall, step: RouteStep): UnsignedCall {
  if (call.family === 'cosmos') return cosmosTransportCall(call);
  const reviewed = reviewedGasFee(step);
  return { label: call.label, to: call.to, data: call.data, value: call.value, ...(reviewed === null ? {} : { reviewedGasFeeWei: reviewed }) };
}

/** The gas fee the user reviewed for a step on its source chain (units × max fee per gas at quote time), wei; null when the route named none. */
function reviewedGasFee(step: RouteStep): bigint | null {
  const gas = step.fees.filter((f) => f.kind === 'gas' && f.chain === step.fromChain);
  return gas.length === 0 ? null : gas.reduce((sum, f) => sum + BigInt(f.amount), 0n);
}

function isCosmosChain(chain: CaipChainId): boolean {
  return chain.startsWith('cosmos:');
}

/** Done once a call other than an approval confirmed: the step's action (swap, send) went through. */
function actionConfirmed(ctx: StepContext): boolean {
  return ctx.record.calls.some((c) => c.state === 'confirmed' && !c.label.startsWith('approve'));
}

function lastReceipt(ctx: StepContext): CallReceipt | undefined {
  return ctx.confirmed[ctx.confirmed.length - 1];
}

function same(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

function swapRunner(step: RouteStep, venue: SwapVenue, options: RouteRunnerOptions): StepRunner {
  const transport = options.transportFor(step.fromChain);
  const now = options.now ?? Date.now;
  return {
    transport,
    async nextCall(ctx) {
      if (actionConfirmed(ctx)) return null;
      const required = requiredMinimum(step, ctx.amountIn);
      const quote = await venue.quote(step.fromChain, step.assetIn, step.assetOut, ctx.amountIn);
      const slippageBps = toleranceFor(step, quote.amountOut, required);
      const deadline = BigInt(Math.floor(now() / 1000) + SWAP_DEADLINE_SECONDS);
      const built = venue.buildSwap(quote, { slippageBps, recipient: transport.from, deadline });
      if (built.minAmountOut < required) throw new StrataError('INTERNAL', 'The swap was built below the reviewed minimum');
      const call = built.calls[ctx.confirmed.length];
      return call === undefined ? null : evmCall(call, step);
    },
    async amountOut(ctx) {
      const receipt = lastReceipt(ctx);
      // What the venue paid out, as the venue reads its own receipt (Uniswap: Transfer or WETH's Withdrawal; Osmosis: token_swapped).
      return receipt ? venue.receivedAmount(receipt.logs, { chain: step.toChain, tokenOut: step.assetOut, recipient: transport.from }) : null;
    },
    describeFailure: (ctx, reason) => fundsReport(options.env, step, { sender: transport.from, recipient: transport.from }, ctx, reason),
  };
}

function bridgeRunner(step: RouteStep, bridge: BridgeAdapter, options: RouteRunnerOptions): StepRunner {
  const transport = options.transportFor(step.fromChain);
  const leg = { provider: step.provider, fromAsset: step.assetIn, toAsset: step.assetOut };
  // The last delivery look, for describeFailure: a bridge may say where the funds went (IBC: refunded, or stuck).
  const lastStatus = new Map<string, DeliveryStatus>();
  // When a Cosmos chain is at either end the recipient is the account's own address on the destination (another
  // bech32 prefix, an EVM address, maybe another key); EVM to EVM it is the same address.
  const crossesFamily = step.toChain !== step.fromChain && (isCosmosChain(step.toChain) || isCosmosChain(step.fromChain));
  const recipient = (): string => (crossesFamily ? options.transportFor(step.toChain).from : transport.from);
  return {
    transport,
    async nextCall(ctx) {
      if (actionConfirmed(ctx)) return null;
      const required = requiredMinimum(step, ctx.amountIn);
      // One quote per call: at no tolerance it states what arrives and the bridge's own floor; the send then
      // enforces the reviewed minimum through the tolerance that meets it exactly.
      const quoted = await bridge.quote(leg, ctx.amountIn, { rpc: options.env.rpc, slippageBps: 0, recipient: transport.from });
      const quote = withTolerance(quoted, toleranceFor(step, quoted.amountOut, required));
      if (quote.minAmountOut < required) throw new StrataError('INTERNAL', 'The bridge send was built below the reviewed minimum');
      const built = await bridge.buildSend(quote, { sender: transport.from, recipient: recipient() }, options.env);
      const call = built.calls[ctx.confirmed.length];
      if (call === undefined) return null;
      // The destination block seen when the send was built: the executor journals it, so a resume tracks from there.
      return built.trackingKey === undefined ? evmCall(call, step) : { ...evmCall(call, step), trackingKey: built.trackingKey };
    },
    async amountOut(ctx) {
      // What the destination receives, as the bridge reads it from its send receipt (LayerZero: amountReceivedLD; Axelar: less its fee).
      return await bridge.deliveredAmount(lastReceipt(ctx)?.logs ?? [], transport.from, step.fromChain);
    },

    async trackDelivery(ctx) {
      const sent = [...ctx.record.calls].reverse().find((c) => c.state === 'confirmed' && !c.label.startsWith('approve'));
      if (!sent) throw new StrataError('INTERNAL', 'A delivering bridge step has no confirmed send');
      const status = await bridge.trackDelivery({ chain: step.fromChain, txHash: sent.hash, trackingKey: ctx.record.trackingKey, sender: transport.from }, options.env);
      lastStatus.set(ctx.transferId, status);
      return { state: status.state, detail: status.detail, stalled: status.stalled === true };
    },
    describeFailure: (ctx, reason) => {
      const status = lastStatus.get(ctx.transferId);
      if (reason === 'delivery' && status?.fundsAt !== undefined) return locatedFunds(options.env, step, ctx, status.detail, status.fundsAt);
      return fundsReport(options.env, step, { sender: transport.from, recipient: recipient() }, ctx, reason, reason === 'delivery' ? status?.detail : undefined);
    },
  };
}

/**
 * Where the funds of a failed step are, by chain, asset, address and amount: a failed delivery names the recipient
 * on the destination (on another chain family another address than the sender's) and the bridge's own words.
 */
function fundsReport(
  env: RoutingEnvironment,
  step: RouteStep,
  parties: { sender: string; recipient: string },
  ctx: StepContext,
  reason: StepFailure['reason'],
  detail?: string,
): FailureReport {
  const amountIn = ctx.amountIn;
  const chainName = (id: CaipChainId) => env.chains.find((c) => c.id === id)?.name ?? id;
  const words = (units: bigint, asset: AssetInfo) => `${formatAmount(units, asset.decimals)} ${asset.symbol}`;
  const display = (address: string) => (address.startsWith('0x') ? getAddress(address) : address);
  const owner = display(parties.sender);
  if (reason === 'delivery') {
    const to = display(parties.recipient);
    return {
      // What the bridge took charge of (the OFTSent amount), else the quote's expectation.
      fundsAt: { chain: step.toChain, asset: step.assetOut, address: to, amount: ctx.record.amountOut ?? step.amountOut },
      action: 'contact-support',
      summary: `${words(amountIn, step.assetIn)} left ${owner} on ${chainName(step.fromChain)}; ${step.provider} reports that delivering ${step.assetOut.symbol} to ${to} on ${chainName(step.toChain)} failed${detail ? ` (${detail})` : ''}`,
    };
  }
  return {
    fundsAt: { chain: step.fromChain, asset: step.assetIn, address: owner, amount: amountIn.toString() },
    action: 'retry',
    summary: `${words(amountIn, step.assetIn)} is still at ${owner} on ${chainName(step.fromChain)}${reason === 'reverted' ? ' (the reverted transaction cost only its network fee)' : ': nothing of this step went through'}`,
  };
}

/** A failed delivery whose bridge named where the funds are: refunded to the sender, or held at an intermediate chain. */
function locatedFunds(env: RoutingEnvironment, step: RouteStep, ctx: StepContext, detail: string, at: BridgeFundsLocation): FailureReport {
  const back = at.chain === step.fromChain;
  const asset = back ? step.assetIn : (env.assets(at.chain).find((a) => a.symbol === step.assetIn.symbol) ?? step.assetIn);
  return {
    fundsAt: { chain: at.chain, asset, address: at.address.slice(0, 128) || 'unknown', amount: ctx.amountIn.toString() },
    // none: the funds are back where the user can use them; the others say who moves them next.
    action: at.action === 'none' ? 'retry' : at.action,
    summary: `${formatAmount(ctx.amountIn, step.assetIn.decimals)} ${step.assetIn.symbol}: ${detail}`,
  };
}
