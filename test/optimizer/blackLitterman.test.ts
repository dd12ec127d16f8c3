import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { blackLitterman, blackLittermanWeights, marketImpliedPriorReturns, marketImpliedRiskAversion } from '../../shared/optimizer/blackLitterman';
import { expectedReturns } from '../../shared/optimizer/expectedReturns';
import { parsePrices } from '../../shared/optimizer/parsePrices';
import { portfolioPerformance } from '../../shared/optimizer/performance';
import { riskModel } from '../../shared/optimizer/riskModel';
import { expectStrataError } from '../unit/expectStrataError';
import { FIXTURES, expectAllClose, stockModel } from './helpers';

/*
 * Published numbers: PyPortfolioOpt v1.5.6 tests/test_black_litterman.py and tests/utilities_for_tests.py
 * (get_market_caps). fixtures/spy_prices.csv is that suite's tests/resources/spy_prices.csv (MIT, see
 * fixtures/LICENSE-PyPortfolioOpt).
 */

const MCAPS = {
  GOOG: 927e9, AAPL: 1.19e12, FB: 574e9, BABA: 533e9, AMZN: 867e9, GE: 96e9, AMD: 43e9, WMT: 339e9, BAC: 301e9, GM: 51e9,
  T: 61e9, UAA: 78e9, SHLD: 0, XOM: 295e9, RRC: 1e9, BBY: 22e9, MA: 288e9, PFE: 212e9, JPM: 422e9, SBUX: 102e9,
};
const spy = parsePrices(readFileSync(join(FIXTURES, 'spy_prices.csv'), 'utf8')).prices.map((row) => row[0] as number);
const { assets, sigma, returns } = stockModel();
const perfOf = (w: number[], r: { posteriorReturns: number[]; posteriorCovariance: number[][] }) => {
  const p = portfolioPerformance(w, r.posteriorReturns, r.posteriorCovariance, assets, 0.02);
  return [p.expectedReturn, p.volatility, p.sharpe];
};

