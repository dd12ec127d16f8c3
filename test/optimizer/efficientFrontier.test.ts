import { describe, expect, it } from 'vitest';
import { efficientFrontier } from '../../shared/optimizer/efficientFrontier';
import { optimize } from '../../shared/optimizer/optimize';
import { portfolioPerformance, weightVector } from '../../shared/optimizer/performance';
import { boxAndBudget, expectAllClose, expectKkt, linear, sigmaTimes, stockModel } from './helpers';

describe('efficient frontier', () => {
  const { assets, mu, sigma } = stockModel();
  const n = assets.length;
  const frontier = efficientFrontier({ assets, mu, sigma, points: 50, riskFreeRate: 0.02, place: { equal: Object.fromEntries(assets.map((a) => [a, 1 / n])), aapl: { AAPL: 1 } } });

  it('runs from the minimum-volatility portfolio (test_min_volatility numbers) to the highest return (test_max_returns)', () => {
    expect(frontier.points).toHaveLength(50);
    const first = frontier.points[0];
    const last = frontier.points[49];
    expectAllClose([first?.expectedReturn, first?.volatility, first?.sharpe] as number[], [0.15056821399482578, 0.15915084514118694, 0.8204054077060996], 1e-9);
    expect(last?.expectedReturn).toBeCloseTo(Math.max(...mu), 13);
    expect(frontier.minVolatility).toBe(first);
    expect(frontier.maxReturn).toBe(last);
  });

  it('is equally spaced in return, rises in volatility, and every point is KKT-optimal for its return', () => {
    const step = ((frontier.points[49]?.expectedReturn as number) - (frontier.points[0]?.expectedReturn as number)) / 49;
    const lo = new Array<number>(n).fill(0);
    const hi = new Array<number>(n).fill(1);
    frontier.points.forEach((p, k) => {
      if (k > 0) {
        expect(p.expectedReturn - (frontier.points[k - 1]?.expectedReturn as number)).toBeCloseTo(step, 12);
        expect(p.volatility).toBeGreaterThan(frontier.points[k - 1]?.volatility as number);
      }
      const w = weightVector(p.weights, assets);
      expectKkt(sigmaTimes(sigma, w), [linear(mu, p.expectedReturn, w), ...boxAndBudget(w, lo, hi)]);
    });
  });

  it('has no point with a better Sharpe ratio than max-sharpe, and efficient-risk recovers a point from its volatility', () => {
    const best = optimize({ assets, mu, sigma, objective: 'max-sharpe', riskFreeRate: 0.02 });
    for (const p of frontier.points) expect(p.sharpe).toBeLessThanOrEqual(best.sharpe + 1e-12);
    const p = frontier.points[20];
    const r = optimize({ assets, mu, sigma, objective: 'efficient-risk', target: p?.volatility as number });
    expect(r.expectedReturn).toBeCloseTo(p?.expectedReturn as number, 11);
  });

  it('places other portfolios (today\'s holdings, a target) with their return, volatility and Sharpe ratio', () => {
    const eq = portfolioPerformance(new Array<number>(n).fill(1 / n), mu, sigma, assets, 0.02);
    expect(frontier.placed.equal).toEqual(eq);
    const aapl = frontier.placed.aapl;
    expect(aapl?.expectedReturn).toBe(mu[1]);
    expect(aapl?.volatility).toBeCloseTo(Math.sqrt((sigma[1] as number[])[1] as number), 15);
    expect(aapl?.sharpe).toBeCloseTo(((mu[1] as number) - 0.02) / Math.sqrt((sigma[1] as number[])[1] as number), 14);
  });

  it('rejects a bad point count', () => {
    expect(() => efficientFrontier({ assets, mu, sigma, points: 1 })).toThrow('points must be an integer from 2 to 1000');
  });
});
