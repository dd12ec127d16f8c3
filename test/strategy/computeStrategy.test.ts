import { describe, expect, it } from 'vitest';
import { StrataError } from '../../shared/errors';
import { dailyReturns, efficientFrontier, expectedReturns, optimize, parsePrices, riskModel } from '../../shared/optimizer';
import { seededRandom } from '../../shared/seededRandom';
import { computeStrategy, FRONTIER_POINTS, strategyConstraints, strategyError, todayWeights } from '../../shared/strategy/computeStrategy';
import { DEMO_PRICES_CSV } from '../../shared/strategy/demoPrices';
import { defaultStrategy } from '../../shared/strategy/riskProfile';

const DEMO_ASSETS = ['BTC', 'ETH', 'SOL', 'ATOM', 'OSMO', 'USDC', 'USDT', 'BNB', 'ADA'];

describe('todayWeights', () => {
  it('normalizes USD values over the priced assets and lists the others apart', () => {
    const { today, notOptimized } = todayWeights(['BTC', 'ETH', 'USDC'], { btc: 300, ETH: 100, DOGE: 50, PEPE: 0, ATOM: 7 });
    expect(today).toEqual({ BTC: 0.75, ETH: 0.25, USDC: 0 });
    expect(notOptimized).toEqual(['ATOM', 'DOGE']);
  });
  it('gives null without holdings among the priced assets', () => {
    expect(todayWeights(['BTC'], { DOGE: 5 })).toEqual({ today: null, notOptimized: ['DOGE'] });
    expect(todayWeights(['BTC'], {})).toEqual({ today: null, notOptimized: [] });
  });
});

describe('strategyConstraints', () => {
  it('bounds weights and asks for the stablecoin share; none for risk parity and HRP', () => {
    const s = defaultStrategy('conservative');
    expect(strategyConstraints(DEMO_ASSETS, s)).toEqual({ bounds: [0, 0.4], stablecoins: ['USDC', 'USDT'], minStablecoinShare: 0.4 });
    expect(strategyConstraints(DEMO_ASSETS, defaultStrategy('growth'))).toEqual({ bounds: [0, 0.6] });
    expect(strategyConstraints(DEMO_ASSETS, { ...s, objective: 'hrp' })).toEqual({});
    expect(strategyConstraints(DEMO_ASSETS, { ...s, objective: 'risk-parity' })).toEqual({});
  });
});

describe('computeStrategy', () => {
  it('matches the optimizer called directly on the demo data (balanced, max-utility), and places today', () => {
    const settings = defaultStrategy('balanced');
    const r = computeStrategy({ csv: DEMO_PRICES_CSV, settings, holdings: { BTC: 600, ETH: 400, DOGE: 10 } });
    const returns = dailyReturns(parsePrices(DEMO_PRICES_CSV));
    const mu = expectedReturns(returns, { method: 'cagr', frequency: 365 });
    const sigma = riskModel(returns, { frequency: 365 });
    const constraints = { bounds: [0, 0.5] as [number, number], stablecoins: ['USDC', 'USDT'], minStablecoinShare: 0.15 };
    const target = optimize({ assets: returns.assets, mu, sigma, objective: 'max-utility', riskAversion: 3, riskFreeRate: 0.02, constraints });
    const today = { BTC: 0.6, ETH: 0.4, SOL: 0, ATOM: 0, OSMO: 0, USDC: 0, USDT: 0, BNB: 0, ADA: 0 };
    const frontier = efficientFrontier({ assets: returns.assets, mu, sigma, constraints, points: FRONTIER_POINTS, riskFreeRate: 0.02, place: { today } });
    expect(r.assets).toEqual(DEMO_ASSETS);
    expect(r.target).toEqual(target);
    expect(r.frontier).toEqual(frontier.points);
    expect(r.frontier).toHaveLength(60);
    expect(r.today).toEqual({ ...frontier.placed['today'], weights: today });
    expect(r.notOptimized).toEqual(['DOGE']);
    expect((r.target.weights['USDC'] ?? 0) + (r.target.weights['USDT'] ?? 0)).toBeGreaterThanOrEqual(0.15 - 1e-9);
  });

  it('reports bad prices as PRICES_INVALID and impossible bounds as OPTIMIZER_INFEASIBLE, as data', () => {
    const bad = () => computeStrategy({ csv: 'date,BTC\n2021-01-01,abc\n', settings: defaultStrategy('growth'), holdings: {} });
    expect(bad).toThrow(StrataError);
    try {
      bad();
    } catch (error) {
      expect(strategyError(error).code).toBe('PRICES_INVALID');
    }
    try {
      computeStrategy({ csv: DEMO_PRICES_CSV, settings: { ...defaultStrategy('growth'), maxWeight: 0.1 }, holdings: {} });
      expect.unreachable();
    } catch (error) {
      expect(strategyError(error).code).toBe('OPTIMIZER_INFEASIBLE');
    }
    expect(strategyError(new Error('boom'))).toEqual({ code: 'INTERNAL', message: 'boom' });
  });

  // Its speed (the Strategy page's < 100 ms goal) is measured by `npm run bench:apo`, not asserted here.
  it('computes 20 assets (2 years of daily prices): a full frontier whatever the risk aversion', () => {
    const rand = seededRandom(7);
    const n = 20;
    const days = 730;
    const assets = Array.from({ length: n }, (_, i) => (i === 0 ? 'USDC' : `A${i}`));
    const price = assets.map(() => 100);
    const lines = [['date', ...assets].join(',')];
    for (let t = 0; t < days; t++) {
      const market = (rand() - 0.5) * 0.04;
      for (let i = 0; i < n; i++) price[i] = i === 0 ? 1 + (rand() - 0.5) * 0.002 : (price[i] as number) * (1 + 0.0008 * (i % 5) + market * (0.5 + i / n) + (rand() - 0.5) * 0.05);
      lines.push([`d${t}`, ...price.map((p) => p.toFixed(6))].join(','));
    }
    const csv = lines.join('\n');
    const settings = defaultStrategy('balanced');
    computeStrategy({ csv, settings, holdings: { A1: 10 } });
    for (let k = 0; k < 3; k++) {
      const r = computeStrategy({ csv, settings: { ...settings, riskAversion: 2 + k }, holdings: { A1: 10 } });
      expect(r.frontier).toHaveLength(FRONTIER_POINTS);
      expect(r.assets).toHaveLength(20);
    }
  });
});
