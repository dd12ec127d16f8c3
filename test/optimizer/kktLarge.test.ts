import { describe, expect, it } from 'vitest';
import { dailyReturns } from '../../shared/optimizer/dailyReturns';
import { efficientFrontier } from '../../shared/optimizer/efficientFrontier';
import { expectedReturns } from '../../shared/optimizer/expectedReturns';
import { optimize, type OptimizeInput } from '../../shared/optimizer/optimize';
import { weightVector } from '../../shared/optimizer/performance';
import { riskModel } from '../../shared/optimizer/riskModel';
import type { PortfolioConstraints } from '../../shared/optimizer/constraints';
import { syntheticPrices } from '../../scripts/bench/syntheticPrices';
import { stockModel } from './helpers';
import { kktReport, type ExtraConstraint, type KktReport } from './kkt';

/*
 * At 50 to 500 assets (seeded synthetic data, the same as npm run bench:apo) every answer of the optimizer satisfies
 * the KKT conditions to 1e-9, checked from the weights alone (kkt.ts: multipliers recovered, primal and dual
 * feasibility, complementary slackness), for every mean-variance objective and a 100-point frontier, long-only and
 * with other bounds. At 50 assets the answers also equal quadprog's (the solver used before the critical line path).
 */

const RF = 0.02;
const TOL = 1e-9;

function model(assets: number) {
  const returns = dailyReturns(syntheticPrices(stockModel().returns, assets, 1000, 20240601 + assets));
  return { assets: returns.assets, mu: expectedReturns(returns), sigma: riskModel(returns) };
}

const sigmaTimes = (sigma: number[][], w: readonly number[]) => sigma.map((row) => row.reduce((s, v, j) => s + v * (w[j] as number), 0));
const dot = (a: readonly number[], b: readonly number[]) => a.reduce((s, v, i) => s + v * (b[i] as number), 0);

function expectKkt(report: KktReport): void {
  expect(report.primal).toBeLessThan(1e-12);
  expect(report.stationarity).toBeLessThan(TOL);
  expect(report.dual).toBeLessThan(TOL);
  expect(report.slackness).toBeLessThan(TOL);
  expect(report.inside).toBeGreaterThan(0);
}

const cases: { name: string; constraints: PortfolioConstraints; lo: number; hi: number }[] = [
  { name: 'long only', constraints: {}, lo: 0, hi: 1 },
  { name: 'weights in [0.005, 0.08]', constraints: { bounds: [0.005, 0.08] }, lo: 0.005, hi: 0.08 },
  { name: 'shorting to -0.1, at most 0.3', constraints: { bounds: [-0.1, 0.3] }, lo: -0.1, hi: 0.3 },
];

