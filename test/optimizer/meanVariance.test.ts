import { describe, expect, it } from 'vitest';
import { solveLinear } from '../../shared/optimizer/linalg';
import { optimize, type OptimizeInput } from '../../shared/optimizer/optimize';
import { weightVector } from '../../shared/optimizer/performance';
import { boxAndBudget, expectAllClose, expectKkt, expectOptimizerError, linear, sigmaTimes, stockModel, type KktConstraint } from './helpers';

/*
 * Published numbers come from PyPortfolioOpt v1.5.6 tests/test_efficient_frontier.py (named per test); they were
 * produced by cvxpy, and `portfolio_performance(risk_free_rate=0.02)` returns (expected return, volatility, Sharpe).
 * PyPortfolioOpt's weight_bounds=(None, None) means (-1, 1). Where a test publishes no numbers, the result is checked
 * by its first-order (KKT) optimality conditions instead, computed independently here.
 */

const { assets, mu, sigma } = stockModel();
const base = { assets, mu, sigma };
const n = assets.length;

function run(extra: Partial<OptimizeInput> & Pick<OptimizeInput, 'objective'>) {
  const result = optimize({ ...base, ...extra });
  return { result, w: weightVector(result.weights, assets), perf: [result.expectedReturn, result.volatility, result.sharpe] };
}

function bounds(lo: number, hi: number): { lo: number[]; hi: number[] } {
  return { lo: new Array<number>(n).fill(lo), hi: new Array<number>(n).fill(hi) };
}

const dotMu = (w: number[]) => w.reduce((s, v, i) => s + v * (mu[i] as number), 0);

/** KKT of max Sharpe in PyPortfolioOpt's transformed variables y = w / ((mu - rf)' w): min y'Sy, (mu-rf)'y = 1. */
function expectMaxSharpeKkt(w: number[], rf: number, lo: number[], hi: number[], extra: { a: number[]; b: number }[] = []): void {
  const k = 1 / w.reduce((s, v, i) => s + v * ((mu[i] as number) - rf), 0);
  const y = w.map((v) => v * k);
  const e = (i: number, s: number) => Array.from({ length: n }, (_, j) => (j === i ? s : 0));
  const cons: KktConstraint[] = [
    linear(mu.map((m) => m - rf), 1, y, true),
    linear(new Array<number>(n).fill(1), 0, y),
    ...y.map((_, i) => linear(e(i, 1).map((v) => v - (lo[i] as number)), 0, y)),
    ...y.map((_, i) => linear(e(i, -1).map((v) => v + (hi[i] as number)), 0, y)),
    ...extra.map(({ a, b }) => linear(a.map((v) => v - b), 0, y)),
  ];
  expectKkt(sigmaTimes(sigma, y), cons);
}

describe('min volatility', () => {
  it('matches test_min_volatility (rtol 1e-9) and is KKT-optimal', () => {
    const { w, perf } = run({ objective: 'min-volatility' });
    expectAllClose(perf, [0.15056821399482578, 0.15915084514118694, 0.8204054077060996], 1e-9);
    expect(Math.abs(w.reduce((s, v) => s + v, 0) - 1)).toBeLessThan(1e-12);
    expect(Math.min(...w)).toBeGreaterThanOrEqual(0);
    const { lo, hi } = bounds(0, 1);
    expectKkt(sigmaTimes(sigma, w), boxAndBudget(w, lo, hi));
  });

  it('matches test_min_volatility_short with bounds (-1, 1) (rtol 1e-9) and is KKT-optimal', () => {
    const { w, perf } = run({ objective: 'min-volatility', constraints: { bounds: [-1, 1] } });
    expectAllClose(perf, [0.1516319319875544, 0.1555915367269669, 0.8460095886741129], 1e-9);
    const { lo, hi } = bounds(-1, 1);
    expectKkt(sigmaTimes(sigma, w), boxAndBudget(w, lo, hi));
  });
});

