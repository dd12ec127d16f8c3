import { describe, expect, it } from 'vitest';
import { optimize } from '../../shared/optimizer/optimize';
import { riskContributions, riskParityWeights } from '../../shared/optimizer/riskParity';
import { expectStrataError } from '../unit/expectStrataError';
import { expectAllClose, stockModel } from './helpers';

/*
 * Risk parity has one answer for a positive definite covariance (Spinu 2013; Roncalli): the long-only portfolio whose
 * risk contributions equal the budgets. Riskfolio-Lib's rp_optimization and any other solver must land on it, so the
 * checks are the definition itself to 1e-12 and closed forms where they exist.
 */

describe('risk parity', () => {
  it('equalizes the risk contributions on the 20 stocks to 1e-12', () => {
    const { sigma } = stockModel();
    const w = riskParityWeights(sigma);
    expect(Math.min(...w)).toBeGreaterThan(0);
    expect(w.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 15);
    expectAllClose(riskContributions(sigma, w), new Array<number>(20).fill(1 / 20), 0, 1e-12);
  });

  it('meets unequal risk budgets', () => {
    const { sigma } = stockModel();
    const budgets = sigma.map((_, i) => i + 1);
    const w = riskParityWeights(sigma, budgets);
    expectAllClose(riskContributions(sigma, w), budgets.map((b) => b / 210), 0, 1e-12);
  });

  it('equals inverse volatility when all correlations are equal (closed form)', () => {
    const vol = [0.1, 0.2, 0.4, 0.8];
    const rho = 0.3;
    const sigma = vol.map((a, i) => vol.map((b, j) => (i === j ? a * a : rho * a * b)));
    const inv = vol.map((v) => 1 / v);
    const total = inv.reduce((s, v) => s + v, 0);
    expectAllClose(riskParityWeights(sigma), inv.map((v) => v / total), 1e-13);
  });

  it('through optimize(), honouring excluded chains and refusing bounds', () => {
    const { assets, mu, sigma } = stockModel();
    const r = optimize({ assets, mu, sigma, objective: 'risk-parity' });
    expectAllClose(assets.map((a) => r.weights[a] as number), riskParityWeights(sigma), 1e-14);
    expectStrataError(() => optimize({ assets, mu, sigma, objective: 'risk-parity', constraints: { bounds: [0.02, 1] } }), 'INVALID_INPUT', /^risk-parity does not take weight bounds/);
    const budgets = Object.fromEntries(assets.map((a, i) => [a, i + 1]));
    const b = optimize({ assets, mu, sigma, objective: 'risk-parity', riskBudgets: budgets });
    expect(b.weights.SBUX).toBeGreaterThan(r.weights.SBUX as number);
    expectStrataError(() => riskParityWeights(sigma, sigma.map(() => 0)), 'INVALID_INPUT', /^Risk budgets must be 20 positive numbers$/);
  });
});
