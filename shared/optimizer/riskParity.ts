import { invalidInput } from './errors';
import { cholesky, matVec } from './linalg';
import type { Matrix } from './types';

/**
 * Risk parity (equal risk contribution, or any positive risk budgets b): the long-only portfolio whose assets
 * contribute `w_i (Sigma w)_i / (w' Sigma w) = b_i / sum(b)` of the variance. Solved through Spinu's (2013) convex
 * formulation `min 1/2 y' Sigma y - sum b_i ln y_i`, whose unique minimizer satisfies `y_i (Sigma y)_i = b_i`, by
 * Newton's method with a backtracking line search (quadratic convergence to machine precision); `w = y / sum(y)`.
 * This is the portfolio Riskfolio-Lib's `rp_optimization` (model 'Classic', risk measure 'MV') computes.
 */
export function riskParityWeights(sigma: Matrix, budgets?: readonly number[]): number[] {
  const n = sigma.length;
  const raw = budgets ?? new Array<number>(n).fill(1);
  if (raw.length !== n || !raw.every((b) => Number.isFinite(b) && b > 0)) throw invalidInput(`Risk budgets must be ${n} positive numbers`);
  const total = raw.reduce((s, b) => s + b, 0);
  const b = raw.map((x) => x / total);
  for (let i = 0; i < n; i++) {
    if (!(((sigma[i] as number[])[i] as number) > 0)) throw invalidInput('Risk parity needs a positive variance for every asset');
  }
  const objective = (y: number[]): number => {
    const sy = matVec(sigma, y);
    let f = 0;
    for (let i = 0; i < n; i++) f += 0.5 * (y[i] as number) * (sy[i] as number) - (b[i] as number) * Math.log(y[i] as number);
    return f;
  };
  // At the optimum y' Sigma y = sum(b) = 1: start from inverse volatilities scaled to that.
  let y = sigma.map((row, i) => 1 / Math.sqrt(row[i] as number));
  const s0 = Math.sqrt(matVec(sigma, y).reduce((s, v, i) => s + v * (y[i] as number), 0));
  y = y.map((v) => v / s0);
  let f = objective(y);
  for (let iter = 0; iter < 100; iter++) {
    const sy = matVec(sigma, y);
    // Optimality is y_i (Sigma y)_i = b_i: stop once every budget is met to a few ulps.
    let worst = 0;
    for (let i = 0; i < n; i++) worst = Math.max(worst, Math.abs((y[i] as number) * (sy[i] as number) - (b[i] as number)));
    if (worst <= 4 * Number.EPSILON) break;
    const g = y.map((v, i) => (sy[i] as number) - (b[i] as number) / v);
    const h = sigma.map((row, i) => row.map((v, j) => (i === j ? v + (b[i] as number) / (y[i] as number) ** 2 : v)));
    const dy = newtonStep(h, g);
    const decrement = -g.reduce((s, v, i) => s + v * (dy[i] as number), 0);
    let t = 1;
    // Stay inside y > 0.
    for (let i = 0; i < n; i++) if ((dy[i] as number) < 0) t = Math.min(t, (-0.99 * (y[i] as number)) / (dy[i] as number));
    let next = y.map((v, i) => v + t * (dy[i] as number));
    // Far from the optimum, backtrack until the objective decreases enough (Armijo). Close to it, the full Newton
    // step converges quadratically and the objective's changes drown in rounding, so it is taken as is.
    if (decrement > 1e-10) {
      let fNext = objective(next);
      while (fNext > f - 0.25 * t * decrement && t > 1e-12) {
        t /= 2;
        next = y.map((v, i) => v + t * (dy[i] as number));
        fNext = objective(next);
      }
      f = fNext;
    } else {
      f = objective(next);
    }
    y = next;
  }
  const sum = y.reduce((s, v) => s + v, 0);
  return y.map((v) => v / sum);
}

/** Solves `H d = -g` for the Newton direction; H is symmetric positive definite here. */
function newtonStep(h: Matrix, g: number[]): number[] {
  const l = cholesky(h);
  if (l === null) throw invalidInput('Risk parity: the covariance matrix is not positive semidefinite');
  const n = g.length;
  const z = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) {
    const li = l[i] as number[];
    let s = -(g[i] as number);
    for (let k = 0; k < i; k++) s -= (li[k] as number) * (z[k] as number);
    z[i] = s / (li[i] as number);
  }
  const d = new Array<number>(n).fill(0);
  for (let i = n - 1; i >= 0; i--) {
    let s = z[i] as number;
    for (let k = i + 1; k < n; k++) s -= ((l[k] as number[])[i] as number) * (d[k] as number);
    d[i] = s / ((l[i] as number[])[i] as number);
  }
  return d;
}

/** Each asset's share of the portfolio variance, `w_i (Sigma w)_i / (w' Sigma w)`. */
export function riskContributions(sigma: Matrix, w: readonly number[]): number[] {
  const sw = matVec(sigma, w);
  const variance = sw.reduce((s, v, i) => s + v * (w[i] as number), 0);
  return sw.map((v, i) => (v * (w[i] as number)) / variance);
}