describe('Black-Litterman', () => {
  it('market-implied risk aversion (test_market_risk_aversion: 2.68549 to 5 decimals)', () => {
    expect(Math.round(marketImpliedRiskAversion(spy, 252, 0.02) * 1e5) / 1e5).toBe(2.68549);
  });

  it('market-implied prior (test_market_implied_prior, 6 decimals published)', () => {
    const delta = marketImpliedRiskAversion(spy, 252, 0.02);
    expectAllClose(marketImpliedPriorReturns(assets, MCAPS, delta, sigma, 0.02), [
      0.14933293, 0.2168623, 0.11219185, 0.10362374, 0.28416295, 0.12196098, 0.19036819, 0.08860159, 0.17724273, 0.08779627,
      0.0791797, 0.16460474, 0.12854665, 0.08657863, 0.11230036, 0.13875465, 0.15017163, 0.09066484, 0.1696369, 0.13270213,
    ], 0, 1.5e-6);
  });

  it('posterior with a market prior (test_bl_market_prior: rtol 1e-7 published; 1e-12 here)', () => {
    const delta = marketImpliedRiskAversion(spy, 252, 0.02);
    const prior = marketImpliedPriorReturns(assets, MCAPS, delta, sigma, 0.02);
    const views = { GOOG: 0.4, AAPL: -0.3, FB: 0.3, BABA: 0 };
    const bl = blackLitterman({ assets, sigma, pi: prior, views: { absolute: views } });
    for (const [name, q] of Object.entries(views)) {
      const i = assets.indexOf(name);
      const post = bl.posteriorReturns[i] as number;
      expect(post).toBeGreaterThanOrEqual(Math.min(q, prior[i] as number));
      expect(post).toBeLessThanOrEqual(Math.max(q, prior[i] as number));
    }
    expectAllClose(perfOf(blackLittermanWeights(sigma, bl.posteriorReturns, delta), bl), [0.2580693114409672, 0.265445955488424, 0.8968654692926723], 1e-12);
  });

  it('equal prior (test_bl_equal_prior: rtol 1e-7 published; 1e-12 here)', () => {
    const views = { AAPL: 0.2, BBY: -0.3, BAC: 0, SBUX: -0.2, T: 0.131321 };
    const bl = blackLitterman({ assets, sigma, pi: 'equal', views: { absolute: views } });
    expect(bl.prior).toEqual(new Array<number>(20).fill(0.05));
    expectAllClose(perfOf(blackLittermanWeights(sigma, bl.posteriorReturns, 1), bl), [0.1877432247395778, 0.3246889329226965, 0.5166274785827545], 1e-12);
  });

  it('Idzorek confidences with a market prior (test_idzorek_with_priors: rtol 1e-7 published; 1e-12 here)', () => {
    const bl = blackLitterman({ assets, sigma, pi: 'market', marketCaps: MCAPS, views: { absolute: { GOOG: 0.4, AAPL: -0.3, FB: 0.3, BABA: 0 } }, omega: 'idzorek', viewConfidences: [1, 1, 0.25, 0.25] });
    expect((bl.omega[0] as number[])[0]).toBe(0);
    expect(bl.posteriorReturns[1]).toBeCloseTo(-0.3, 14);
    expectAllClose(perfOf(blackLittermanWeights(sigma, bl.posteriorReturns, 1), bl), [0.943431295405105, 0.5361412623208567, 1.722365653051476], 1e-12);
  });

  it('views on every asset with an EMA prior and Ledoit-Wolf (test_bl_returns_all_views, 6 decimals published)', () => {
    const lw = riskModel(returns, { method: 'ledoit-wolf' });
    const bl = blackLitterman({ assets, sigma: lw, pi: expectedReturns(returns, { method: 'ema' }), views: { P: assets.map((_, i) => assets.map((_, j) => (i === j ? 1 : 0))), Q: assets.map(() => 0.1) } });
    expectAllClose(bl.posteriorReturns, [
      0.11168648, 0.16782938, 0.12516799, 0.24067997, 0.32848296, -0.22789895, 0.16311297, 0.11928542, 0.25414308, 0.11007738,
      0.06282615, -0.03140218, -0.16977172, 0.05254821, -0.10463884, 0.32173375, 0.26399864, 0.1118594, 0.22999558, 0.08977448,
    ], 0, 1.5e-6);
  });

  it('weights without a prior (test_bl_weights: 5 decimals after clean_weights)', () => {
    const bl = blackLitterman({ assets, sigma, views: { absolute: { AAPL: 0.2, BBY: -0.3, BAC: 0, SBUX: -0.2, T: 0.131321 } } });
    const w = blackLittermanWeights(sigma, bl.posteriorReturns, marketImpliedRiskAversion(spy));
    const clean = w.map((v) => (Math.abs(v) < 1e-4 ? 0 : Math.round(v * 1e5) / 1e5 + 0));
    expect(Object.fromEntries(assets.map((a, i) => [a, clean[i]]))).toEqual({
      GOOG: 0, AAPL: 1.40675, FB: 0, BABA: 0, AMZN: 0, GE: 0, AMD: 0, WMT: 0, BAC: 0.02651, GM: 0, T: 2.81117, UAA: 0, SHLD: 0, XOM: 0, RRC: 0, BBY: -1.44667, MA: 0, PFE: 0, JPM: 0, SBUX: -1.79776,
    });
  });

  it('Idzorek on an identity covariance: 0% gives the prior, 100% the views, 50% halfway (test_idzorek_basic, test_idzorek_input_formats)', () => {
    const ids = ['0', '1', '2', '3', '4'];
    const eye = ids.map((_, i) => ids.map((_, j) => (i === j ? 1 : 0)));
    const views = { absolute: Object.fromEntries(ids.map((k) => [k, 0.3])) };
    const at = (c: number) => blackLitterman({ assets: ids, sigma: eye, pi: [0.1, 0.1, 0.1, 0.1, 0.1], views, omega: 'idzorek', viewConfidences: [c, c, c, c, c] });
    expectAllClose(at(1).posteriorReturns, [0.3, 0.3, 0.3, 0.3, 0.3], 1e-15);
    expectAllClose(at(0).posteriorReturns, [0.1, 0.1, 0.1, 0.1, 0.1], 1e-6);
    expectAllClose(at(0.5).posteriorReturns, [0.2, 0.2, 0.2, 0.2, 0.2], 1e-15);
    for (let k = 0; k <= 5; k++) expect(at(k * 0.2).posteriorReturns[0]).toBeCloseTo(0.1 + (k * 0.2) / 5, 7);
  });

  it('rejects bad input', () => {
    expectStrataError(() => blackLitterman({ assets, sigma, views: { absolute: { NOPE: 0.1 } } }), 'INVALID_INPUT', /^A view on "NOPE", which is not among the assets$/);
    expectStrataError(() => blackLitterman({ assets, sigma, views: { absolute: { AAPL: 0.1 } }, tau: -0.1 }), 'INVALID_INPUT', /^tau must be in/);
    expectStrataError(() => blackLitterman({ assets, sigma, views: { absolute: { AAPL: 0.1 } }, pi: 'market' }), 'INVALID_INPUT', /^A market-implied prior needs marketCaps$/);
    expectStrataError(() => blackLitterman({ assets, sigma, views: { absolute: { AAPL: 0.1 } }, omega: 'idzorek', viewConfidences: [1.1] }), 'INVALID_INPUT', /^View confidences must be between 0 and 1$/);
  });
});
