import { randomUUID } from 'node:crypto';
import type { AssetInfo } from '../../../shared/domain/asset';
import type { CaipChainId, ChainInfo } from '../../../shared/domain/chain';
import type { Route, RouteFee, RouteStep } from '../../../shared/domain/route';
import type { FeeTier } from '../../../shared/domain/send';
import { StrataError } from '../../../shared/errors';
import { canonicalRef } from '../assets/listAssets';
import { nativeAssetOf } from '../assets/nativeAsset';
import type { BridgeAdapter, BridgeQuote } from '../bridges/bridgeAdapter';
import { estimateEvmFees } from '../evm/estimateEvmFees';
import type { SwapQuote, SwapVenue } from '../swap/swapVenue';
import { minAmountOut } from '../evm/minAmountOut';
import { createPriceBook, sumOrNull, usdText, type PriceBook } from './routePricing';
import { routeValueLost } from './routeValueLost';
import { routeWarnings } from './routeWarnings';
import type { ChainRpcs, ProviderFee } from './routingTypes';

/** Everything the router needs: chains, their assets, RPCs, the venues and bridges, and USD prices by CoinGecko id. */
export interface RoutingEnvironment extends ChainRpcs {
  chains: readonly ChainInfo[];
  /** The assets Strata lists on a chain (listAssets with the OFTs as extraAssets). */
  assets(chain: CaipChainId): readonly AssetInfo[];
  venues: readonly SwapVenue[];
  bridges: readonly BridgeAdapter[];
  /** USD per whole unit, by CoinGecko id (PriceService.getPrices(...)[id].usd). Missing ids: no USD values. */
  usdPrices: Readonly<Record<string, string>>;
  /** Expected time of one swap transaction (about one block), seconds. */
  swapEtaSeconds?: number;
  /**
   * The gas fee of `gasUnits` on a chain that is not EVM (Cosmos: from chain metadata), in base units of its fee
   * token. EVM chains never come here: their gas is the units × the tier's maxFeePerGas from `rpc(chain)`, read once
   * per search.
   */
  gasFee?(chain: CaipChainId, gasUnits: bigint, tier: FeeTier): Promise<bigint>;
}

export interface RouteRequest {
  from: { chain: CaipChainId; asset: string; amount: bigint };
  to: { chain: CaipChainId; asset: string };
  /** Tolerance per swap or bridge step, basis points (0..5000). */
  slippageBps: number;
  /** Gas is priced at this tier's maxFeePerGas (the most it can cost); default normal. */
  feeTier?: FeeTier;
  /** Best amount received first (default), or fastest first. */
  sort?: 'amount' | 'speed';
  /** Who receives, when known (bridge quotes may depend on it). */
  recipient?: string;
}

/** A step's quote with the adapter that made it: what the executor builds calls from. */
export type PlannedStep = { kind: 'swap'; venue: SwapVenue; quote: SwapQuote } | { kind: 'bridge'; bridge: BridgeAdapter; quote: BridgeQuote };

/**
 * A route for display and IPC (`route`, its `id` a fresh quote id) and the quotes behind it (`plan`, main side only,
 * one per step, in order): the executor runs a started quote's steps with exactly these adapters.
 */
export interface FoundRoute {
  route: Route;
  plan: PlannedStep[];
}

export type CandidateHop = { kind: 'swap'; venue: SwapVenue; chain: CaipChainId; tokenIn: AssetInfo; tokenOut: AssetInfo } | { kind: 'bridge'; bridge: BridgeAdapter; leg: BridgeQuote['leg'] };

const DEFAULT_SWAP_ETA_SECONDS = 12;

/**
 * Every route from (chain, asset, amount) to (chain, asset) made of at most one swap, one bridge and one swap:
 * bridge, swap -> bridge, bridge -> swap, swap -> bridge -> swap (or a single swap when both chains are the same),
 * and bridge -> swap -> bridge through a third chain of the environment, each quoted now, priced, warned about and
 * ranked.
 *
 * Amounts: each step is quoted on the previous step's expected output, so `amountOut` is what the route delivers if
 * nothing moves. Each step's minAmountOut is its own output less the slippage (what its swap or bridge call
 * enforces). The route's minAmountOut is the worst case when every step delivers only its minimum: the next steps
 * are quoted again on the previous step's minimum and their slippage applied again, so it is the output with the
 * slippage compounded over the steps (conservative; the executor re-quotes a later step on what actually arrived).
 *
 * Fees: gas of each step (its gas units × the tier's maxFeePerGas on its chain), messaging and bridge fees, and
 * swap fees (0.3% of each Uniswap hop's input); USD from `usdPrices`, or for an unpriced token the price its swap in
 * this route implies. A candidate whose quote fails (no liquidity, an amount below a bridge's minimum) is left out.
 * @throws StrataError UNKNOWN_CHAIN, UNKNOWN_ASSET, INVALID_AMOUNT, INVALID_INPUT (slippage), NO_ROUTE ("No route from … to …"
 * *when no candidate exists); when every candidate fails, the first
 *   candidate's error (RPC_UNAVAILABLE, PRICE_UNAVAILABLE, ...)
 */
