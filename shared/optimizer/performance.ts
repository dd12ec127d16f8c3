import { invalidInput } from './errors';
import { dot, quadForm } from './linalg';
import type { Matrix, Performance, Weights } from './types';

/**
 * Expected return `w' mu`, volatility `sqrt(w' Sigma w)` and Sharpe ratio `(return - riskFreeRate) / volatility` of a
 * portfolio, all annualized when mu and Sigma are (PyPortfolioOpt's portfolio_performance). Weights may be a vector in
 * the order of `assets` or a record by asset name (missing assets count as 0). Use it to place today's holdings or
 * any other portfolio next to the efficient frontier.
 */
export function portfolioPerformance(weights: Weights | readonly number[], mu: readonly number[], sigma: Matrix, assets: readonly string[], riskFreeRate = 0): Performance {
  const w = Array.isArray(weights) ? (weights as number[]) : weightVector(weights as Weights, assets);
  if (w.length !== mu.length || w.length !== sigma.length) throw invalidInput('Weights, expected returns and covariance have different sizes');
  const expectedReturn = dot(w, mu);
  const volatility = Math.sqrt(Math.max(0, quadForm(sigma, w)));
  return { expectedReturn, volatility, sharpe: (expectedReturn - riskFreeRate) / volatility };
}

/** Weights by name as a vector in the order of `assets`; a name that is not an asset is INVALID_INPUT. */
export function weightVector(weights: Weights, assets: readonly string[]): number[] {
  const index = new Map(assets.map((a, i) => [a, i]));
  const w = new Array<number>(assets.length).fill(0);
  for (const [name, value] of Object.entries(weights)) {
    const i = index.get(name);
    if (i === undefined) throw invalidInput(`Unknown asset "${name}" in the weights`);
    if (!Number.isFinite(value)) throw invalidInput(`Weight of "${name}" is not a finite number`);
    w[i] = value;
  }
  return w;
}

/** A weight vector as a record by asset name, in asset order. */
export function weightRecord(w: readonly number[], assets: readonly string[]): Weights {
  const out: Weights = {};
  assets.forEach((a, i) => {
    out[a] = (w[i] as number) + 0; // +0 turns -0 into 0
  });
  return out;
}
