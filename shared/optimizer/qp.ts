import { solveQP } from 'quadprog';
import { StrataError } from '../errors';
import { optimizerError } from './errors';
import { cholesky } from './linalg';
import type { LinearSystem } from './constraints';
import type { Matrix } from './types';

export interface QpSolution {
  x: number[];
  /** Lagrange multiplier of each constraint row (>= 0 for inequalities). */
  multipliers: number[];
}

/**
 * Minimizes `1/2 x' D x - d' x` subject to `system` with quadprog (Goldfarb-Idnani), which is exact up to rounding
 * and needs D strictly positive definite. A covariance matrix that is only semidefinite (spectral repair, more assets
 * than dates, duplicated assets) gets the smallest ridge `eps * I` that makes it definite, starting at 1e-12 times its
 * mean variance: this moves the result by about that relative amount and picks one of the equally good portfolios.
 * Throws OPTIMIZER_INFEASIBLE when the constraints contradict each other.
 */
export function solveQp(dMatrix: Matrix, d: readonly number[], system: LinearSystem): QpSolution {
  // Goldfarb-Idnani may call a feasible but degenerate problem (every weight at a bound, a group bound exactly met)
  // inconsistent after a last-ulp change in the matrix. The callers have proven feasibility (bound sums, the simplex's
  // phase 1), so such a verdict is retried with a ridge of 1e-10 × mean variance, then with inequalities relaxed by
  // 1e-12, before it is reported.
  try {
    return solveQpOnce(definite(dMatrix), d, system);
  } catch (error) {
    if (!isInconsistent(error)) throw error;
  }
  const ridged = withRidge(dMatrix, 1e-10);
  try {
    return solveQpOnce(ridged, d, system);
  } catch (error) {
    if (!isInconsistent(error)) throw error;
  }
  const relaxed = { ...system, rhs: system.rhs.map((b, k) => (k < system.equalities ? b : b - 1e-12 * Math.max(1, Math.abs(b)))) };
  return solveQpOnce(ridged, d, relaxed);
}

function isInconsistent(error: unknown): boolean {
  return error instanceof StrataError && error.details === 'OPTIMIZER_INFEASIBLE';
}

function withRidge(m: Matrix, relative: number): Matrix {
  const n = m.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += Math.abs((m[i] as number[])[i] as number);
  const ridge = (relative * mean) / n || relative;
  return definite(m.map((row, i) => row.map((v, j) => (i === j ? v + ridge : v))));
}

function solveQpOnce(matrix: Matrix, d: readonly number[], system: LinearSystem): QpSolution {
  const n = d.length;
  const q = system.rows.length;
  const dmat: number[][] = [[]];
  for (let i = 0; i < n; i++) dmat.push([0, ...(matrix[i] as number[])]);
  const dvec = [0, ...d];
  const amat: number[][] = [[]];
  for (let i = 0; i < n; i++) {
    const col = [0];
    for (let j = 0; j < q; j++) col.push((system.rows[j] as number[])[i] as number);
    amat.push(col);
  }
  const bvec = [0, ...system.rhs];
  if (q === 0) {
    // quadprog needs at least one constraint column; 0 >= -1 is always true.
    for (let i = 1; i <= n; i++) amat[i] = [0, 0];
    bvec.push(-1);
  }
  const result = solveQP(dmat, dvec, amat, bvec, system.equalities);
  if (result.message !== '') {
    if (/inconsistent/.test(result.message)) {
      const named = system.labels.filter((l) => !/^(minimum|maximum) weight of/.test(l));
      throw optimizerError('OPTIMIZER_INFEASIBLE', `The constraints cannot all hold together (${named.join('; ')}, with the per-asset bounds)`);
    }
    throw new StrataError('INTERNAL', `QP solver failed: ${result.message}`);
  }
  const x = result.solution.slice(1, n + 1);
  if (!x.every(Number.isFinite)) throw new StrataError('INTERNAL', 'QP solver returned a non-finite solution');
  return { x, multipliers: result.Lagrangian.slice(1, q + 1) };
}

/** The matrix itself when Cholesky succeeds, else with the smallest ridge (×10 steps from 1e-12 × mean diagonal). */
function definite(m: Matrix): Matrix {
  if (cholesky(m) !== null) return m;
  const n = m.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += Math.abs((m[i] as number[])[i] as number);
  mean = mean / n || 1;
  for (let ridge = 1e-12 * mean; ridge < mean; ridge *= 10) {
    const bumped = m.map((row, i) => row.map((v, j) => (i === j ? v + ridge : v)));
    if (cholesky(bumped) !== null) return bumped;
  }
  throw new StrataError('INTERNAL', 'The covariance matrix is not positive semidefinite');
}
