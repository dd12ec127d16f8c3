import { compileConstraints, fmt, linearSystem, type CompiledConstraints, type LinearSystem, type PortfolioConstraints } from './constraints';
import { invalidInput, optimizerError } from './errors';
import { CriticalLineUnavailable, tryFrontierPath, type FrontierPath } from './frontierPath';
import { dot, quadForm } from './linalg';
import { maximizeLinearProgram } from './linearProgram';
import { solveQp } from './qp';
import { fixNonPositiveSemidefinite } from './riskModel';
import type { Matrix } from './types';

/** Inputs of every mean-variance problem: annualized expected returns and covariance in the order of `assets`. */
export interface MeanVarianceInput {
  assets: string[];
  mu: number[];
  sigma: Matrix;
  constraints?: PortfolioConstraints;
  /**
   * 'auto' (default): the critical line algorithm whenever only per-asset bounds and the budget apply, quadprog for
   * group constraints and the rare cases the critical line path declines (a tie for the top return, a singular
   * covariance block). 'quadprog': always quadprog, one fresh solve per problem (the solver before 2026-12; kept for
   * comparison and as the fallback).
   */
  solver?: Solver;
}

export type Solver = 'auto' | 'quadprog';

/** A problem reduced to the assets that may hold weight, ready for repeated solves (frontier, target search). */
export interface PreparedProblem {
  compiled: CompiledConstraints;
  system: LinearSystem;
  /** Expected returns and covariance of the free assets only. */
  mu: number[];
  sigma: Matrix;
  /** Full-size inputs, for performance figures. */
  fullMu: number[];
  fullSigma: Matrix;
  solver: Solver;
  /** The critical line path once computed (null: it does not apply), shared by every question on this problem. */
  path?: FrontierPath | null;
}

/**
 * Validates sizes and numbers, repairs a covariance matrix that is not positive semidefinite (spectral method, as
 * PyPortfolioOpt does before optimizing), compiles the constraints and reduces everything to the free assets.
 */
export function prepareProblem(input: MeanVarianceInput): PreparedProblem {
  const n = input.assets.length;
  if (n === 0) throw invalidInput('No assets to optimize');
  if (new Set(input.assets).size !== n) throw invalidInput('Asset names must be unique');
  if (input.mu.length !== n || !input.mu.every(Number.isFinite)) throw invalidInput(`Expected returns must be ${n} finite numbers`);
  if (input.sigma.length !== n || !input.sigma.every((row) => row.length === n && row.every(Number.isFinite))) {
    throw invalidInput(`The covariance matrix must be ${n}×${n} finite numbers`);
  }
  let scale = 0;
  for (let i = 0; i < n; i++) scale = Math.max(scale, Math.abs((input.sigma[i] as number[])[i] as number));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      if (Math.abs(((input.sigma[i] as number[])[j] as number) - ((input.sigma[j] as number[])[i] as number)) > 1e-12 * scale) {
        throw invalidInput('The covariance matrix must be symmetric');
      }
    }
  }
  const fullSigma = fixNonPositiveSemidefinite(input.sigma).matrix;
  const compiled = compileConstraints(input.assets, input.constraints);
  const free = compiled.free;
  // Phase 1 of the simplex names an infeasible combination before any QP runs (without groups, compileConstraints
  // has already checked the only condition: the bounds' sums bracket 1).
  if (compiled.groups.length > 0) maximizeLinearProgram(free.map(() => 0), compiled);
  const solver = input.solver ?? 'auto';
  if (solver !== 'auto' && solver !== 'quadprog') throw invalidInput(`Unknown solver "${String(solver)}" (auto or quadprog)`);
  let system: LinearSystem | undefined;
  return {
    compiled,
    // Dense rows for quadprog only (n rows of n at long-only bounds): built when a quadprog solve asks.
    get system(): LinearSystem {
      system ??= linearSystem(compiled);
      return system;
    },
    mu: free.map((i) => input.mu[i] as number),
    sigma: free.length === n ? fullSigma : free.map((i) => free.map((j) => (fullSigma[i] as number[])[j] as number)),
    fullMu: input.mu.slice(),
    fullSigma,
    solver,
  };
}

/**
 * Runs `use` on the problem's critical line path; undefined when the path does not apply (group constraints, the
 * quadprog solver asked for, a tie at the top, a singular block met on the way), and the caller uses quadprog.
 */