describe.each([50, 100, 200, 500])('KKT conditions at %i assets', (size) => {
  const m = model(size);
  const n = m.assets.length;
  for (const c of cases) {
    // [0.005, 0.08] needs at least 13 assets and fewer than 200 (at 200 the only portfolio is every asset at 0.005).
    if (c.lo * n > 1 - 1e-9 || c.hi * n < 1 + 1e-9) continue;
    describe(c.name, () => {
      const lo = new Array<number>(n).fill(c.lo);
      const hi = new Array<number>(n).fill(c.hi);
      const run = (extra: Partial<OptimizeInput> & Pick<OptimizeInput, 'objective'>) => {
        const r = optimize({ ...m, constraints: c.constraints, riskFreeRate: RF, ...extra });
        return { r, w: weightVector(r.weights, m.assets) };
      };

      it('max Sharpe: gradient of -Sharpe (scaled by vol^3 / excess return) is Sigma w - (vol^2 / excess) (mu - rf)', () => {
        const { r, w } = run({ objective: 'max-sharpe' });
        const sw = sigmaTimes(m.sigma, w);
        const variance = dot(w, sw);
        const excess = r.expectedReturn - RF;
        expect(excess).toBeGreaterThan(0);
        expectKkt(kktReport(w, lo, hi, sw.map((v, i) => v - (variance / excess) * ((m.mu[i] as number) - RF))));
      });

      it('min volatility: gradient Sigma w', () => {
        const { w } = run({ objective: 'min-volatility' });
        expectKkt(kktReport(w, lo, hi, sigmaTimes(m.sigma, w)));
      });

      it('max utility with delta 3: gradient 3 Sigma w - mu', () => {
        const { w } = run({ objective: 'max-utility', riskAversion: 3 });
        expectKkt(kktReport(w, lo, hi, sigmaTimes(m.sigma, w).map((v, i) => 3 * v - (m.mu[i] as number))));
      });

      it('a 100-point frontier: each point minimizes variance with mu\'w >= its return; efficient risk from a point\'s volatility', () => {
        const f = efficientFrontier({ ...m, constraints: c.constraints, points: 100, riskFreeRate: RF });
        expect(f.points).toHaveLength(100);
        const step = ((f.points[99]?.expectedReturn as number) - (f.points[0]?.expectedReturn as number)) / 99;
        f.points.forEach((p, k) => {
          const w = weightVector(p.weights, m.assets);
          if (k > 0) expect(Math.abs(p.expectedReturn - (f.points[k - 1]?.expectedReturn as number) - step)).toBeLessThan(1e-12);
          if (k === 99) return; // a vertex, checked below
          const target: ExtraConstraint = { gradient: m.mu, value: dot(m.mu, w) - p.expectedReturn };
          // The return constraint's value is 0 by construction; the check still recovers its multiplier (>= 0).
          expectKkt(kktReport(w, lo, hi, sigmaTimes(m.sigma, w), k === 0 ? [] : [target]));
        });
        // The top: the greedy optimum of the linear program (fill the best assets up to their bounds).
        let left = 1 - n * c.lo;
        let best = n * c.lo * 0;
        for (const i of m.mu.map((_, i) => i).sort((a, b) => (m.mu[b] as number) - (m.mu[a] as number))) {
          const take = Math.min(c.hi - c.lo, left);
          best += (c.lo + take) * (m.mu[i] as number);
          left -= take;
        }
        expect(Math.abs((f.points[99]?.expectedReturn as number) - best)).toBeLessThan(1e-12 * Math.max(1, Math.abs(best)));
        const mid = f.points[40];
        const { w } = run({ objective: 'efficient-risk', target: mid?.volatility as number });
        const sw = sigmaTimes(m.sigma, w);
        // max mu'w subject to vol^2 - w'Sw >= 0: minimize -mu'w, the constraint's gradient is -2 S w.
        const risk: ExtraConstraint = { gradient: sw.map((v) => -2 * v), value: (mid?.volatility as number) ** 2 - dot(w, sw) };
        expectKkt(kktReport(w, lo, hi, m.mu.map((v) => -v), [risk]));
        expect(Math.abs(dot(m.mu, w) - (mid?.expectedReturn as number))).toBeLessThan(1e-10);
      });
    });
  }
});

describe('agreement with quadprog at 50 assets', () => {
  const m = model(50);
  for (const objective of ['max-sharpe', 'min-volatility', 'max-utility'] as const) {
    it(`${objective}: the same weights (max |dw| < 1e-8)`, () => {
      const a = weightVector(optimize({ ...m, objective, riskFreeRate: RF }).weights, m.assets);
      const b = weightVector(optimize({ ...m, objective, riskFreeRate: RF, solver: 'quadprog' }).weights, m.assets);
      expect(Math.max(...a.map((v, i) => Math.abs(v - (b[i] as number))))).toBeLessThan(1e-8);
    });
  }
});

it('the KKT check fails a portfolio that is not optimal, and one that breaks a bound', () => {
  const m = model(50);
  const n = m.assets.length;
  const lo = new Array<number>(n).fill(0);
  const hi = new Array<number>(n).fill(1);
  const w = weightVector(optimize({ ...m, objective: 'min-volatility' }).weights, m.assets);
  const from = w.findIndex((v) => v > 0.02);
  const to = w.findIndex((v) => v === 0);
  const moved = w.slice();
  moved[from] = (moved[from] as number) - 0.001;
  moved[to] = 0.001;
  expect(kktReport(moved, lo, hi, sigmaTimes(m.sigma, moved)).stationarity).toBeGreaterThan(1e-6);
  const broken = w.slice();
  broken[from] = (broken[from] as number) + 0.001;
  expect(kktReport(broken, lo, hi, sigmaTimes(m.sigma, broken)).primal).toBeGreaterThan(1e-4);
  expect(kktReport(w, lo, hi, sigmaTimes(m.sigma, w)).stationarity).toBeLessThan(TOL);
});