export async function findRoutes(env: RoutingEnvironment, request: RouteRequest): Promise<FoundRoute[]> {
  const fromChain = chainOf(env, request.from.chain);
  const toChain = chainOf(env, request.to.chain);
  const assetIn = assetOf(env, fromChain, request.from.asset);
  const assetOut = assetOf(env, toChain, request.to.asset);
  if (typeof request.from.amount !== 'bigint' || request.from.amount <= 0n) throw new StrataError('INVALID_AMOUNT', 'The amount to send must be positive');
  minAmountOut(1n, request.slippageBps); // validates the slippage before any RPC
  const candidates = enumerateRoutes(env, assetIn, assetOut);
  if (candidates.length === 0) {
    throw new StrataError('NO_ROUTE', `No route from ${assetIn.symbol} on ${fromChain.name} to ${assetOut.symbol} on ${toChain.name}`);
  }
  const gasPrices = new Map<CaipChainId, Promise<bigint>>();
  const tier = request.feeTier ?? 'normal';
  const gasPriceOf = (chain: CaipChainId): Promise<bigint> => {
    let price = gasPrices.get(chain);
    if (!price) {
      price = estimateEvmFees(env.rpc(chain)).then((fees) => fees.tiers[tier].maxFeePerGas);
      gasPrices.set(chain, price);
    }
    return price;
  };
  const gasFeeOf = async (chain: CaipChainId, units: bigint): Promise<bigint> => {
    const evm = env.chains.find((c) => c.id === chain)?.family !== 'cosmos';
    return evm || !env.gasFee ? units * (await gasPriceOf(chain)) : env.gasFee(chain, units, tier);
  };
  const results = await Promise.allSettled(candidates.map((hops) => quoteRoute(env, request, hops, gasFeeOf)));
  const found = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  if (found.length === 0) throw (results[0] as PromiseRejectedResult).reason;
  return rankRoutes(found, request.sort ?? 'amount');
}

/**
 * Best first: by amount received (then faster), or by speed (then more received). Stable for equal routes. A route
 * the value-lost guard refuses (lossLevel `refused`) always comes after every acceptable one, so it is never "best".
 */
export function rankRoutes(routes: FoundRoute[], sort: 'amount' | 'speed'): FoundRoute[] {
  const refused = (r: FoundRoute): number => (r.route.lossLevel === 'refused' ? 1 : 0);
  const byAmount = (a: FoundRoute, b: FoundRoute): number => {
    const x = BigInt(a.route.amountOut);
    const y = BigInt(b.route.amountOut);
    return x > y ? -1 : x < y ? 1 : 0;
  };
  const bySpeed = (a: FoundRoute, b: FoundRoute): number => a.route.etaSeconds - b.route.etaSeconds;
  return [...routes].sort((a, b) => refused(a) - refused(b) || (sort === 'amount' ? byAmount(a, b) || bySpeed(a, b) : bySpeed(a, b) || byAmount(a, b)));
}

/**
 * The candidate hop lists, without quoting: which assets to swap into, bridge, and swap out of; with `chains`, also
 * bridge -> swap -> bridge through a third chain (IBC to Osmosis, swap there, IBC on).
 */