describe('max Sharpe', () => {
  it('matches test_max_sharpe_long_only (rtol 1e-9) and is KKT-optimal', () => {
    const { w, perf } = run({ objective: 'max-sharpe', riskFreeRate: 0.02 });
    expectAllClose(perf, [0.3047768672819914, 0.22165566922402932, 1.2847714127003216], 1e-9);
    const { lo, hi } = bounds(0, 1);
    expectMaxSharpeKkt(w, 0.02, lo, hi);
  });

  it('matches test_max_sharpe_short with bounds (-1, 1) (rtol 1e-9) and is KKT-optimal', () => {
    const { w, perf } = run({ objective: 'max-sharpe', riskFreeRate: 0.02, constraints: { bounds: [-1, 1] } });
    expectAllClose(perf, [0.4937195216716211, 0.29516576454651955, 1.6049270564945908], 1e-9);
    const { lo, hi } = bounds(-1, 1);
    expectMaxSharpeKkt(w, 0.02, lo, hi);
  });

  it('with every weight in [0.03, 0.13] (test_max_sharpe_long_weight_bounds publishes no numbers): bounds hold, KKT-optimal to 1e-8', () => {
    const { w } = run({ objective: 'max-sharpe', riskFreeRate: 0.02, constraints: { bounds: [0.03, 0.13] } });
    expect(Math.min(...w)).toBeGreaterThanOrEqual(0.03);
    expect(Math.max(...w)).toBeLessThanOrEqual(0.13);
    expect(Math.abs(w.reduce((s, v) => s + v, 0) - 1)).toBeLessThan(1e-12);
    expect(w.filter((v) => v === 0.13).length + w.filter((v) => v === 0.03).length).toBeGreaterThan(0);
    const { lo, hi } = bounds(0.03, 0.13);
    expectMaxSharpeKkt(w, 0.02, lo, hi);
  });

  it('with alternating per-asset bounds (0.01, 0.13) / (0.02, 0.11) (test_max_sharpe_long_weight_bounds): KKT-optimal', () => {
    const assetBounds: Record<string, [number, number]> = {};
    assets.forEach((a, i) => (assetBounds[a] = i % 2 === 0 ? [0.01, 0.13] : [0.02, 0.11]));
    const { w } = run({ objective: 'max-sharpe', riskFreeRate: 0.02, constraints: { assetBounds } });
    const lo = assets.map((_, i) => (i % 2 === 0 ? 0.01 : 0.02));
    const hi = assets.map((_, i) => (i % 2 === 0 ? 0.13 : 0.11));
    w.forEach((v, i) => {
      expect(v).toBeGreaterThanOrEqual(lo[i] as number);
      expect(v).toBeLessThanOrEqual(hi[i] as number);
    });
    expectMaxSharpeKkt(w, 0.02, lo, hi);
  });

  it('matches test_max_sharpe_exp_cov with the exponential covariance (rtol 1e-9)', async () => {
    const { riskModel } = await import('../../shared/optimizer/riskModel');
    const expSigma = riskModel(stockModel().returns, { method: 'exp' });
    const r = optimize({ ...base, sigma: expSigma, objective: 'max-sharpe', riskFreeRate: 0.02 });
    expectAllClose([r.expectedReturn, r.volatility, r.sharpe], [0.33700887443850647, 0.1807332515488447, 1.7540152225548384], 1e-9);
  });

  it('a higher risk-free rate cannot raise the best Sharpe ratio (test_max_sharpe_risk_free_rate)', () => {
    const s2 = run({ objective: 'max-sharpe', riskFreeRate: 0.02 }).result.sharpe;
    const s10 = run({ objective: 'max-sharpe', riskFreeRate: 0.1 }).result.sharpe;
    const s0 = run({ objective: 'max-sharpe', riskFreeRate: 0 }).result.sharpe;
    expect(s10).toBeLessThan(s2);
    expect(s0).toBeGreaterThan(s2);
  });

  it('rejects a risk-free rate at or above every achievable return (test_max_sharpe_error)', () => {
    expectOptimizerError(() => optimize({ ...base, objective: 'max-sharpe', riskFreeRate: Math.max(...mu) + 0.01 }), 'TARGET_OUT_OF_RANGE', /^Risk-free rate 0\.398666 is not below the highest expected return these constraints allow \(0\.388666\)$/);
  });
});

