import { z } from 'zod';
import { AssetInfo, BaseUnits } from './asset';
import { CaipChainId } from './chain';
import { UsdValue } from './portfolio';
import { STEP_PROVIDER_IDS } from './stepProviders';

/** What a fee pays for: gas on a chain, a Layer-0 messaging fee, a bridge's own fee, or a swap pool's fee. */
export const FeeKind = z.enum(['gas', 'messaging', 'bridge', 'swap']);

export const RouteFee = z.strictObject({
  kind: FeeKind,
  chain: CaipChainId,
  asset: AssetInfo,
  amount: BaseUnits,
  usd: UsdValue,
});
export type RouteFee = z.infer<typeof RouteFee>;

/** Who performs a step: a swap venue or a bridge protocol, one of the index in stepProviders.ts (a new one is a row there). */
export const StepProvider = z.enum(STEP_PROVIDER_IDS);
export type StepProvider = z.infer<typeof StepProvider>;

export const RouteStep = z.strictObject({
  kind: z.enum(['swap', 'bridge']),
  provider: StepProvider,
  fromChain: CaipChainId,
  toChain: CaipChainId,
  assetIn: AssetInfo,
  assetOut: AssetInfo,
  amountIn: BaseUnits,
  /** expected amount out at quote time */
  amountOut: BaseUnits,
  /** the least this step may deliver (the user's slippage applied); the chain enforces it for swaps */
  minAmountOut: BaseUnits,
  fees: z.array(RouteFee),
  etaSeconds: z.number().int().nonnegative(),
  /** price impact in basis points for swaps; 0 for bridges */
  priceImpactBps: z.number().int().nonnegative(),
});
export type RouteStep = z.infer<typeof RouteStep>;

export const RouteWarning = z.strictObject({
  code: z.enum(['HIGH_PRICE_IMPACT', 'THIN_LIQUIDITY', 'LONG_DELIVERY', 'FEES_OVER_VALUE']),
  message: z.string(),
});

export const Route = z.strictObject({
  /**
   * The quote id: unique per search result, it names exactly the plan the user saw (transfers.start runs that plan
   * and only it). Two searches for the same path give two ids; `routePath` names the path.
   */
  id: z.string(),
  steps: z.array(RouteStep).min(1),
  amountIn: BaseUnits,
  amountOut: BaseUnits,
  minAmountOut: BaseUnits,
  fees: z.array(RouteFee),
  totalFeesUsd: UsdValue,
  etaSeconds: z.number().int().nonnegative(),
  priceImpactBps: z.number().int().nonnegative(),
  /**
   * What the route can lose, in USD: the value sent plus the fees paid on top of it (gas, messaging) minus the value
   * of minAmountOut. Fees, price impact and slippage together; null without prices. Absent on routes recorded before.
   */
  valueLostUsd: UsdValue.optional(),
  /** valueLostUsd as a share of the value sent, basis points rounded up (null without prices) */
  valueLostBps: z.number().int().nonnegative().nullable().optional(),
  /** max(valueLostBps, priceImpactBps) judged: amber from 1%, red from 3%, refused above 15% (shared/routing/valueLostGuard) */
  lossLevel: z.enum(['ok', 'amber', 'red', 'refused']).optional(),
  warnings: z.array(RouteWarning),
});
export type Route = z.infer<typeof Route>;

/**
 * The path a route takes, the same for every quote of it: each step's provider, chains and assets
 * ("uniswap-v2:eip155:1/native>eip155:1/0x…|layerzero-oft:…"). A later search finds "the same route" by it.
 */
export function routePath(route: { steps: ReadonlyArray<Pick<RouteStep, 'provider' | 'fromChain' | 'toChain' | 'assetIn' | 'assetOut'>> }): string {
  return route.steps.map((s) => `${s.provider}:${s.fromChain}/${s.assetIn.ref}>${s.toChain}/${s.assetOut.ref}`).join('|');
}