function viaPath<T>(p: PreparedProblem, use: (path: FrontierPath) => T): T | undefined {
  if (p.solver === 'quadprog' || p.compiled.groups.length > 0 || p.path === null) return undefined;
  try {
    if (p.path === undefined) {
      const m = p.mu.length;
      const sigma = new Float64Array(m * m);
      for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) sigma[i * m + j] = (p.sigma[i] as number[])[j] as number;
      p.path = tryFrontierPath({ mu: p.mu, sigma, lower: p.compiled.lower, upper: p.compiled.upper });
      if (p.path === null) return undefined;
    }
    return use(p.path);
  } catch (error) {
    if (!(error instanceof CriticalLineUnavailable)) throw error;
    p.path = null;
    return undefined;
  }
}

const plain = (w: Float64Array): number[] => Array.from(w);

/** Weights of all assets (0 for the excluded ones) from the free assets' weights, clipped to their bounds. */
export function expandWeights(p: PreparedProblem, x: readonly number[]): number[] {
  const w = new Array<number>(p.compiled.assets.length).fill(0);
  p.compiled.free.forEach((i, k) => {
    // The solver may land a few ulps outside a bound it treats as active.
    const v = Math.min(Math.max(x[k] as number, p.compiled.lower[k] as number), p.compiled.upper[k] as number);
    w[i] = v + 0;
  });
  return w;
}

/** The portfolio with the least variance (PyPortfolioOpt's min_volatility). */
export function minVolatilityWeights(p: PreparedProblem): number[] {
  return viaPath(p, (path) => plain(path.bottom.w)) ?? solveQp(p.sigma, zerosLike(p.mu), p.system).x;
}

/** Maximizes `w' mu - (delta / 2) w' Sigma w` (max_quadratic_utility, delta > 0). */
export function maxUtilityWeights(p: PreparedProblem, riskAversion: number): number[] {
  if (!Number.isFinite(riskAversion) || riskAversion <= 0) throw invalidInput('Risk aversion must be a positive number');
  const onPath = viaPath(p, (path) => plain(path.atLambda(1 / riskAversion)));
  if (onPath !== undefined) return onPath;
  // Same minimizer as (delta Sigma, mu), but a huge delta would swamp the solver's absolute tolerances.
  return solveQp(p.sigma, p.mu.map((v) => v / riskAversion), p.system).x;
}

/** The highest expected return the constraints allow, and the least-variance portfolio that reaches it. */
export function maxReturnWeights(p: PreparedProblem): { x: number[]; value: number } {
  const onPath = viaPath(p, (path) => ({ x: plain(path.top.w), value: path.top.ret }));
  if (onPath !== undefined) return onPath;
  const lp = maximizeLinearProgram(p.mu, p.compiled);
  if (lp.unique) return { x: lp.x, value: lp.value };
  // Several portfolios reach the top return (assets tie): keep the least risky one. Should rounding make the solver
  // see that target as out of reach, the linear program's own vertex stands.
  try {
    const x = withReturnAtLeast(p, lp.value);
    if (dot(x, p.mu) >= lp.value - 1e-15 * Math.max(1, Math.abs(lp.value))) return { x, value: lp.value };
  } catch {
    // fall through
  }
  return { x: lp.x, value: lp.value };
}

function withReturnAtLeast(p: PreparedProblem, target: number): number[] {
  const system: LinearSystem = {
    rows: [...p.system.rows, p.mu],
    rhs: [...p.system.rhs, target],
    equalities: p.system.equalities,
    labels: [...p.system.labels, `expected return at least ${fmt(target)}`],
  };
  return solveQp(p.sigma, zerosLike(p.mu), system).x;
}

/**
 * Minimizes variance subject to `w' mu >= target` (PyPortfolioOpt's efficient_return uses this inequality; a target
 * below the minimum-volatility portfolio's return yields that portfolio). TARGET_OUT_OF_RANGE above the highest
 * achievable return.
 */
export function efficientReturnWeights(p: PreparedProblem, target: number, maxReturn = maxReturnWeights(p)): number[] {
  if (!Number.isFinite(target)) throw invalidInput('The target return must be a number');
  const top = maxReturn.value;
  const slack = 1e-10 * Math.max(1, Math.abs(top));
  if (target > top + slack) {
    throw optimizerError('TARGET_OUT_OF_RANGE', `Target return ${fmt(target)} is above the highest expected return these constraints allow (${fmt(top)})`);
  }
  if (target >= top - 1e-12 * Math.max(1, Math.abs(top))) return maxReturn.x;
  return viaPath(p, (path) => plain(path.withReturn(target))) ?? withReturnAtLeast(p, target);
}

