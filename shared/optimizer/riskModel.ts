import { invalidInput } from './errors';
import { DEFAULT_FREQUENCY, positive } from './expectedReturns';
import { ewmMeanLast } from './ewmMean';
import { isPositiveDefinite, symmetricEigen } from './linalg';
import { pairwiseMoments, returnColumns } from './pairwiseStats';
import type { Matrix, ReturnsTable } from './types';

export type RiskModelMethod = 'sample' | 'ledoit-wolf' | 'exp';

export interface RiskModelOptions {
  /** 'sample' (default), 'ledoit-wolf' (constant-variance target) or 'exp' (exponentially weighted). */
  method?: RiskModelMethod;
  /** Periods per year (default 252). */
  frequency?: number;
  /** Span of the exponential weighting for 'exp' (default 180, as PyPortfolioOpt's exp_cov). */
  span?: number;
}

export const DEFAULT_EXP_COV_SPAN = 180;

/**
 * Annualized covariance matrix of the assets' daily returns, in the order of `table.assets`, following PyPortfolioOpt:
 * - 'sample': pairwise over the dates both assets have a return, ddof 1, × frequency (sample_cov);
 * - 'exp': exponentially weighted co-movements around each asset's own mean, span 180 (exp_cov);
 * - 'ledoit-wolf': Ledoit-Wolf shrinkage towards `mean variance × I`, missing returns taken as 0
 *   (CovarianceShrinkage.ledoit_wolf, which wraps scikit-learn's ledoit_wolf).
 * The result is always positive semidefinite: see fixNonPositiveSemidefinite.
 */
export function riskModel(table: ReturnsTable, options: RiskModelOptions = {}): Matrix {
  const method = options.method ?? 'sample';
  const frequency = positive(options.frequency ?? DEFAULT_FREQUENCY, 'frequency');
  let daily: Matrix;
  if (method === 'sample') daily = pairwiseMoments(table).covariance;
  else if (method === 'exp') daily = exponentialCovariance(table, positive(options.span ?? DEFAULT_EXP_COV_SPAN, 'span'));
  else if (method === 'ledoit-wolf') daily = ledoitWolf(table).covariance;
  else throw invalidInput(`Unknown risk model "${String(method)}" (sample, ledoit-wolf or exp)`);
  return fixNonPositiveSemidefinite(daily.map((row) => row.map((x) => x * frequency))).matrix;
}

/** PyPortfolioOpt's exp_cov before annualization: per pair, the EWM of `(x - mean x)(y - mean y)`. */
function exponentialCovariance(table: ReturnsTable, span: number): Matrix {
  const cols = returnColumns(table);
  const means = cols.map((col) => {
    let s = 0;
    let c = 0;
    for (const v of col) {
      if (v !== v) continue;
      s += v;
      c++;
    }
    return s / c;
  });
  const n = cols.length;
  const t = table.returns.length;
  const out = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  const co = new Float64Array(t);
  for (let i = 0; i < n; i++) {
    const x = cols[i] as Float64Array;
    const mx = means[i] as number;
    for (let j = i; j < n; j++) {
      const y = cols[j] as Float64Array;
      const my = means[j] as number;
      for (let k = 0; k < t; k++) co[k] = ((x[k] as number) - mx) * ((y[k] as number) - my);
      const v = ewmMeanLast(co, span);
      (out[i] as number[])[j] = v;
      (out[j] as number[])[i] = v;
    }
  }
  return out;
}

/**
 * Ledoit-Wolf shrinkage exactly as scikit-learn's `ledoit_wolf(X)` (assume_centered=False) on PyPortfolioOpt's input
 * `np.nan_to_num(returns)`: daily, not annualized, with the shrinkage intensity.
 */
export function ledoitWolf(table: ReturnsTable): { covariance: Matrix; shrinkage: number } {
  const cols = returnColumns(table).map((col) => col.map((v) => (v === v ? v : 0)));
  const n = cols.length;
  const t = table.returns.length;
  for (const col of cols) {
    let s = 0;
    for (const v of col) s += v;
    const m = s / t;
    for (let k = 0; k < t; k++) col[k] = (col[k] as number) - m;
  }
  const emp = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    const x = cols[i] as Float64Array;
    for (let j = 0; j <= i; j++) {
      const y = cols[j] as Float64Array;
      let s = 0;
      for (let k = 0; k < t; k++) s += (x[k] as number) * (y[k] as number);
      (emp[i] as number[])[j] = s / t;
      (emp[j] as number[])[i] = s / t;
    }
  }
  let trace = 0;
  for (let i = 0; i < n; i++) trace += (emp[i] as number[])[i] as number;
  const mu = trace / n;
  // beta_ = sum of all entries of X2'X2 = sum over dates of (sum of squared centred returns)^2.
  let betaSum = 0;
  for (let k = 0; k < t; k++) {
    let rowSum = 0;
    for (let i = 0; i < n; i++) rowSum += ((cols[i] as Float64Array)[k] as number) ** 2;
    betaSum += rowSum * rowSum;
  }
  let deltaSum = 0;
  for (const row of emp) for (const v of row) deltaSum += v * v;
  let beta = (1 / (n * t)) * (betaSum / t - deltaSum);
  const delta = (deltaSum - 2 * mu * trace + n * mu * mu) / n;
  beta = Math.min(beta, delta);
  const shrinkage = n === 1 || beta === 0 ? 0 : beta / delta;
  const covariance = emp.map((row, i) => row.map((v, j) => (1 - shrinkage) * v + (i === j ? shrinkage * mu : 0)));
  return { covariance, shrinkage };
}

/**
 * PyPortfolioOpt's fix_nonpositive_semidefinite with the 'spectral' method: a matrix whose Cholesky factorization of
 * `M + 1e-16 I` succeeds is returned unchanged; otherwise negative eigenvalues are set to 0 and the matrix rebuilt as
 * `V diag(max(q, 0)) V'`. The result is positive semidefinite, possibly singular; the QP layer adds a tiny ridge only
 * when its solver needs a strictly positive definite matrix (see qp.ts).
 */
export function fixNonPositiveSemidefinite(matrix: Matrix): { matrix: Matrix; repaired: boolean } {
  // A matrix this function has returned before (the risk model's output, fed to optimize) is not checked again: the
  // Cholesky test is O(n^3), the largest cost of a 500-asset max Sharpe. Matrices are never mutated in place.
  if (checked.has(matrix)) return { matrix, repaired: false };
  for (const row of matrix) for (const v of row) if (!Number.isFinite(v)) throw invalidInput('The covariance matrix has a missing or non-finite entry');
  if (isPositiveDefinite(matrix, 1e-16)) {
    checked.add(matrix);
    return { matrix, repaired: false };
  }
  const { values, vectors } = symmetricEigen(matrix);
  const q = values.map((v) => (v > 0 ? v : 0));
  const n = matrix.length;
  const fixed = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    const vi = vectors[i] as number[];
    for (let j = 0; j <= i; j++) {
      const vj = vectors[j] as number[];
      let s = 0;
      for (let k = 0; k < n; k++) s += (vi[k] as number) * (q[k] as number) * (vj[k] as number);
      (fixed[i] as number[])[j] = s;
      (fixed[j] as number[])[i] = s;
    }
  }
  checked.add(fixed);
  return { matrix: fixed, repaired: true };
}

/** Matrices fixNonPositiveSemidefinite has returned (positive semidefinite as PyPortfolioOpt defines it). */
const checked = new WeakSet<Matrix>();
