import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileConstraints, type PortfolioConstraints } from '../../shared/optimizer/constraints';
import { dailyReturns } from '../../shared/optimizer/dailyReturns';
import { expectedReturns } from '../../shared/optimizer/expectedReturns';
import { optimize } from '../../shared/optimizer/optimize';
import { parsePrices } from '../../shared/optimizer/parsePrices';
import { weightVector } from '../../shared/optimizer/performance';
import { riskModel } from '../../shared/optimizer/riskModel';
import { expectStrataError } from '../unit/expectStrataError';
import { CRYPTO_CSV, expectKkt, expectOptimizerError, linear, sigmaTimes, stockModel, type KktConstraint } from './helpers';

const { assets, mu, sigma } = stockModel();
const n = assets.length;

// The sector mapping and bounds of PyPortfolioOpt's tests/test_efficient_frontier.py (test_*_sector_constraints_*),
// which only assert that the bounds hold: here the optimality conditions are checked too.
const SECTOR: Record<string, string> = {
  GOOG: 'tech', AAPL: 'tech', FB: 'tech', AMZN: 'tech', BABA: 'tech', GE: 'utility', AMD: 'tech', WMT: 'retail', BAC: 'fig', GM: 'auto',
  T: 'auto', UAA: 'airline', SHLD: 'retail', XOM: 'energy', RRC: 'energy', BBY: 'retail', MA: 'fig', PFE: 'pharma', JPM: 'fig', SBUX: 'retail',
};
const UPPER: Record<string, number> = { tech: 0.2, utility: 0.1, retail: 0.2, fig: 0.4, airline: 0.05, energy: 0.2 };
const LOWER: Record<string, number> = { utility: 0.01, fig: 0.02, airline: 0.01 };
const sectorConstraints = (bounds: [number, number]): PortfolioConstraints => ({
  bounds,
  groups: SECTOR,
  groupBounds: Object.fromEntries([...new Set([...Object.keys(UPPER), ...Object.keys(LOWER)])].map((g) => [g, [LOWER[g] ?? -Infinity, UPPER[g] ?? Infinity]])),
});

/** Linear constraints of the sector problem at x: budget, bounds, sector lower and upper sums. */
function sectorKkt(x: number[], lo: number, hi: number): KktConstraint[] {
  const e = (i: number, s: number) => Array.from({ length: n }, (_, j) => (j === i ? s : 0));
  const member = (g: string, s: number) => assets.map((a) => (SECTOR[a] === g ? s : 0));
  return [
    linear(new Array<number>(n).fill(1), 1, x, true),
    ...x.map((_, i) => linear(e(i, 1), lo, x)),
    ...x.map((_, i) => linear(e(i, -1), -hi, x)),
    ...Object.entries(LOWER).map(([g, b]) => linear(member(g, 1), b, x)),
    ...Object.entries(UPPER).map(([g, b]) => linear(member(g, -1), -b, x)),
  ];
}

function expectSectorsHold(w: number[]): void {
  for (const g of new Set(Object.values(SECTOR))) {
    const sum = w.reduce((s, v, i) => s + (SECTOR[assets[i] as string] === g ? v : 0), 0);
    expect(sum).toBeLessThanOrEqual((UPPER[g] ?? 1) + 1e-12);
    expect(sum).toBeGreaterThanOrEqual((LOWER[g] ?? -1) - 1e-12);
  }
}

