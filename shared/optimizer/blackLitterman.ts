import { invalidInput } from './errors';
import { matMul, matVec, solveLinear, solveSymmetricLeastSquares, transpose } from './linalg';
import type { Matrix } from './types';

/** Views on expected returns: absolute views by asset, or a picking matrix P (K×N) with view returns Q (K). */
export type BlackLittermanViews = { absolute: Record<string, number> } | { P: Matrix; Q: number[] };

export interface BlackLittermanInput {
  assets: string[];
  /** Annualized covariance (the prior's Sigma). */
  sigma: Matrix;
  views: BlackLittermanViews;
  /**
   * The prior returns: a vector, 'market' (implied by `marketCaps`, `riskAversion` and `riskFreeRate`), 'equal'
   * (1/N each, as PyPortfolioOpt), or omitted for a zero prior.
   */
  pi?: number[] | 'market' | 'equal';
  marketCaps?: Record<string, number>;
  /** delta of the market-implied prior (default 1, as PyPortfolioOpt). */
  riskAversion?: number;
  riskFreeRate?: number;
  /** Uncertainty of the prior (default 0.05). */
  tau?: number;
  /**
   * View uncertainty: 'default' (He-Litterman, `diag(tau P Sigma P')`), 'idzorek' (from `viewConfidences` in [0, 1])
   * or an explicit K×K matrix.
   */
  omega?: 'default' | 'idzorek' | Matrix;
  viewConfidences?: number[];
}

export interface BlackLittermanResult {
  prior: number[];
  omega: Matrix;
  /** Posterior expected returns `pi + tau Sigma P' (P tau Sigma P' + Omega)^-1 (Q - P pi)`. */
  posteriorReturns: number[];
  /** Posterior covariance `Sigma + tau Sigma - tau Sigma P' (P tau Sigma P' + Omega)^-1 P tau Sigma` (He-Litterman). */
  posteriorCovariance: Matrix;
}

/**
 * Black-Litterman posterior returns and covariance, following PyPortfolioOpt's BlackLittermanModel definitions
 * (bl_returns, bl_cov, default_omega, idzorek_method). Linear systems are solved, not inverted; a singular system
 * falls back to least squares as numpy.linalg.lstsq would.
 */
export function blackLitterman(input: BlackLittermanInput): BlackLittermanResult {
  const n = input.assets.length;
  const sigma = input.sigma;
  if (sigma.length !== n || !sigma.every((row) => row.length === n && row.every(Number.isFinite))) throw invalidInput(`Sigma must be ${n}×${n} finite numbers`);
  const tau = input.tau ?? 0.05;
  if (!(tau > 0 && tau <= 1)) throw invalidInput('tau must be in (0, 1]');
  const delta = input.riskAversion ?? 1;
  if (!(delta > 0)) throw invalidInput('Risk aversion must be positive');
  const { P, Q } = viewMatrices(input.assets, input.views);
  const k = Q.length;

  let prior: number[];
  if (input.pi === undefined) prior = new Array<number>(n).fill(0);
  else if (input.pi === 'equal') prior = new Array<number>(n).fill(1 / n);
  else if (input.pi === 'market') {
    if (input.marketCaps === undefined) throw invalidInput('A market-implied prior needs marketCaps');
    prior = marketImpliedPriorReturns(input.assets, input.marketCaps, delta, sigma, input.riskFreeRate ?? 0);
  } else {
    if (input.pi.length !== n || !input.pi.every(Number.isFinite)) throw invalidInput(`The prior must be ${n} numbers`);
    prior = input.pi.slice();
  }

  let omega: Matrix;
  if (input.omega === undefined || input.omega === 'default') {
    omega = defaultOmega(sigma, P, tau);
  } else if (input.omega === 'idzorek') {
    const conf = input.viewConfidences;
    if (conf === undefined || conf.length !== k) throw invalidInput(`Idzorek's method needs one confidence per view (${k})`);
    omega = idzorekOmega(conf, sigma, P, tau);
  } else {
    omega = input.omega;
    if (omega.length !== k || !omega.every((row) => row.length === k && row.every(Number.isFinite))) throw invalidInput(`Omega must be ${k}×${k}`);
  }

  const tauSigmaPt = matMul(sigma, transpose(P)).map((row) => row.map((v) => v * tau)); // N×K
  const a = matMul(P, tauSigmaPt).map((row, i) => row.map((v, j) => v + ((omega[i] as number[])[j] as number))); // K×K
  const piP = matVec(P, prior);
  const b = Q.map((q, i) => [q - (piP[i] as number)]);
  const solve = (rhs: Matrix): Matrix => solveLinear(a, rhs) ?? solveSymmetricLeastSquares(a, rhs);
  const x = solve(b).map((row) => row[0] as number);
  const posteriorReturns = prior.map((p, i) => p + ((tauSigmaPt[i] as number[]).reduce((s, v, j) => s + v * (x[j] as number), 0)));
  const m = solve(transpose(tauSigmaPt)); // K×N
  const correction = matMul(tauSigmaPt, m);
  const posteriorCovariance = sigma.map((row, i) => row.map((v, j) => v + tau * v - ((correction[i] as number[])[j] as number)));
  return { prior, omega, posteriorReturns, posteriorCovariance };
}

