import type { AssetInfo } from '../../../../shared/domain/asset';
import type { Route, RouteFee, RouteStep } from '../../../../shared/domain/route';
import { providerLabel } from '../../../../shared/domain/stepProviders';
import type { StepRecord, StepState, TransferStatus } from '../../../../shared/domain/transferRecord';
import { displayAmount } from '../../lib/amountDisplay';
import { formatUsd, sumDecimals } from '../../lib/usd';

const FEE_LABELS: Record<RouteFee['kind'], string> = { gas: 'Network fee', messaging: 'Messaging fee', bridge: 'Bridge fee', swap: 'Pool fee' };

/** A chain's display name from its CAIP id (the id itself when the chain is unknown). */
export type ChainNamer = (chainId: string) => string;

/** `1.5 ETH` for lists (fraction cut to 6 digits, never rounded up). */
export function tokenAmount(units: string | bigint, asset: Pick<AssetInfo, 'decimals' | 'symbol'>, maxFraction = 6): string {
  return `${displayAmount(units, asset.decimals, maxFraction)} ${asset.symbol}`;
}

/** A small USD figure keeps its significant digits (`$0.0061`), a large one is in cents. */
export function usdText(value: string | null): string {
  if (value === null) return 'no price';
  return /^0\.00/.test(value) ? formatUsd(value, 4) : formatUsd(value);
}

/** "Swap ETH → SBT on Devnet A" or "Bridge SBT to Devnet B". */
export function stepTitle(step: RouteStep, chainName: ChainNamer): string {
  if (step.kind === 'swap') return `Swap ${step.assetIn.symbol} → ${step.assetOut.symbol} on ${chainName(step.fromChain)}`;
  return `Bridge ${step.assetIn.symbol} to ${chainName(step.toChain)}`;
}

/** "via Uniswap V2", "via LayerZero". */
export function stepVia(step: RouteStep): string {
  return `via ${providerLabel(step.provider)}`;
}

/** One fee line: "Network fee 0.000204 ETH · $0.61". */
export function feeText(fee: RouteFee): string {
  return `${FEE_LABELS[fee.kind]} ${tokenAmount(fee.amount, fee.asset, 8)} · ${usdText(fee.usd)}`;
}

/** The fee kind as a label. */
export function feeLabel(fee: RouteFee): string {
  return FEE_LABELS[fee.kind];
}

/** The providers of a route in order, e.g. "uniswap-v2 layerzero-oft uniswap-v2" (what tests and people select by). */
export function routeProviders(route: Route): string {
  return route.steps.map((s) => s.provider).join(' ');
}

/** "Uniswap V2 → LayerZero → Uniswap V2". */
export function routeSummary(route: Route): string {
  return route.steps.map((s) => providerLabel(s.provider)).join(' → ');
}

/** The asset a route delivers (its last step's output). */
export function routeAssetOut(route: Route): AssetInfo {
  const last = route.steps[route.steps.length - 1];
  if (!last) throw new Error('a route has at least one step');
  return last.assetOut;
}

/** The asset a route spends (its first step's input). */
export function routeAssetIn(route: Route): AssetInfo {
  const first = route.steps[0];
  if (!first) throw new Error('a route has at least one step');
  return first.assetIn;
}

/** "~12 s", "~2 min", "~1 h 5 min". */
export function durationText(seconds: number): string {
  if (seconds < 90) return `~${Math.max(1, Math.round(seconds))} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `~${minutes} min`;
  return `~${Math.floor(minutes / 60)} h${minutes % 60 ? ` ${minutes % 60} min` : ''}`;
}

/** Elapsed time as a clock: "0:07", "12:03", "1:02:03". */
export function clockText(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = h > 0 ? String(m).padStart(2, '0') : String(m);
  return `${h > 0 ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}`;
}

/** Basis points as a percentage: 166 -> "1.66%", 0 -> "0%". */
export function bpsText(bps: number): string {
  return `${(bps / 100).toFixed(2).replace(/\.?0+$/, '')}%`;
}

/** The sum of the route's fees in USD, or null when a fee has no price. */
export function totalFeesUsd(route: Route): string | null {
  if (route.totalFeesUsd !== null) return route.totalFeesUsd;
  if (route.fees.some((f) => f.usd === null)) return null;
  return sumDecimals(route.fees.map((f) => f.usd as string));
}

/** What a step's state is called on screen. `signed` is the moment between the vault's signature and broadcast. */
export const STEP_STATE_LABELS: Record<StepState, string> = {
  pending: 'Waiting',
  signed: 'Signing',
  submitted: 'Submitted',
  confirmed: 'Confirmed',
  delivering: 'Delivering',
  delivered: 'Delivered',
  failed: 'Failed',
};

export const TRANSFER_STATUS_LABELS: Record<TransferStatus, string> = {
  running: 'In progress',
  completed: 'Completed',
  failed: 'Failed',
  'needs-attention': 'Needs attention',
};

/** Whether a step has finished (nothing more will happen to it). */
export function stepDone(record: StepRecord, step: RouteStep): boolean {
  return record.state === 'failed' || record.state === 'delivered' || (record.state === 'confirmed' && step.kind === 'swap');
}