describe('group (sector) constraints, checked by KKT conditions to 1e-8', () => {
  it('min volatility with shorting (test_min_volatility_sector_constraints)', () => {
    const r = optimize({ assets, mu, sigma, objective: 'min-volatility', constraints: sectorConstraints([-1, 1]) });
    const w = weightVector(r.weights, assets);
    expectSectorsHold(w);
    expectKkt(sigmaTimes(sigma, w), sectorKkt(w, -1, 1));
  });

  it('max Sharpe, long only (test_max_sharpe_sector_constraints_auto)', () => {
    const r = optimize({ assets, mu, sigma, objective: 'max-sharpe', riskFreeRate: 0.02, constraints: sectorConstraints([0, 1]) });
    const w = weightVector(r.weights, assets);
    expectSectorsHold(w);
    // Transformed problem: y = k w with k = 1 / ((mu - rf)' w); each constraint a'w >= b becomes (a - b)'y >= 0.
    const k = 1 / w.reduce((s, v, i) => s + v * ((mu[i] as number) - 0.02), 0);
    const y = w.map((v) => v * k);
    const cons = sectorKkt(w, 0, 1).slice(1).map((c) => {
      const b = c.gradient.reduce((s, v, i) => s + v * (w[i] as number), 0) - c.value;
      return linear(c.gradient.map((v) => v - b), 0, y);
    });
    expectKkt(sigmaTimes(sigma, y), [linear(mu.map((m) => m - 0.02), 1, y, true), linear(new Array<number>(n).fill(1), 0, y), ...cons]);
    // Caps bind: tech is capped at 0.2.
    expect(w.reduce((s, v, i) => s + (SECTOR[assets[i] as string] === 'tech' ? v : 0), 0)).toBeCloseTo(0.2, 12);
  });

  it('efficient risk 0.19 (test_efficient_risk_sector_constraints_auto)', () => {
    const r = optimize({ assets, mu, sigma, objective: 'efficient-risk', target: 0.19, constraints: sectorConstraints([0, 1]) });
    const w = weightVector(r.weights, assets);
    expectSectorsHold(w);
    expect(r.volatility).toBeCloseTo(0.19, 12);
    const variance = { gradient: sigmaTimes(sigma, w, -2), value: 0.19 ** 2 - r.volatility ** 2 };
    expectKkt(mu.map((m) => -m), [variance, ...sectorKkt(w, 0, 1)]);
  });
});

describe('chains and the stablecoin share on the 2021 crypto data', () => {
  const returns = dailyReturns(parsePrices(readFileSync(CRYPTO_CSV, 'utf8')));
  const cmu = expectedReturns(returns, { frequency: 365 });
  const csigma = riskModel(returns, { frequency: 365, method: 'ledoit-wolf' });
  const chains = { BTC: 'bitcoin', ETH: 'ethereum', SOL: 'solana', ATOM: 'cosmoshub', OSMO: 'osmosis', USDC: 'ethereum', USDT: 'ethereum', BNB: 'bsc', ADA: 'cardano' };
  const constraints: PortfolioConstraints = {
    bounds: [0, 0.4],
    chains,
    allowedChains: ['ethereum', 'cosmoshub', 'osmosis'],
    stablecoins: ['USDC', 'USDT'],
    minStablecoinShare: 0.3,
    groups: { ETH: 'L1', ATOM: 'L1', OSMO: 'L1', SOL: 'L1', BTC: 'L1', BNB: 'L1', ADA: 'L1' },
    groupBounds: { L1: [0.2, 0.65] },
  };

  it('holds other chains at 0, meets the stablecoin floor and caps, and is KKT-optimal (max Sharpe)', () => {
    const r = optimize({ assets: returns.assets, mu: cmu, sigma: csigma, objective: 'max-sharpe', riskFreeRate: 0.02, constraints });
    for (const a of ['BTC', 'SOL', 'BNB', 'ADA']) expect(r.weights[a]).toBe(0);
    expect((r.weights.USDC as number) + (r.weights.USDT as number)).toBeGreaterThanOrEqual(0.3 - 1e-12);
    for (const v of Object.values(r.weights)) expect(v).toBeLessThanOrEqual(0.4);
    expect(Object.values(r.weights).reduce((s, v) => s + v, 0)).toBeCloseTo(1, 14);
    // Unconstrained, SOL's 100-fold year takes everything (data/README.md); here the caps and floors bind.
    const free = ['ETH', 'ATOM', 'OSMO', 'USDC', 'USDT'];
    const idx = free.map((a) => returns.assets.indexOf(a));
    const w = idx.map((i) => r.weights[returns.assets[i] as string] as number);
    const m = free.length;
    const sub = idx.map((i) => idx.map((j) => (csigma[i] as number[])[j] as number));
    const subMu = idx.map((i) => cmu[i] as number);
    const k = 1 / w.reduce((s, v, i) => s + v * ((subMu[i] as number) - 0.02), 0);
    const y = w.map((v) => v * k);
    const e = (i: number, s: number) => Array.from({ length: m }, (_, j) => (j === i ? s : 0));
    const stable = free.map((a) => (a === 'USDC' || a === 'USDT' ? 1 : 0));
    const l1 = free.map((a) => (a === 'USDC' || a === 'USDT' ? 0 : 1));
    const rows: [number[], number][] = [
      ...free.map((_, i): [number[], number] => [e(i, 1), 0]),
      ...free.map((_, i): [number[], number] => [e(i, -1), -0.4]),
      [stable, 0.3],
      [l1, 0.2],
      [l1.map((v) => -v), -0.65],
    ];
    expectKkt(sigmaTimes(sub, y), [
      linear(subMu.map((v) => v - 0.02), 1, y, true),
      linear(new Array<number>(m).fill(1), 0, y),
      ...rows.map(([a, b]) => linear(a.map((v) => v - b), 0, y)),
    ]);
    const unconstrained = optimize({ assets: returns.assets, mu: cmu, sigma: csigma, objective: 'max-sharpe', riskFreeRate: 0.02 });
    expect(unconstrained.weights.SOL).toBeGreaterThan(0.5);
  });

  it('min volatility under the same rules puts the floor-exceeding share in stablecoins', () => {
    const r = optimize({ assets: returns.assets, mu: cmu, sigma: csigma, objective: 'min-volatility', constraints });
    expect((r.weights.USDC as number) + (r.weights.USDT as number)).toBeGreaterThan(0.3);
    expect((r.weights.ETH as number) + (r.weights.ATOM as number) + (r.weights.OSMO as number)).toBeCloseTo(0.2, 12);
  });
});