export function enumerateRoutes(env: Pick<RoutingEnvironment, 'venues' | 'bridges'> & Partial<Pick<RoutingEnvironment, 'chains'>>, assetIn: AssetInfo, assetOut: AssetInfo): CandidateHop[][] {
  const same = (a: AssetInfo, b: AssetInfo): boolean => a.chain === b.chain && a.ref === b.ref;
  const routes: CandidateHop[][] = [];
  if (assetIn.chain === assetOut.chain) {
    for (const venue of env.venues) {
      if (venue.pairs(assetIn.chain).some((p) => same(p.tokenIn, assetIn) && same(p.tokenOut, assetOut))) {
        routes.push([{ kind: 'swap', venue, chain: assetIn.chain, tokenIn: assetIn, tokenOut: assetOut }]);
      }
    }
    return routes;
  }
  // What can be on the source chain before the bridge: the asset itself, or anything a venue swaps it into.
  const sources: Array<{ asset: AssetInfo; swap: CandidateHop | null }> = [{ asset: assetIn, swap: null }];
  for (const venue of env.venues) {
    for (const pair of venue.pairs(assetIn.chain)) {
      if (same(pair.tokenIn, assetIn)) sources.push({ asset: pair.tokenOut, swap: { kind: 'swap', venue, chain: assetIn.chain, tokenIn: assetIn, tokenOut: pair.tokenOut } });
    }
  }
  for (const source of sources) {
    for (const bridge of env.bridges) {
      for (const leg of bridge.legs({ chain: assetIn.chain, asset: source.asset }, { chain: assetOut.chain })) {
        const head: CandidateHop[] = source.swap ? [source.swap, { kind: 'bridge', bridge, leg }] : [{ kind: 'bridge', bridge, leg }];
        if (same(leg.toAsset, assetOut)) {
          routes.push(head);
          continue;
        }
        for (const venue of env.venues) {
          if (venue.pairs(assetOut.chain).some((p) => same(p.tokenIn, leg.toAsset) && same(p.tokenOut, assetOut))) {
            routes.push([...head, { kind: 'swap', venue, chain: assetOut.chain, tokenIn: leg.toAsset, tokenOut: assetOut }]);
          }
        }
      }
    }
  }
  for (const middle of env.chains ?? []) {
    if (middle.id === assetIn.chain || middle.id === assetOut.chain) continue;
    for (const first of env.bridges) {
      for (const inbound of first.legs({ chain: assetIn.chain, asset: assetIn }, { chain: middle.id })) {
        for (const venue of env.venues) {
          for (const pair of venue.pairs(middle.id)) {
            if (!same(pair.tokenIn, inbound.toAsset)) continue;
            for (const second of env.bridges) {
              for (const outbound of second.legs({ chain: middle.id, asset: pair.tokenOut }, { chain: assetOut.chain })) {
                if (!same(outbound.toAsset, assetOut)) continue;
                routes.push([
                  { kind: 'bridge', bridge: first, leg: inbound },
                  { kind: 'swap', venue, chain: middle.id, tokenIn: inbound.toAsset, tokenOut: pair.tokenOut },
                  { kind: 'bridge', bridge: second, leg: outbound },
                ]);
              }
            }
          }
        }
      }
    }
  }
  return routes;
}

async function quoteHop(env: RoutingEnvironment, request: RouteRequest, hop: CandidateHop, amountIn: bigint): Promise<PlannedStep> {
  if (hop.kind === 'swap') return { kind: 'swap', venue: hop.venue, quote: await hop.venue.quote(hop.chain, hop.tokenIn, hop.tokenOut, amountIn) };
  const ctx = { rpc: env.rpc.bind(env), slippageBps: request.slippageBps, ...(request.recipient === undefined ? {} : { recipient: request.recipient }) };
  return { kind: 'bridge', bridge: hop.bridge, quote: await hop.bridge.quote(hop.leg, amountIn, ctx) };
}

/** What a step enforces at least: a swap's output less slippage, a bridge's own minimum. */
function stepMinimum(step: PlannedStep, slippageBps: number): bigint {
  return step.kind === 'swap' ? minAmountOut(step.quote.amountOut, slippageBps) : step.quote.minAmountOut;
}