/** `Pi = delta Sigma w_mkt + rf`, with market weights from the market caps (market_implied_prior_returns). */
export function marketImpliedPriorReturns(assets: string[], marketCaps: Record<string, number>, riskAversion: number, sigma: Matrix, riskFreeRate = 0): number[] {
  const caps = assets.map((a) => {
    const c = marketCaps[a];
    if (c === undefined || !Number.isFinite(c) || c < 0) throw invalidInput(`Market cap of "${a}" must be a non-negative number`);
    return c;
  });
  const total = caps.reduce((s, v) => s + v, 0);
  if (!(total > 0)) throw invalidInput('Market caps must not all be zero');
  const w = caps.map((c) => c / total);
  return matVec(sigma, w).map((v) => riskAversion * v + riskFreeRate);
}

/**
 * Market-implied risk aversion `delta = (R - rf) / sigma^2` from a market index's prices: arithmetic mean and sample
 * variance (ddof 1) of its daily returns, annualized by `frequency` (market_implied_risk_aversion).
 */
export function marketImpliedRiskAversion(prices: readonly number[], frequency = 252, riskFreeRate = 0): number {
  const r: number[] = [];
  for (let t = 1; t < prices.length; t++) r.push((prices[t] as number) / (prices[t - 1] as number) - 1);
  if (r.length < 2 || !r.every(Number.isFinite)) throw invalidInput('Market prices must be at least 3 positive numbers');
  const mean = r.reduce((s, v) => s + v, 0) / r.length;
  const variance = r.reduce((s, v) => s + (v - mean) ** 2, 0) / (r.length - 1);
  return (mean * frequency - riskFreeRate) / (variance * frequency);
}

/** Weights implied by posterior returns, `(delta Sigma)^-1 E(R)` normalized to sum to 1 (bl_weights). */
export function blackLittermanWeights(sigma: Matrix, posteriorReturns: readonly number[], riskAversion = 1): number[] {
  const a = sigma.map((row) => row.map((v) => v * riskAversion));
  const rhs = posteriorReturns.map((v) => [v]);
  const raw = (solveLinear(a, rhs) ?? solveSymmetricLeastSquares(a, rhs)).map((row) => row[0] as number);
  const sum = raw.reduce((s, v) => s + v, 0);
  return raw.map((v) => v / sum);
}

function viewMatrices(assets: string[], views: BlackLittermanViews): { P: Matrix; Q: number[] } {
  const n = assets.length;
  if ('absolute' in views) {
    const entries = Object.entries(views.absolute);
    if (entries.length === 0) throw invalidInput('At least one view is needed');
    const index = new Map(assets.map((a, i) => [a, i]));
    const P: Matrix = [];
    const Q: number[] = [];
    for (const [name, q] of entries) {
      const i = index.get(name);
      if (i === undefined) throw invalidInput(`A view on "${name}", which is not among the assets`);
      if (!Number.isFinite(q)) throw invalidInput(`The view on "${name}" is not a number`);
      const row = new Array<number>(n).fill(0);
      row[i] = 1;
      P.push(row);
      Q.push(q);
    }
    return { P, Q };
  }
  const { P, Q } = views;
  if (Q.length === 0 || P.length !== Q.length || !P.every((row) => row.length === n && row.every(Number.isFinite)) || !Q.every(Number.isFinite)) {
    throw invalidInput(`P must be K×${n} and Q must have K numbers`);
  }
  return { P, Q };
}

/** He and Litterman's default: `diag(tau P Sigma P')`. */
export function defaultOmega(sigma: Matrix, P: Matrix, tau: number): Matrix {
  const d = P.map((row) => {
    const sp = matVec(sigma, row);
    return tau * row.reduce((s, v, i) => s + v * (sp[i] as number), 0);
  });
  return d.map((v, i) => d.map((_, j) => (i === j ? v : 0)));
}

/**
 * Idzorek's method in Walters' closed form: `omega_k = tau * (1 - c) / c * p_k Sigma p_k'` for confidence c in
 * [0, 1]; a confidence of 0 gives 1e6 (no information), as PyPortfolioOpt does.
 */
export function idzorekOmega(confidences: readonly number[], sigma: Matrix, P: Matrix, tau: number): Matrix {
  const d = confidences.map((c, k) => {
    if (!(c >= 0 && c <= 1)) throw invalidInput('View confidences must be between 0 and 1');
    if (c === 0) return 1e6;
    const p = P[k] as number[];
    const sp = matVec(sigma, p);
    return tau * ((1 - c) / c) * p.reduce((s, v, i) => s + v * (sp[i] as number), 0);
  });
  return d.map((v, i) => d.map((_, j) => (i === j ? v : 0)));
}