describe('contradictory constraints are named', () => {
  const run = (constraints: PortfolioConstraints) => () => optimize({ assets, mu, sigma, objective: 'max-sharpe', constraints });

  it('per-asset bounds', () => {
    expectOptimizerError(run({ bounds: [0.06, 1] }), 'OPTIMIZER_INFEASIBLE', /^Sum of minimum weights 1\.2 > 1$/);
    expectOptimizerError(run({ bounds: [0, 0.04] }), 'OPTIMIZER_INFEASIBLE', /^Sum of maximum weights 0\.8 < 1$/);
    expectOptimizerError(run({ assetBounds: { AAPL: [0.5, 0.3] } }), 'OPTIMIZER_INFEASIBLE', /^Asset "AAPL": minimum weight 0\.5 > maximum 0\.3$/);
  });

  it('groups against their members', () => {
    const groups = { AAPL: 'stablecoins', GOOG: 'stablecoins' };
    expectOptimizerError(run({ bounds: [0, 0.2], groups, groupBounds: { stablecoins: [0.6, 1] } }), 'OPTIMIZER_INFEASIBLE', /^Group "stablecoins" minimum 0\.6 exceeds the sum of its members' maximums 0\.4$/);
    expectOptimizerError(run({ assetBounds: { AAPL: [0.1, 1], GOOG: [0.1, 1] }, groups, groupBounds: { stablecoins: [0, 0.15] } }), 'OPTIMIZER_INFEASIBLE', /^Group "stablecoins" maximum 0\.15 is below the sum of its members' minimums 0\.2$/);
    expectOptimizerError(run({ groups, groupBounds: { stablecoins: [0.5, 0.4] } }), 'OPTIMIZER_INFEASIBLE', /^Group "stablecoins": minimum 0\.5 > maximum 0\.4$/);
    expectOptimizerError(run({ groupBounds: { nothing: [0.1, 1] } }), 'OPTIMIZER_INFEASIBLE', /^Group "nothing" minimum 0\.1 cannot be met: no member is on an allowed chain$/);
    expectOptimizerError(run({ bounds: [0, 0.25], stablecoins: ['AAPL', 'GOOG'], minStablecoinShare: 0.6 }), 'OPTIMIZER_INFEASIBLE', /^Stablecoin share minimum 0\.6 exceeds the sum of the stablecoins' maximum weights 0\.5$/);
  });

  it('chains', () => {
    const chains = Object.fromEntries(assets.map((a, i) => [a, i < 10 ? 'ethereum' : 'cosmoshub']));
    expectOptimizerError(run({ chains, allowedChains: ['ethereum'], assetBounds: { XOM: [0.1, 1] } }), 'OPTIMIZER_INFEASIBLE', /^Asset "XOM" must hold at least 0\.1 but its chain "cosmoshub" is not allowed$/);
    expectOptimizerError(run({ chains, allowedChains: ['ethereum'], bounds: [0, 0.09] }), 'OPTIMIZER_INFEASIBLE', /^Sum of maximum weights of the assets on allowed chains 0\.9 < 1$/);
    expectOptimizerError(run({ chains, allowedChains: ['solana'] }), 'OPTIMIZER_INFEASIBLE', /^No asset is on an allowed chain$/);
    const ok = optimize({ assets, mu, sigma, objective: 'min-volatility', constraints: { chains, allowedChains: ['cosmoshub'] } });
    assets.slice(0, 10).forEach((a) => expect(ok.weights[a]).toBe(0));
  });

  it('a group against the other assets', () => {
    const groups = { AAPL: 'a', GOOG: 'a' };
    expectOptimizerError(run({ groups, groupBounds: { a: [0.6, 1] }, assetBounds: { XOM: [0.5, 1] } }), 'OPTIMIZER_INFEASIBLE', /^Group "a" minimum 0\.6 plus the other assets' minimums 0\.5 exceeds 1$/);
    expectOptimizerError(run({ groups, groupBounds: { a: [0, 0.5] }, bounds: [0, 0.02] , assetBounds: { AAPL: [0, 1], GOOG: [0, 1] } }), 'OPTIMIZER_INFEASIBLE', /^Group "a" maximum 0\.5 plus the other assets' maximums 0\.36 is below 1$/);
  });

  it('combinations only the solver can see', () => {
    const groups = { AAPL: 'a', GOOG: 'a', XOM: 'b', PFE: 'b' };
    expectOptimizerError(run({ groups, groupBounds: { a: [0.6, 1], b: [0.6, 1] } }), 'OPTIMIZER_INFEASIBLE', /^The constraints cannot all hold together \(weights sum to 1; group "a" minimum 0\.6; group "b" minimum 0\.6, with the per-asset bounds\)$/);
  });

  it('malformed constraints are INVALID_INPUT', () => {
    expectStrataError(run({ groups: { NOPE: 'x' } }), 'INVALID_INPUT', /^Unknown asset "NOPE" in groups$/);
    expectStrataError(run({ bounds: [0, Number.NaN] }), 'INVALID_INPUT', /^bounds must be two finite numbers$/);
    expectStrataError(run({ allowedChains: ['ethereum'] }), 'INVALID_INPUT', /^Asset "GOOG" has no chain, but allowedChains is set$/);
    expectStrataError(run({ minStablecoinShare: 1.5, stablecoins: [] }), 'INVALID_INPUT', /^minStablecoinShare must be a number from 0 to 1$/);
  });

  it('group bounds that the asset bounds imply are dropped before solving', () => {
    const c = compileConstraints(assets, { bounds: [0, 0.5], groups: { AAPL: 'g', GOOG: 'g' }, groupBounds: { g: [0, 1] } });
    expect(c.groups).toEqual([]);
    const d = compileConstraints(assets, { groups: { AAPL: 'g', GOOG: ['g', 'h'] }, groupBounds: { g: [0.1, 1], h: [0, 0.05] } });
    expect(d.groups).toEqual([
      { label: 'group "g"', members: [1, 0], lo: 0.1, hi: Infinity },
      { label: 'group "h"', members: [0], lo: -Infinity, hi: 0.05 },
    ]);
  });
});

describe('covariance matrices the solver cannot take as they are', () => {
  it('a singular (semidefinite) matrix gets a tiny ridge: duplicated assets, one of the equally good splits', () => {
    const sigma3 = [[0.04, 0.04, 0], [0.04, 0.04, 0], [0, 0, 0.09]];
    const r = optimize({ assets: ['A', 'A2', 'B'], mu: [0.1, 0.1, 0.2], sigma: sigma3, objective: 'min-volatility' });
    // Exact answer: A and A2 together 0.09 / 0.13 (any split of it), variance 0.04 * 0.09 / 0.13.
    expect((r.weights.A as number) + (r.weights.A2 as number)).toBeCloseTo(0.09 / 0.13, 9);
    expect(Math.min(r.weights.A as number, r.weights.A2 as number)).toBeGreaterThanOrEqual(0);
    expect(r.volatility ** 2).toBeCloseTo((0.04 * 0.09) / 0.13, 12);
  });

  it('a non-positive-semidefinite matrix is repaired (spectral) before optimizing', async () => {
    const { fixNonPositiveSemidefinite } = await import('../../shared/optimizer/riskModel');
    const bad = [[0.03818144, 0.04182824], [0.04182824, 0.04149209]];
    const fixed = fixNonPositiveSemidefinite(bad).matrix;
    const a = optimize({ assets: ['X', 'Y'], mu: [0.1, 0.12], sigma: bad, objective: 'max-sharpe', riskFreeRate: 0 });
    const b = optimize({ assets: ['X', 'Y'], mu: [0.1, 0.12], sigma: fixed, objective: 'max-sharpe', riskFreeRate: 0 });
    expect(a).toEqual(b);
    expectStrataError(() => optimize({ assets: ['X', 'Y'], mu: [0.1, 0.12], sigma: [[1, 0.5], [0.4, 1]], objective: 'min-volatility' }), 'INVALID_INPUT', /^The covariance matrix must be symmetric$/);
  });
});