async function quoteRoute(env: RoutingEnvironment, request: RouteRequest, hops: CandidateHop[], gasFeeOf: (chain: CaipChainId, units: bigint) => Promise<bigint>): Promise<FoundRoute> {
  const plan: PlannedStep[] = [];
  let amount = request.from.amount;
  for (const hop of hops) {
    const step = await quoteHop(env, request, hop, amount);
    plan.push(step);
    amount = step.quote.amountOut;
  }
  // The worst case: every step delivers only its minimum, and the next one is quoted on that.
  let worst = stepMinimum(plan[0] as PlannedStep, request.slippageBps);
  for (const [i, hop] of hops.entries()) {
    if (i === 0) continue;
    worst = stepMinimum(await quoteHop(env, request, hop, worst), request.slippageBps);
  }

  const stepChains = plan.map((s) => (s.kind === 'swap' ? s.quote.chain : s.quote.leg.fromAsset.chain));
  const gasFees: ProviderFee[] = await Promise.all(
    plan.map(async (step, i) => {
      const chain = stepChains[i] as CaipChainId;
      return { kind: 'gas' as const, chain, asset: nativeAssetOf(chainOf(env, chain)), amount: await gasFeeOf(chain, step.quote.gasUnits) };
    }),
  );
  const book = createPriceBook(
    env.usdPrices,
    plan.map((s) =>
      s.kind === 'swap'
        ? { assetIn: s.quote.tokenIn, amountIn: s.quote.amountIn, assetOut: s.quote.tokenOut, amountOut: s.quote.amountOut }
        : { assetIn: s.quote.leg.fromAsset, amountIn: s.quote.amountIn, assetOut: s.quote.leg.toAsset, amountOut: s.quote.amountOut },
    ),
  );
  const swapEta = env.swapEtaSeconds ?? DEFAULT_SWAP_ETA_SECONDS;
  const steps: RouteStep[] = plan.map((step, i) => {
    const fees = [gasFees[i] as ProviderFee, ...step.quote.fees].map((f) => priced(f, book));
    if (step.kind === 'swap') {
      const q = step.quote;
      return {
        kind: 'swap',
        provider: q.venue,
        fromChain: q.chain,
        toChain: q.chain,
        assetIn: q.tokenIn,
        assetOut: q.tokenOut,
        amountIn: q.amountIn.toString(),
        amountOut: q.amountOut.toString(),
        minAmountOut: minAmountOut(q.amountOut, request.slippageBps).toString(),
        fees,
        etaSeconds: swapEta,
        priceImpactBps: q.priceImpactBps,
      };
    }
    const q = step.quote;
    return {
      kind: 'bridge',
      provider: q.leg.provider,
      fromChain: q.leg.fromAsset.chain,
      toChain: q.leg.toAsset.chain,
      assetIn: q.leg.fromAsset,
      assetOut: q.leg.toAsset,
      amountIn: q.amountIn.toString(),
      amountOut: q.amountOut.toString(),
      minAmountOut: q.minAmountOut.toString(),
      fees,
      etaSeconds: q.etaSeconds,
      priceImpactBps: 0,
    };
  });

  const fees = steps.flatMap((s) => s.fees);
  const allFees = [...gasFees, ...plan.flatMap((s) => s.quote.fees)];
  const totalFees = sumOrNull(allFees.map((f) => book.valueOf(f.asset, f.amount)));
  // Compounded: 1 - Π(1 - impact_i), in basis points, rounded down.
  const keep = plan.reduce((k, s) => (k * BigInt(10_000 - (s.kind === 'swap' ? s.quote.priceImpactBps : 0))) / 10_000n, 10n ** 18n);
  const priceImpactBps = Number(((10n ** 18n - keep) * 10_000n) / 10n ** 18n);
  const etaSeconds = steps.reduce((sum, s) => sum + s.etaSeconds, 0);
  const reserveShareBps = Math.max(0, ...plan.map((s) => (s.kind === 'swap' ? s.quote.reserveShareBps : 0)));
  const first = steps[0] as RouteStep;
  const last = steps[steps.length - 1] as RouteStep;
  // In and out at market prices only: a price implied by this route's own swap would hide its impact.
  const market = createPriceBook(env.usdPrices, []);
  const onTop = allFees.filter((f) => f.kind === 'gas' || f.kind === 'messaging').map((f) => book.valueOf(f.asset, f.amount));
  const lost = routeValueLost({
    valueInUsd: market.valueOf(first.assetIn, request.from.amount),
    // An unpriced gas coin (a Cosmos chain without a price) leaves its fee out rather than the whole figure.
    feesOnTopUsd: sumOrNull(onTop.filter((v) => v !== null)),
    minOutUsd: market.valueOf(last.assetOut, worst),
    priceImpactBps,
  });
  const route: Route = {
    // A quote id, not the path (routePath): two searches for one path keep two quotes.
    id: randomUUID(),
    steps,
    amountIn: request.from.amount.toString(),
    amountOut: amount.toString(),
    minAmountOut: worst.toString(),
    fees,
    totalFeesUsd: usdText(totalFees),
    etaSeconds,
    priceImpactBps,
    ...lost,
    warnings: routeWarnings({ priceImpactBps, reserveShareBps, etaSeconds, totalFeesUsd: totalFees, valueInUsd: book.valueOf(first.assetIn, request.from.amount) }),
  };
  return { route, plan };
}

function priced(fee: ProviderFee, book: PriceBook): RouteFee {
  return { kind: fee.kind, chain: fee.chain, asset: fee.asset, amount: fee.amount.toString(), usd: usdText(book.valueOf(fee.asset, fee.amount)) };
}

function chainOf(env: RoutingEnvironment, id: CaipChainId): ChainInfo {
  const chain = env.chains.find((c) => c.id === id);
  if (!chain) throw new StrataError('UNKNOWN_CHAIN', `Unknown chain "${String(id).slice(0, 64)}"`);
  return chain;
}

function assetOf(env: RoutingEnvironment, chain: ChainInfo, ref: string): AssetInfo {
  const wanted = canonicalRef(chain, String(ref));
  const asset = wanted === undefined ? undefined : env.assets(chain.id).find((a) => a.ref === wanted);
  if (!asset) throw new StrataError('UNKNOWN_ASSET', `${chain.name} has no asset "${String(ref).slice(0, 80)}"`);
  return asset;
}
