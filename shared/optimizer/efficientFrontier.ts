import { invalidInput } from './errors';
import { dot } from './linalg';
import { efficientReturnWeights, expandWeights, maxReturnWeights, minVolatilityWeights, prepareProblem, type MeanVarianceInput } from './meanVariance';
import { DEFAULT_RISK_FREE_RATE, withPerformance, type OptimizeResult } from './optimize';
import { portfolioPerformance, weightVector } from './performance';
import type { Performance, Weights } from './types';

export type FrontierPoint = OptimizeResult;

export interface FrontierInput extends MeanVarianceInput {
  /** Number of points, at least 2 (default 50). */
  points?: number;
  riskFreeRate?: number;
  /** Portfolios to place next to the frontier (today's holdings as weights, a target...), by name. */
  place?: Record<string, Weights>;
}

export interface Frontier {
  /** From the minimum-volatility portfolio to the maximum-return one, equally spaced in expected return. */
  points: FrontierPoint[];
  minVolatility: FrontierPoint;
  maxReturn: FrontierPoint;
  /** Return, volatility and Sharpe ratio of each portfolio of `place`. */
  placed: Record<string, Performance>;
}

export const MAX_FRONTIER_POINTS = 1000;

/**
 * The efficient frontier under the constraints: `points` efficient-return portfolios with targets equally spaced
 * from the minimum-volatility portfolio's return to the highest achievable return (both ends included).
 */
export function efficientFrontier(input: FrontierInput): Frontier {
  const count = input.points ?? 50;
  if (!Number.isInteger(count) || count < 2 || count > MAX_FRONTIER_POINTS) throw invalidInput(`points must be an integer from 2 to ${MAX_FRONTIER_POINTS}`);
  const rf = input.riskFreeRate ?? DEFAULT_RISK_FREE_RATE;
  const p = prepareProblem(input);
  const minVol = minVolatilityWeights(p);
  const top = maxReturnWeights(p);
  const rLow = dot(minVol, p.mu);
  const rHigh = Math.max(rLow, top.value);
  const points: FrontierPoint[] = [];
  for (let k = 0; k < count; k++) {
    let x: number[];
    if (k === 0) x = minVol;
    else if (k === count - 1) x = top.x;
    else x = efficientReturnWeights(p, rLow + ((rHigh - rLow) * k) / (count - 1), top);
    points.push(withPerformance(p, expandWeights(p, x), rf));
  }
  const placed: Record<string, Performance> = {};
  for (const [name, weights] of Object.entries(input.place ?? {})) {
    placed[name] = portfolioPerformance(weightVector(weights, input.assets), p.fullMu, p.fullSigma, input.assets, rf);
  }
  return { points, minVolatility: points[0] as FrontierPoint, maxReturn: points[count - 1] as FrontierPoint, placed };
}
