import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dailyReturns } from '../../shared/optimizer/dailyReturns';
import { expectedReturns } from '../../shared/optimizer/expectedReturns';
import { clusterVariance, hrpWeights } from '../../shared/optimizer/hrp';
import { optimize } from '../../shared/optimizer/optimize';
import { pairwiseMoments } from '../../shared/optimizer/pairwiseStats';
import { parsePrices } from '../../shared/optimizer/parsePrices';
import { portfolioPerformance } from '../../shared/optimizer/performance';
import { riskModel } from '../../shared/optimizer/riskModel';
import { singleLinkage } from '../../shared/optimizer/singleLinkage';
import { expectStrataError } from '../unit/expectStrataError';
import { CRYPTO_CSV, expectAllClose, reference, stockModel } from './helpers';

/* Published numbers: PyPortfolioOpt v1.5.6 tests/test_hrp.py and its tests/resources/weights_hrp.csv. */

// tests/resources/weights_hrp.csv (full precision; HRPOpt.optimize(linkage_method="single") on the stock returns).
const WEIGHTS_HRP: Record<string, number> = {
  AAPL: 0.022258941278778387, AMD: 0.022294021796692116, AMZN: 0.016086842079874982, BABA: 0.07963382071794088,
  BAC: 0.014409222455552267, BBY: 0.03406419438245041, FB: 0.06272994714663536, GE: 0.05519063444162851,
  GM: 0.055576660241857236, GOOG: 0.04956008428992926, JPM: 0.017675709092515715, MA: 0.038127373497320226,
  PFE: 0.07786528342813452, RRC: 0.03161528695094598, SBUX: 0.039844436656239136, SHLD: 0.027113184241298872,
  T: 0.11138956508836473, UAA: 0.027115909570750083, WMT: 0.10569551148587902, XOM: 0.11175337115721229,
};

describe('hierarchical risk parity', () => {
  const { returns, assets } = stockModel();

  it('matches weights_hrp.csv (test_hrp_portfolio: rtol 1e-2 published; 1e-12 here) and its leaf order (test_quasi_dag)', () => {
    const { weights, order } = hrpWeights({ returns });
    expectAllClose(weights, assets.map((a) => WEIGHTS_HRP[a] as number), 1e-12);
    expect(order.slice(0, 5)).toEqual([12, 6, 15, 14, 2]);
    expect(weights.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 15);
  });

  it('matches test_portfolio_performance (rtol 1e-7 published; 1e-12 here): arithmetic mean and sample covariance', () => {
    const { weights } = hrpWeights({ returns });
    const perf = portfolioPerformance(weights, expectedReturns(returns, { method: 'mean' }), riskModel(returns), assets, 0.02);
    expectAllClose([perf.expectedReturn, perf.volatility, perf.sharpe], [0.21353402380950973, 0.17844159743748936, 1.084579081272277], 1e-12);
  });

  it('from a Ledoit-Wolf covariance alone matches test_pass_cov_matrix (7 decimals published; 1e-12 here)', () => {
    const lw = riskModel(returns, { method: 'ledoit-wolf' });
    const { weights } = hrpWeights({ covariance: lw });
    const vol = Math.sqrt(weights.reduce((s, wi, i) => s + wi * (lw[i] as number[]).reduce((t, v, j) => t + v * (weights[j] as number), 0), 0));
    expect(Math.abs(vol - 0.10002783894982334)).toBeLessThan(1e-12);
  });

  it('cluster variance matches test_cluster_var (7 decimals published)', () => {
    const { covariance } = pairwiseMoments(returns);
    const tickers = ['SHLD', 'AMD', 'BBY', 'RRC', 'FB', 'WMT', 'T', 'BABA', 'PFE', 'UAA'];
    expect(Math.abs(clusterVariance(covariance, tickers.map((t) => assets.indexOf(t))) - 0.00012842967106653283)).toBeLessThan(1e-16);
  });

  it('matches PyPortfolioOpt\'s source on the crypto data and a table with gaps (weights 1e-12, same leaf order)', () => {
    const ref = reference();
    const crypto = hrpWeights({ returns: dailyReturns(parsePrices(readFileSync(CRYPTO_CSV, 'utf8'))) });
    expectAllClose(crypto.weights, ref.crypto.hrp[0], 1e-12);
    expect(crypto.order).toEqual(ref.crypto.hrp[1]);
    const gaps = hrpWeights({ returns: dailyReturns({ dates: ref.gaps.prices.map((_, i) => String(i)), assets: ref.gaps.assets, prices: ref.gaps.prices }) });
    expectAllClose(gaps.weights, ref.gaps.hrp[0], 1e-12);
  });

  it('through optimize(): same weights; excluded chains drop out; bounds are refused', () => {
    const { mu, sigma } = stockModel();
    const r = optimize({ assets, mu, sigma, objective: 'hrp', returns });
    expectAllClose(assets.map((a) => r.weights[a] as number), assets.map((a) => WEIGHTS_HRP[a] as number), 1e-12);
    const chains = Object.fromEntries(assets.map((a, i) => [a, i < 5 ? 'x' : 'y']));
    const part = optimize({ assets, mu, sigma, objective: 'hrp', returns, constraints: { chains, allowedChains: ['y'] } });
    expect(assets.slice(0, 5).map((a) => part.weights[a])).toEqual([0, 0, 0, 0, 0]);
    expect(Object.values(part.weights).reduce((s, v) => s + v, 0)).toBeCloseTo(1, 14);
    expectStrataError(() => optimize({ assets, mu, sigma, objective: 'hrp', returns, constraints: { bounds: [0, 0.1] } }), 'INVALID_INPUT', /^hrp does not take weight bounds/);
    expectStrataError(() => optimize({ assets, mu, sigma, objective: 'hrp' }), 'INVALID_INPUT', /^hrp needs the daily returns$/);
  });
});

describe('single linkage', () => {
  // Expected matrices printed by SciPy 1.10's scipy.cluster.hierarchy.linkage(y, 'single') for the same inputs.
  it('builds SciPy\'s linkage matrix', () => {
    // Points on a line at 0, 1, 3, 7: condensed distances in SciPy's order (0-1, 0-2, 0-3, 1-2, 1-3, 2-3).
    const z = singleLinkage([1, 3, 7, 2, 6, 4], 4);
    expect(z).toEqual([[0, 1, 1, 2], [2, 4, 2, 3], [3, 5, 4, 4]]);
  });

  it('keeps SciPy\'s tie order', () => {
    expect(singleLinkage([1, 1, 1], 3)).toEqual([[0, 1, 1, 2], [2, 3, 1, 3]]);
    expect(singleLinkage([2, 1, 1, 2, 1, 2], 4)).toEqual([[0, 2, 1, 2], [3, 4, 1, 3], [1, 5, 1, 4]]);
  });
});

it('reads its fixture directory (sanity)', () => {
  expect(readFileSync(join(__dirname, 'fixtures', 'LICENSE-PyPortfolioOpt'), 'utf8')).toMatch(/^MIT License/);
});
