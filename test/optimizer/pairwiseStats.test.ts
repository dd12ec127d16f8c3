import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dailyReturns } from '../../shared/optimizer/dailyReturns';
import { pairwiseMoments, pairwiseMomentsWelford } from '../../shared/optimizer/pairwiseStats';
import { parsePrices } from '../../shared/optimizer/parsePrices';
import { syntheticPrices } from '../../scripts/bench/syntheticPrices';
import { CRYPTO_CSV, expectAllClose, reference, stockModel } from './helpers';

describe('pairwise moments: two passes per pair agree with pandas-style Welford updates', () => {
  const ref = reference();
  const gaps = ref.gaps;
  const tables = {
    // late listings: every asset gap-free once listed, different start dates
    stocks: stockModel().returns,
    crypto: dailyReturns(parsePrices(readFileSync(CRYPTO_CSV, 'utf8'))),
    // gaps in the middle of a column: the checked path
    gaps: { dates: gaps.prices.slice(1).map((_, t) => String(t)), assets: gaps.assets, returns: dailyReturns({ dates: gaps.prices.map((_, t) => String(t)), assets: gaps.assets, prices: gaps.prices }).returns },
    // every asset on every day: one dot product per pair
    synthetic: dailyReturns(syntheticPrices(stockModel().returns, 30, 300, 7)),
  };
  for (const [name, table] of Object.entries(tables)) {
    it(`${name}: covariance and correlation to 1e-12 relative`, () => {
      const fast = pairwiseMoments(table);
      const slow = pairwiseMomentsWelford(table);
      expectAllClose(fast.covariance, slow.covariance, 1e-12, 1e-22);
      expectAllClose(fast.correlation, slow.correlation, 1e-12, 1e-15);
    });
  }

  it('is computed once per table: the sample risk model and HRP share the pass', () => {
    const table = tables.synthetic;
    expect(pairwiseMoments(table)).toBe(pairwiseMoments(table));
    expect(pairwiseMoments({ ...table })).not.toBe(pairwiseMoments(table));
    expect(pairwiseMoments({ ...table })).toEqual(pairwiseMoments(table));
  });
});
