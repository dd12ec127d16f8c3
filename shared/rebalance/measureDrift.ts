import type { AssetInfo } from '../domain/asset';
import { StrataError } from '../errors';
import { parseDecimal, type ExactDecimal } from '../portfolio/decimal';
import type { DriftReport, TargetWeights } from './rebalanceSchemas';
import { usdOfUnits, usdText } from './usdUnits';

/** One balance the planner may trade: base units of an asset held by an account, with its USD price (or none). */
export interface RebalanceHolding {
  accountId: string;
  asset: AssetInfo;
  amount: bigint;
  /** USD per whole unit, plain decimal; null or "0" when there is no usable price */
  usdPrice: string | null;
}

/** A priced holding with its exact value (micro-USD). */
export interface ValuedHolding extends RebalanceHolding {
  price: ExactDecimal;
  usd: bigint;
}

/** One target asset with its holdings across chains and accounts, its value now and its target value (micro-USD). */
export interface AssetPosition {
  key: string;
  symbol: string;
  holdings: ValuedHolding[];
  current: bigint;
  target: bigint;
}

export interface Positions {
  total: bigint;
  positions: AssetPosition[];
  unpriced: string[];
  untracked: string[];
  /** target keys with a held asset that has no usable price: their value now is unknown */
  unpricedKeys: Set<string>;
}

/** Weights are used to 1e-9 and normalised over their own sum (the optimizer's floats rarely sum to exactly 1). */
const WEIGHT_SCALE = 1_000_000_000;

/**
 * Which target key an asset belongs to: its CoinGecko id when the target names it (so USDC on every chain is one
 * asset), else its symbol, case-insensitively (targets from a CSV or the demo data are keyed by column = symbol).
 */
export function targetKeyOf(asset: Pick<AssetInfo, 'priceId' | 'symbol'>, keys: readonly string[]): string | null {
  if (asset.priceId !== null && keys.includes(asset.priceId)) return asset.priceId;
  const symbol = asset.symbol.toUpperCase();
  return keys.find((k) => k.toUpperCase() === symbol) ?? null;
}

/**
 * Groups holdings into the target's assets and values them exactly. Holdings of assets the target does not name are
 * left out (`untracked`: a rebalance never sells what the optimizer did not consider), and so are target assets
 * without a usable price (`unpriced`: a price of 0 counts as none, it cannot size a trade).
 * @throws INVALID_INPUT for a negative weight or amount, or weights that sum to 0
 */
export function positionsOf(holdings: readonly RebalanceHolding[], weights: TargetWeights): Positions {
  const keys = Object.keys(weights).sort();
  const scaled = keys.map((k) => {
    const w = weights[k] ?? 0;
    if (!(w >= 0) || !Number.isFinite(w)) throw new StrataError('INVALID_INPUT', 'Target weights must be non-negative numbers');
    return BigInt(Math.round(w * WEIGHT_SCALE));
  });
  const weightSum = scaled.reduce((a, b) => a + b, 0n);
  if (weightSum === 0n) throw new StrataError('INVALID_INPUT', 'Target weights must not all be zero');
  const byKey = new Map<string, AssetPosition>(keys.map((key) => [key, { key, symbol: key, holdings: [], current: 0n, target: 0n }]));
  const unpriced = new Set<string>();
  const unpricedKeys = new Set<string>();
  const untracked = new Set<string>();
  for (const h of holdings) {
    if (h.amount < 0n) throw new StrataError('INVALID_INPUT', 'A balance cannot be negative');
    if (h.amount === 0n) continue;
    const key = targetKeyOf(h.asset, keys);
    if (key === null) {
      untracked.add(h.asset.symbol);
      continue;
    }
    const position = byKey.get(key) as AssetPosition;
    if (position.holdings.length === 0) position.symbol = h.asset.symbol;
    const price = h.usdPrice === null ? null : parseDecimal(h.usdPrice);
    if (price === null || price.units === 0n) {
      unpriced.add(h.asset.symbol);
      unpricedKeys.add(key);
      continue;
    }
    position.holdings.push({ ...h, price, usd: usdOfUnits(h.amount, h.asset.decimals, price) });
  }
  let total = 0n;
  for (const p of byKey.values()) {
    p.holdings.sort((a, b) => (a.usd === b.usd ? `${a.asset.chain}|${a.accountId}`.localeCompare(`${b.asset.chain}|${b.accountId}`) : a.usd > b.usd ? -1 : 1));
    p.current = p.holdings.reduce((sum, h) => sum + h.usd, 0n);
    p.symbol = p.holdings[0]?.asset.symbol ?? p.symbol;
    total += p.current;
  }
  keys.forEach((key, i) => {
    (byKey.get(key) as AssetPosition).target = (total * (scaled[i] as bigint)) / weightSum;
  });
  return { total, positions: [...byKey.values()], unpriced: [...unpriced].sort(), untracked: [...untracked].sort(), unpricedKeys };
}

/** Whether `current` is more than `bandPct` percentage points of `total` away from `target` (exact). */
export function isOutOfBand(current: bigint, target: bigint, total: bigint, bandPct: number): boolean {
  const diff = current > target ? current - target : target - current;
  return diff * 10_000n > BigInt(Math.round(bandPct * 100)) * total;
}

const pctOf = (value: bigint, total: bigint): number => (total === 0n ? 0 : Number((value * 1_000_000n) / total) / 10_000);
const round2 = (x: number): number => Math.round(x * 100) / 100;

/** The drift report of positions: every target asset's weight now and its target, in percent, and which are out of band. */
export function driftReport(positions: Positions, bandPct: number): DriftReport {
  const { total } = positions;
  const assets = positions.positions.map((p) => {
    const currentPct = pctOf(p.current, total);
    const targetPct = pctOf(p.target, total);
    return {
      key: p.key,
      symbol: p.symbol,
      currentUsd: usdText(p.current),
      targetUsd: usdText(p.target),
      currentPct: round2(currentPct),
      targetPct: round2(targetPct),
      driftPct: round2(currentPct - targetPct),
      outOfBand: total > 0n && isOutOfBand(p.current, p.target, total, bandPct),
    };
  });
  return {
    totalUsd: usdText(total),
    bandPct,
    assets,
    outOfBand: assets.filter((a) => a.outOfBand).map((a) => a.key),
    unpriced: positions.unpriced,
    untracked: positions.untracked,
  };
}

/**
 * Holdings against target weights: each target asset's value now and at target (the same asset on several chains and
 * accounts counted together) and its drift in percentage points; out of band when the drift exceeds `bandPct`.
 * @throws INVALID_INPUT for negative weights or amounts
 */
export function measureDrift(holdings: readonly RebalanceHolding[], weights: TargetWeights, bandPct: number): DriftReport {
  return driftReport(positionsOf(holdings, weights), bandPct);
}
