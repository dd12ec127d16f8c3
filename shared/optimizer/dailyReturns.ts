import { optimizerError } from './errors';
import type { PriceTable, ReturnsTable } from './types';

/** Fewest returns an asset may have: the sample variance needs two, and three keeps one degree of freedom spare. */
export const MIN_RETURNS_PER_ASSET = 3;
/** Fewest overlapping returns a pair of assets may have: their sample covariance needs two. */
export const MIN_OVERLAP = 2;

/**
 * Simple daily returns `price[t] / price[t-1] - 1` with no filling of gaps (pandas `pct_change(fill_method=None)`):
 * a return is missing where either price is. Rows with no return at all are dropped (`dropna(how="all")`), as
 * PyPortfolioOpt's `returns_from_prices` does.
 *
 * Throws PRICES_INVALID when an asset has fewer than MIN_RETURNS_PER_ASSET returns, when its returns have zero
 * variance (a constant price), or when two assets share fewer than MIN_OVERLAP dates with returns.
 */
export function dailyReturns(table: PriceTable): ReturnsTable {
  const n = table.assets.length;
  const dates: string[] = [];
  const returns: (number | null)[][] = [];
  for (let t = 1; t < table.prices.length; t++) {
    const prev = table.prices[t - 1] as (number | null)[];
    const cur = table.prices[t] as (number | null)[];
    let any = false;
    const row = new Array<number | null>(n);
    for (let i = 0; i < n; i++) {
      const p0 = prev[i];
      const p1 = cur[i];
      if (p0 == null || p1 == null) {
        row[i] = null;
      } else {
        row[i] = p1 / p0 - 1;
        any = true;
      }
    }
    if (any) {
      dates.push(table.dates[t] as string);
      returns.push(row);
    }
  }
  const result = { dates, assets: table.assets.slice(), returns };
  validateReturns(result);
  return result;
}

/** Checks that every asset has enough returns, some variation, and enough overlap with every other asset. */
export function validateReturns(table: ReturnsTable): void {
  const n = table.assets.length;
  if (n === 0) throw optimizerError('PRICES_INVALID', 'No assets');
  const counts = new Array<number>(n).fill(0);
  const first = new Array<number | null>(n).fill(null);
  const varies = new Array<boolean>(n).fill(false);
  for (const row of table.returns) {
    for (let i = 0; i < n; i++) {
      const r = row[i];
      if (r == null) continue;
      if (!Number.isFinite(r)) throw optimizerError('PRICES_INVALID', `Asset "${table.assets[i] as string}" has a non-finite return`);
      counts[i] = (counts[i] as number) + 1;
      if (first[i] == null) first[i] = r;
      else if (r !== first[i]) varies[i] = true;
    }
  }
  for (let i = 0; i < n; i++) {
    const name = table.assets[i] as string;
    if ((counts[i] as number) < MIN_RETURNS_PER_ASSET) {
      throw optimizerError('PRICES_INVALID', `Asset "${name}" has ${counts[i] as number} daily returns; at least ${MIN_RETURNS_PER_ASSET} are needed (${MIN_RETURNS_PER_ASSET + 1} consecutive prices)`);
    }
    if (!varies[i]) throw optimizerError('PRICES_INVALID', `Asset "${name}" has zero variance (a constant price): it cannot be optimized`);
  }
  if (n > 1) {
    const overlap = pairwiseCounts(table.returns, n);
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const c = (overlap[i] as number[])[j] as number;
        if (c < MIN_OVERLAP) {
          throw optimizerError('PRICES_INVALID', `Assets "${table.assets[i] as string}" and "${table.assets[j] as string}" have ${c} dates with returns in common; at least ${MIN_OVERLAP} are needed`);
        }
      }
    }
  }
}

function pairwiseCounts(rows: (number | null)[][], n: number): number[][] {
  const counts = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  const present: number[] = [];
  for (const row of rows) {
    present.length = 0;
    for (let i = 0; i < n; i++) if (row[i] != null) present.push(i);
    for (let a = 0; a < present.length; a++) {
      const ca = counts[present[a] as number] as number[];
      for (let b = a + 1; b < present.length; b++) ca[present[b] as number] = (ca[present[b] as number] as number) + 1;
    }
  }
  return counts;
}

/** One asset's column of returns (with nulls). */
export function column(table: ReturnsTable, i: number): (number | null)[] {
  return table.returns.map((row) => row[i] as number | null);
}
