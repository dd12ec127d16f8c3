import { invalidInput } from './errors';
import { pairwiseMoments, type PairwiseMoments } from './pairwiseStats';
import { leafOrder, singleLinkage } from './singleLinkage';
import type { Matrix, ReturnsTable } from './types';

/** Daily returns, pairwise moments already computed from them (the risk model's pass), or a covariance matrix alone. */
export type HrpSource = { returns: ReturnsTable } | { moments: PairwiseMoments } | { covariance: Matrix };

export interface HrpResult {
  /** Weights in the order of the input's assets; long-only, sum 1. */
  weights: number[];
  /** Asset indices in quasi-diagonal (dendrogram leaf) order. */
  order: number[];
  /** The SciPy-style linkage matrix of the clustering. */
  linkage: number[][];
}

/**
 * Hierarchical risk parity (López de Prado, 2016) as PyPortfolioOpt's HRPOpt.optimize("single") computes it:
 * correlation distance `sqrt(clip((1 - corr) / 2, 0, 1))` taken directly as the condensed distance matrix,
 * single linkage, leaves in dendrogram order, then recursive bisection of that list into halves weighted by the
 * inverse of each half's inverse-variance-portfolio variance.
 * From returns, correlation and covariance are pairwise over overlapping dates (pandas `.corr()`/`.cov()`, the same
 * pass as the sample risk model's, done once per table); from a
 * covariance matrix alone, the correlation is derived from it and rounded to 6 decimals, as HRPOpt does.
 */
export function hrpWeights(source: HrpSource): HrpResult {
  let covariance: Matrix;
  let correlation: Matrix;
  if ('returns' in source) {
    ({ covariance, correlation } = pairwiseMoments(source.returns));
  } else if ('moments' in source) {
    ({ covariance, correlation } = source.moments);
  } else {
    covariance = source.covariance;
    // Same operation order as PyPortfolioOpt's cov_to_corr (D^-1 C D^-1), so the 6-decimal rounding agrees.
    const inv = covariance.map((row, i) => 1 / Math.sqrt(row[i] as number));
    correlation = covariance.map((row, i) => row.map((v, j) => roundHalfEven((inv[i] as number) * (v * (inv[j] as number)) * 1e6) / 1e6));
  }
  const n = covariance.length;
  if (n === 0) throw invalidInput('HRP needs at least one asset');
  for (const row of correlation) if (!row.every(Number.isFinite)) throw invalidInput('HRP: a correlation is undefined (constant returns or too little overlap)');
  const condensed = new Float64Array((n * (n - 1)) / 2);
  let k = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      condensed[k++] = Math.sqrt(Math.min(1, Math.max(0, (1 - ((correlation[i] as number[])[j] as number)) / 2)));
    }
  }
  const linkage = n > 1 ? singleLinkage(condensed, n) : [];
  const order = leafOrder(linkage, n);
  const w = new Array<number>(n).fill(1);
  let clusters: number[][] = [order];
  while (clusters.length > 0) {
    clusters = clusters.flatMap((c) => (c.length > 1 ? [c.slice(0, c.length >> 1), c.slice(c.length >> 1)] : []));
    for (let i = 0; i < clusters.length; i += 2) {
      const first = clusters[i] as number[];
      const second = clusters[i + 1] as number[];
      const v1 = clusterVariance(covariance, first);
      const v2 = clusterVariance(covariance, second);
      const alpha = 1 - v1 / (v1 + v2);
      for (const a of first) w[a] = (w[a] as number) * alpha;
      for (const a of second) w[a] = (w[a] as number) * (1 - alpha);
    }
  }
  return { weights: w, order, linkage };
}

/** Variance of the inverse-variance portfolio of a cluster (HRPOpt._get_cluster_var). */
export function clusterVariance(covariance: Matrix, members: readonly number[]): number {
  const inv = members.map((i) => 1 / ((covariance[i] as number[])[i] as number));
  const total = inv.reduce((s, v) => s + v, 0);
  const w = inv.map((v) => v / total);
  let s = 0;
  members.forEach((i, a) => {
    members.forEach((j, b) => {
      s += (w[a] as number) * ((covariance[i] as number[])[j] as number) * (w[b] as number);
    });
  });
  return s;
}

/** NumPy's rint: round to nearest, ties to even. */
function roundHalfEven(x: number): number {
  const f = Math.floor(x);
  const d = x - f;
  if (d > 0.5) return f + 1;
  if (d < 0.5) return f;
  return f % 2 === 0 ? f : f + 1;
}