describe('max quadratic utility', () => {
  it('matches test_max_quadratic_utility with delta 2 (rtol 1e-9) and is KKT-optimal', () => {
    const { w, perf } = run({ objective: 'max-utility', riskAversion: 2 });
    expectAllClose(perf, [0.3677732711751504, 0.2921342197778279, 1.1904571516463793], 1e-9);
    const { lo, hi } = bounds(0, 1);
    expectKkt(sigmaTimes(sigma, w, 2).map((v, i) => v - (mu[i] as number)), boxAndBudget(w, lo, hi));
  });

  it('matches test_max_quadratic_utility_with_shorts with bounds (-1, 1) and the default delta 1 (rtol 1e-9)', () => {
    const { w, perf } = run({ objective: 'max-utility', constraints: { bounds: [-1, 1] } });
    expectAllClose(perf, [1.4170505733098597, 1.0438577623242156, 1.3383533884915872], 1e-9);
    const { lo, hi } = bounds(-1, 1);
    expectKkt(sigmaTimes(sigma, w).map((v, i) => v - (mu[i] as number)), boxAndBudget(w, lo, hi));
  });

  it('tends to the minimum-volatility weights for a huge delta (test_max_quadratic_utility_limit, 6 decimals)', () => {
    const u = run({ objective: 'max-utility', riskAversion: 1e10 }).w;
    const v = run({ objective: 'min-volatility' }).w;
    expectAllClose(u, v, 0, 1.5e-6);
  });

  it('rejects a non-positive delta (test_max_quadratic_utility_error)', () => {
    expect(() => optimize({ ...base, objective: 'max-utility', riskAversion: 0 })).toThrow('Risk aversion must be a positive number');
    expect(() => optimize({ ...base, objective: 'max-utility', riskAversion: -1 })).toThrow('Risk aversion must be a positive number');
  });
});

describe('efficient risk', () => {
  it('matches test_efficient_risk at volatility 0.19 (atol 1e-6 published; 1e-8 here) and is KKT-optimal', () => {
    const { w, perf } = run({ objective: 'efficient-risk', target: 0.19 });
    expectAllClose(perf, [0.2552422849133517, 0.19, 1.2381172871434818], 0, 1e-8);
    expect(Math.abs((perf[1] as number) - 0.19)).toBeLessThan(1e-14);
    const { lo, hi } = bounds(0, 1);
    // max mu'w s.t. 0.19^2 - w'Sw >= 0: gradient of the variance constraint is -2 S w.
    const varianceCon = { gradient: sigmaTimes(sigma, w, -2), value: 0.19 ** 2 - (perf[1] as number) ** 2 };
    const lambda = expectKkt(mu.map((m) => -m), [varianceCon, ...boxAndBudget(w, lo, hi)]);
    expect(lambda[0]).toBeGreaterThan(0);
  });

  it('matches test_efficient_risk_short with bounds (-1, 1) (atol 1e-6 published; 1e-8 here)', () => {
    const { perf } = run({ objective: 'efficient-risk', target: 0.19, constraints: { bounds: [-1, 1] } });
    expectAllClose(perf, [0.30035471606347336, 0.19, 1.4755511348079207], 0, 1e-8);
  });

  it('hits each target volatility (test_efficient_risk_many_values: to 1e-5 published; 1e-12 here)', () => {
    for (const target of [0.16, 0.21, 0.3]) {
      expect(Math.abs(run({ objective: 'efficient-risk', target }).result.volatility - target)).toBeLessThan(1e-12);
    }
  });

  it('gives the maximum-return portfolio for a target above its volatility (test_efficient_risk_limit)', () => {
    const { w } = run({ objective: 'efficient-risk', target: 1 });
    const top = mu.indexOf(Math.max(...mu));
    expect(w[top]).toBeCloseTo(1, 12);
  });

  it('rejects a volatility below the least achievable (test_efficient_risk_error)', () => {
    const minVol = run({ objective: 'min-volatility' }).result.volatility;
    expect(run({ objective: 'efficient-risk', target: minVol + 0.01 }).result.volatility).toBeCloseTo(minVol + 0.01, 12);
    expectOptimizerError(() => optimize({ ...base, objective: 'efficient-risk', target: minVol - 0.01 }), 'TARGET_OUT_OF_RANGE', /^Target volatility 0\.149151 is below the least volatility these constraints allow \(0\.159151\)$/);
    expectOptimizerError(() => optimize({ ...base, objective: 'efficient-risk', target: -0.01 }), 'TARGET_OUT_OF_RANGE', /positive number/);
  });
});

