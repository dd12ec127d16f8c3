import { fmt } from './constraints';
import { invalidInput } from './errors';
import { hrpWeights } from './hrp';
import {
  efficientReturnWeights,
  efficientRiskWeights,
  expandWeights,
  maxSharpeWeights,
  maxUtilityWeights,
  minVolatilityWeights,
  prepareProblem,
  type MeanVarianceInput,
  type PreparedProblem,
} from './meanVariance';
import { pairwiseMoments } from './pairwiseStats';
import { portfolioPerformance, weightRecord } from './performance';
import { riskParityWeights } from './riskParity';
import type { Matrix, Performance, ReturnsTable, Weights } from './types';

export const OBJECTIVES = ['max-sharpe', 'min-volatility', 'efficient-risk', 'efficient-return', 'max-utility', 'risk-parity', 'hrp'] as const;
export type Objective = (typeof OBJECTIVES)[number];

/** Default risk-free rate for the Sharpe ratio (annual, as a fraction). */
export const DEFAULT_RISK_FREE_RATE = 0.02;
/** Default delta of the quadratic utility (PyPortfolioOpt's max_quadratic_utility default). */
export const DEFAULT_RISK_AVERSION = 1;

export interface OptimizeInput extends MeanVarianceInput {
  objective: Objective;
  /** Annual risk-free rate for max-sharpe and every Sharpe ratio reported (default 0.02). */
  riskFreeRate?: number;
  /** delta of max-utility, `w' mu - delta/2 w' Sigma w` (default 1). */
  riskAversion?: number;
  /** Target volatility (efficient-risk) or expected return (efficient-return), annualized fraction. */
  target?: number;
  /** Daily returns, needed by 'hrp' (its clustering and covariance come from them), same asset order. */
  returns?: ReturnsTable;
  /** Risk budgets by asset for 'risk-parity' (default equal). */
  riskBudgets?: Record<string, number>;
}

export interface OptimizeResult extends Performance {
  weights: Weights;
}

/**
 * Computes the target portfolio for one objective. Weights cover every asset (0 for assets on chains that are not
 * allowed); the performance figures use `mu`, `sigma` and the risk-free rate of the input.
 *
 * - 'min-volatility', 'max-sharpe', 'max-utility', 'efficient-risk', 'efficient-return': mean-variance problems
 *   under all the constraints, as PyPortfolioOpt's EfficientFrontier defines them;
 * - 'risk-parity' (equal risk contributions, Spinu/Riskfolio-Lib) and 'hrp' (PyPortfolioOpt's HRPOpt) build long-only
 *   portfolios by their own rule: they honour `allowedChains` but not weight or group bounds (INVALID_INPUT if set).
 */
export function optimize(input: OptimizeInput): OptimizeResult {
  const p = prepareProblem(input);
  const riskFreeRate = input.riskFreeRate ?? DEFAULT_RISK_FREE_RATE;
  const w = optimizeWeights(p, input, riskFreeRate);
  return withPerformance(p, w, riskFreeRate);
}

/** Full weight vector (asset order) for the objective on a prepared problem. */
export function optimizeWeights(p: PreparedProblem, input: OptimizeInput, riskFreeRate: number): number[] {
  switch (input.objective) {
    case 'min-volatility':
      return expandWeights(p, minVolatilityWeights(p));
    case 'max-sharpe':
      return expandWeights(p, maxSharpeWeights(p, riskFreeRate));
    case 'max-utility':
      return expandWeights(p, maxUtilityWeights(p, input.riskAversion ?? DEFAULT_RISK_AVERSION));
    case 'efficient-risk':
      return expandWeights(p, efficientRiskWeights(p, requireTarget(input.target, 'efficient-risk', 'volatility')));
    case 'efficient-return':
      return expandWeights(p, efficientReturnWeights(p, requireTarget(input.target, 'efficient-return', 'return')));
    case 'risk-parity': {
      rejectBounds(p, 'risk-parity');
      const budgets = input.riskBudgets === undefined ? undefined : p.compiled.free.map((i) => {
        const b = input.riskBudgets?.[p.compiled.assets[i] as string];
        if (b === undefined) throw invalidInput(`No risk budget for "${p.compiled.assets[i] as string}"`);
        return b;
      });
      return expandWeights(p, riskParityWeights(p.sigma, budgets));
    }
    case 'hrp': {
      rejectBounds(p, 'hrp');
      const returns = input.returns;
      if (returns === undefined) throw invalidInput('hrp needs the daily returns');
      if (returns.assets.length !== p.compiled.assets.length || returns.assets.some((a, i) => a !== p.compiled.assets[i])) {
        throw invalidInput('hrp: the returns must have the same assets in the same order');
      }
      // The moments of the whole table (shared with the risk model's pass), cut down to the allowed assets.
      const free = p.compiled.free;
      const all = pairwiseMoments(returns);
      const cut = (m: Matrix): Matrix => free.map((i) => free.map((j) => (m[i] as number[])[j] as number));
      const moments = free.length === returns.assets.length ? all : { covariance: cut(all.covariance), correlation: cut(all.correlation) };
      return expandWeights(p, hrpWeights({ moments }).weights);
    }
    default:
      throw invalidInput(`Unknown objective "${String(input.objective)}" (${OBJECTIVES.join(', ')})`);
  }
}

export function withPerformance(p: PreparedProblem, w: number[], riskFreeRate: number): OptimizeResult {
  const perf = portfolioPerformance(w, p.fullMu, p.fullSigma, p.compiled.assets, riskFreeRate);
  return { weights: weightRecord(w, p.compiled.assets), ...perf };
}

function requireTarget(target: number | undefined, objective: string, what: string): number {
  if (target === undefined || !Number.isFinite(target)) throw invalidInput(`${objective} needs a target ${what}`);
  return target;
}

/** Risk parity and HRP decide weights by their own rule: any bound that could bind would be silently broken. */
function rejectBounds(p: PreparedProblem, objective: string): void {
  const c = p.compiled;
  const loose = c.groups.length === 0 && c.lower.every((v) => v <= 0) && c.upper.every((v) => v >= 1);
  if (!loose) {
    const lo = Math.max(...c.lower);
    const hi = Math.min(...c.upper);
    throw invalidInput(`${objective} does not take weight bounds, group bounds or a stablecoin share (got weights in [${fmt(lo)}, ${fmt(hi)}]${c.groups.length > 0 ? ' and group constraints' : ''}); use a mean-variance objective`);
  }
}
