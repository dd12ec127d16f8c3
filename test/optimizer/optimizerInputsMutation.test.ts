/**
 * Optimizer input validation (issue #18 item 8): empty inputs, duplicate names, wrong sizes, NaN and infinities, an
 * asymmetric covariance, and bad risk parameters, each with its exact message; and the smallest problems solved exactly.
 */
import { describe, expect, it } from 'vitest';
import { hrpWeights } from '../../shared/optimizer/hrp';
import { maxUtilityWeights, minVolatilityWeights, prepareProblem, expandWeights } from '../../shared/optimizer/meanVariance';
import { riskParityWeights } from '../../shared/optimizer/riskParity';
import { expectStrataError } from '../unit/expectStrataError';

const SIGMA2 = [
  [0.04, 0.006],
  [0.006, 0.09],
];
const ok = { assets: ['a', 'b'], mu: [0.1, 0.2], sigma: SIGMA2 };

describe('prepareProblem validation', () => {
  it.each([
    ['no assets', { assets: [], mu: [], sigma: [] }, /^No assets to optimize$/],
    ['duplicate names', { ...ok, assets: ['a', 'a'] }, /^Asset names must be unique$/],
    ['too few returns', { ...ok, mu: [0.1] }, /^Expected returns must be 2 finite numbers$/],
    ['too many returns', { ...ok, mu: [0.1, 0.2, 0.3] }, /^Expected returns must be 2 finite numbers$/],
    ['a NaN return', { ...ok, mu: [0.1, Number.NaN] }, /^Expected returns must be 2 finite numbers$/],
    ['an infinite return', { ...ok, mu: [Number.POSITIVE_INFINITY, 0.1] }, /^Expected returns must be 2 finite numbers$/],
    ['a missing covariance row', { ...ok, sigma: [[0.04, 0.006]] }, /^The covariance matrix must be 2×2 finite numbers$/],
    ['a short covariance row', { ...ok, sigma: [[0.04], [0.006, 0.09]] }, /^The covariance matrix must be 2×2 finite numbers$/],
    ['a NaN covariance', { ...ok, sigma: [[0.04, Number.NaN], [Number.NaN, 0.09]] }, /^The covariance matrix must be 2×2 finite numbers$/],
    ['an asymmetric covariance', { ...ok, sigma: [[0.04, 0.006], [0.007, 0.09]] }, /^The covariance matrix must be symmetric$/],
  ])('refuses %s with INVALID_INPUT', (_name, input, message) => {
    expectStrataError(() => prepareProblem(input), 'INVALID_INPUT', message);
  });

  it('accepts asymmetry within 1e-12 of the largest variance', () => {
    expect(() => prepareProblem({ ...ok, sigma: [[0.04, 0.006], [0.006 + 1e-14, 0.09]] })).not.toThrow();
  });

  it('refuses a non-positive or non-finite risk aversion', () => {
    const p = prepareProblem(ok);
    for (const delta of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expectStrataError(() => maxUtilityWeights(p, delta), 'INVALID_INPUT', /^Risk aversion must be a positive number$/);
    }
  });

  it('solves the two-asset minimum variance exactly: w_a = (s_bb - s_ab) / (s_aa + s_bb - 2 s_ab)', () => {
    const w = expandWeights(prepareProblem(ok), minVolatilityWeights(prepareProblem(ok)));
    const wa = (0.09 - 0.006) / (0.04 + 0.09 - 2 * 0.006);
    expect(w[0]).toBeCloseTo(wa, 9);
    expect(w[1]).toBeCloseTo(1 - wa, 9);
  });
});

describe('HRP and risk parity validation', () => {
  it('HRP refuses no assets and an undefined correlation', () => {
    expectStrataError(() => hrpWeights({ covariance: [] }), 'INVALID_INPUT', /^HRP needs at least one asset$/);
    expectStrataError(() => hrpWeights({ covariance: [[0, 0], [0, 0.09]] }), 'INVALID_INPUT', /^HRP: a correlation is undefined/);
  });

  it('risk parity refuses budgets of the wrong size, zero, negative or NaN, and a zero variance', () => {
    for (const budgets of [[1], [1, 1, 1], [1, 0], [1, -1], [1, Number.NaN]]) {
      expectStrataError(() => riskParityWeights(SIGMA2, budgets), 'INVALID_INPUT', /^Risk budgets must be 2 positive numbers$/);
    }
    expectStrataError(() => riskParityWeights([[0.04, 0], [0, 0]]), 'INVALID_INPUT', /^Risk parity needs a positive variance for every asset$/);
  });

  it('risk parity with uncorrelated assets weights by inverse volatility; budgets are normalised', () => {
    const w = riskParityWeights([[0.04, 0], [0, 0.09]]);
    // 1/0.2 : 1/0.3 = 0.6 : 0.4
    expect(w[0]).toBeCloseTo(0.6, 12);
    expect(w[1]).toBeCloseTo(0.4, 12);
    const budgeted = riskParityWeights([[0.04, 0], [0, 0.09]], [2, 6]);
    expect(riskParityWeights([[0.04, 0], [0, 0.09]], [1, 3])).toEqual(budgeted);
  });
});