describe('efficient return', () => {
  it('matches test_efficient_return at 0.25 (atol 1e-6 published; rtol 1e-9 here) and is KKT-optimal', () => {
    const { w, perf } = run({ objective: 'efficient-return', target: 0.25 });
    expectAllClose(perf, [0.25, 0.18723269942026335, 1.2284179030274036], 1e-9);
    const { lo, hi } = bounds(0, 1);
    expectKkt(sigmaTimes(sigma, w), [linear(mu, 0.25, w), ...boxAndBudget(w, lo, hi)]);
  });

  it('reaches each target (test_ef_example at 0.2; test_efficient_return_many_values 0.25 to 0.27)', () => {
    for (const target of [0.2, 0.25, 0.26, 0.27]) expect(run({ objective: 'efficient-return', target }).result.expectedReturn).toBeCloseTo(target, 12);
  });

  it('equals the closed-form Lagrangian solution when shorting bounds do not bind (test_efficient_return_short)', () => {
    const { w, perf } = run({ objective: 'efficient-return', target: 0.25, constraints: { bounds: [-1, 1] } });
    // simple_ef_weights: solve [[S, mu, 1], [mu', 0, 0], [1', 0, 0]] x = [0, r, 1].
    const m = sigma.map((row, i) => [...row, mu[i] as number, 1]);
    m.push([...mu, 0, 0], [...new Array<number>(n).fill(1), 0, 0]);
    const rhs = [...new Array<number>(n).fill(0), 0.25, 1].map((v) => [v]);
    const closed = (solveLinear(m, rhs) as number[][]).slice(0, n).map((row) => row[0] as number);
    expectAllClose(w, closed, 0, 1e-10);
    expect(perf[0]).toBeCloseTo(0.25, 12);
  });

  it('a target below the minimum-volatility return gives that portfolio (PyPortfolioOpt constrains return >= target)', () => {
    expect(run({ objective: 'efficient-return', target: 0 }).w).toEqual(run({ objective: 'min-volatility' }).w);
  });

  it('rejects a target above the highest achievable return (test_efficient_return_error)', () => {
    expectOptimizerError(() => optimize({ ...base, objective: 'efficient-return', target: Math.max(...mu) + 0.01 }), 'TARGET_OUT_OF_RANGE', /^Target return 0\.398666 is above the highest expected return these constraints allow \(0\.388666\)$/);
    expect(() => optimize({ ...base, objective: 'efficient-return' })).toThrow('efficient-return needs a target return');
  });

  it('the highest return is the best asset, all in it (test_max_returns, 7 decimals and atol 1e-5)', () => {
    const top = Math.max(...mu);
    const { w } = run({ objective: 'efficient-return', target: top });
    expect(dotMu(w)).toBeCloseTo(top, 12);
    expect(w[mu.indexOf(top)]).toBeCloseTo(1, 12);
  });
});

describe('maximum return (the frontier\'s upper end)', () => {
  it('among tied top assets keeps the least risky mix', async () => {
    const { efficientFrontier } = await import('../../shared/optimizer/efficientFrontier');
    const f = efficientFrontier({ assets: ['A', 'B', 'C'], mu: [0.1, 0.2, 0.2], sigma: [[0.04, 0, 0], [0, 0.09, 0], [0, 0, 0.01]], points: 3 });
    expectAllClose(Object.values(f.maxReturn.weights), [0, 0.1, 0.9], 0, 1e-12);
    expect(f.maxReturn.expectedReturn).toBeCloseTo(0.2, 15);
  });

  it('under a group cap equals the greedy optimum (exact for one capped group)', () => {
    const tech = ['GOOG', 'AAPL', 'FB', 'BABA', 'AMZN', 'AMD'];
    const constraints = { bounds: [0, 0.3] as [number, number], groups: Object.fromEntries(tech.map((a) => [a, 'tech'])), groupBounds: { tech: [0, 0.2] as [number, number] } };
    let left = 1;
    let techLeft = 0.2;
    let best = 0;
    for (const i of mu.map((_, k) => k).sort((a, b) => (mu[b] as number) - (mu[a] as number))) {
      const take = Math.min(0.3, left, tech.includes(assets[i] as string) ? techLeft : Infinity);
      best += take * (mu[i] as number);
      left -= take;
      if (tech.includes(assets[i] as string)) techLeft -= take;
    }
    const top = optimize({ ...base, objective: 'efficient-return', target: best, constraints });
    expect(top.expectedReturn).toBeCloseTo(best, 13);
    expectOptimizerError(() => optimize({ ...base, objective: 'efficient-return', target: best + 1e-6, constraints }), 'TARGET_OUT_OF_RANGE', /^Target return .* is above the highest expected return these constraints allow/);
  });
});

it('the KKT check rejects a portfolio that is not optimal (the helper can fail)', () => {
  const { w } = run({ objective: 'min-volatility' });
  const moved = w.slice();
  const from = moved.findIndex((v) => v > 0.05);
  moved[from] = (moved[from] as number) - 0.01;
  moved[(from + 1) % n] = (moved[(from + 1) % n] as number) + 0.01;
  const { lo, hi } = bounds(0, 1);
  expect(() => expectKkt(sigmaTimes(sigma, moved), boxAndBudget(moved, lo, hi))).toThrow();
});