/**
 * Maximizes return subject to volatility <= target (efficient_risk). The efficient frontier's variance grows
 * monotonically with the target return, so the portfolio is found by a bracketed root search (Illinois) on the
 * efficient-return problems between the minimum-volatility and the maximum-return portfolios; a target at or above
 * the maximum-return portfolio's volatility yields that portfolio. TARGET_OUT_OF_RANGE below the least volatility
 * the constraints allow.
 */
export function efficientRiskWeights(p: PreparedProblem, target: number): number[] {
  if (!Number.isFinite(target) || target <= 0) throw optimizerError('TARGET_OUT_OF_RANGE', 'The target volatility must be a positive number');
  const minVol = minVolatilityWeights(p);
  const vMin = Math.sqrt(Math.max(0, quadForm(p.sigma, minVol)));
  if (target < vMin * (1 - 1e-9)) {
    throw optimizerError('TARGET_OUT_OF_RANGE', `Target volatility ${fmt(target)} is below the least volatility these constraints allow (${fmt(vMin)})`);
  }
  if (target <= vMin) return minVol;
  const top = maxReturnWeights(p);
  const vTop = Math.sqrt(Math.max(0, quadForm(p.sigma, top.x)));
  if (target >= vTop) return top.x;
  const goal = target * target;
  const onPath = viaPath(p, (path) => plain(path.withVariance(goal)));
  if (onPath !== undefined) return onPath;
  let a = dot(minVol, p.mu);
  let fa = quadForm(p.sigma, minVol) - goal;
  let b = top.value;
  let fb = vTop * vTop - goal;
  let best = minVol;
  let bestErr = Math.abs(fa);
  let side = 0;
  for (let iter = 0; iter < 200; iter++) {
    let c = (a * fb - b * fa) / (fb - fa);
    if (!(c > a && c < b)) c = (a + b) / 2;
    const x = withReturnAtLeast(p, c);
    const fc = quadForm(p.sigma, x) - goal;
    if (Math.abs(fc) < bestErr) {
      best = x;
      bestErr = Math.abs(fc);
    }
    if (Math.abs(fc) <= 1e-15 * goal) break;
    if (fc < 0) {
      a = c;
      fa = fc;
      if (side === -1) fb /= 2;
      side = -1;
    } else {
      b = c;
      fb = fc;
      if (side === 1) fa /= 2;
      side = 1;
    }
    if (b - a <= 4 * Number.EPSILON * Math.max(1, Math.abs(b))) break;
  }
  return best;
}

/**
 * Maximizes the Sharpe ratio `(w' mu - rf) / sqrt(w' Sigma w)` with PyPortfolioOpt's change of variables
 * (Cornuejols and Tütüncü): minimize `y' Sigma y` subject to `(mu - rf)' y = 1`, `sum(y) = k >= 0`, and every linear
 * constraint `a' w >= b` rewritten as `a' y >= b k`; then `w = y / k`. TARGET_OUT_OF_RANGE when no allowed portfolio
 * has an expected return above the risk-free rate.
 */
export function maxSharpeWeights(p: PreparedProblem, riskFreeRate: number): number[] {
  if (!Number.isFinite(riskFreeRate)) throw invalidInput('The risk-free rate must be a number');
  const top = maxReturnWeights(p);
  if (top.value <= riskFreeRate) {
    throw optimizerError('TARGET_OUT_OF_RANGE', `Risk-free rate ${fmt(riskFreeRate)} is not below the highest expected return these constraints allow (${fmt(top.value)})`);
  }
  const onPath = viaPath(p, (path) => plain(path.maxSharpe(riskFreeRate)));
  if (onPath !== undefined) return onPath;
  const m = p.mu.length;
  const rows: number[][] = [p.mu.map((v) => v - riskFreeRate)];
  const rhs = [1];
  const labels = ['excess return of the scaled portfolio is 1'];
  p.system.rows.forEach((row, k) => {
    if (k < p.system.equalities) return; // sum(w) = 1 becomes the definition of k
    const b = p.system.rhs[k] as number;
    const scaled = row.map((v) => v - b);
    if (scaled.every((v) => v === 0)) return;
    rows.push(scaled);
    rhs.push(0);
    labels.push(p.system.labels[k] as string);
  });
  rows.push(new Array<number>(m).fill(1));
  rhs.push(0);
  labels.push('scale k >= 0');
  const y = solveQp(p.sigma, zerosLike(p.mu), { rows, rhs, equalities: 1, labels }).x;
  const k = y.reduce((s, v) => s + v, 0);
  return y.map((v) => v / k);
}

function zerosLike(v: readonly number[]): number[] {
  return new Array<number>(v.length).fill(0);
}
