import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dailyReturns } from '../../shared/optimizer/dailyReturns';
import { parsePrices } from '../../shared/optimizer/parsePrices';
import { CRYPTO_CSV, STOCKS_CSV, expectOptimizerError } from './helpers';

describe('parsePrices', () => {
  it('reads PyPortfolioOpt\'s stock dataset: 7126 rows, 20 assets, blanks before late listings (test_data_source)', () => {
    const table = parsePrices(readFileSync(STOCKS_CSV, 'utf8'));
    expect(table.assets).toEqual(['GOOG', 'AAPL', 'FB', 'BABA', 'AMZN', 'GE', 'AMD', 'WMT', 'BAC', 'GM', 'T', 'UAA', 'SHLD', 'XOM', 'RRC', 'BBY', 'MA', 'PFE', 'JPM', 'SBUX']);
    expect(table.dates).toHaveLength(7126);
    expect([table.dates[0], table.dates[7125]]).toEqual(['1989-12-29', '2018-04-11']);
    expect(table.prices[0]).toEqual([null, 0.117203, null, null, null, 0.352438, 3.9375, 3.48607, 1.752478, null, 2.365775, null, null, 1.766756, null, 0.166287, null, 0.110818, 1.827968, null]);
    // test_returns_dataframe: 7125 rows of returns, none above 100%.
    const returns = dailyReturns(table);
    expect(returns.returns).toHaveLength(7125);
    expect(returns.dates[0]).toBe('1990-01-02');
    expect(returns.returns.flat().every((r) => r === null || r <= 1)).toBe(true);
  });

  it('reads the crypto table, where OSMO starts mid-year', () => {
    const table = parsePrices(readFileSync(CRYPTO_CSV, 'utf8'));
    expect(table.assets).toEqual(['BTC', 'ETH', 'SOL', 'ATOM', 'OSMO', 'USDC', 'USDT', 'BNB', 'ADA']);
    expect(table.prices.filter((row) => row[4] === null)).toHaveLength(178);
  });

  it('accepts CRLF, a BOM, quoted names, blank lines and spaces around cells', () => {
    const t = parsePrices('\uFEFFdate,"A, Inc.", B \r\n2021-01-01, 1.5 ,2\r\n\r\n2021-01-02,,2.5e0\r\n"2021-01-03",1.25,\r\n');
    expect(t).toEqual({ dates: ['2021-01-01', '2021-01-02', '2021-01-03'], assets: ['A, Inc.', 'B'], prices: [[1.5, 2], [null, 2.5], [1.25, null]] });
  });

  it('rejects malformed files with PRICES_INVALID naming the place', () => {
    const bad = (csv: string, message: RegExp) => expectOptimizerError(() => parsePrices(csv), 'PRICES_INVALID', message);
    bad('', /^The price file is empty/);
    bad('date\n2021-01-01\n', /^The header has no asset columns/);
    bad('date,A,\n', /^Header column 3 has no asset name$/);
    bad('date,A,A\n', /^Asset "A" appears twice in the header$/);
    bad('date,A,B\n2021-01-01,1\n', /^line 2 has 2 cells but the header has 3$/);
    bad('date,A\n2021-01-01,abc\n', /^line 2, column "A": "abc" is not a number$/);
    bad('date,A\n2021-01-01,"1,5"\n', /^line 2, column "A": "1,5" is not a number$/);
    bad('date,A\n2021-01-01,0\n', /^line 2, column "A": price "0" must be positive$/);
    bad('date,A\n2021-01-01,1\n2021-01-02,-2\n', /^line 3, column "A": price "-2" must be positive$/);
    bad('date,A\n2021-01-01,1e999\n', /^line 2, column "A": "1e999" is not a finite number$/);
    bad('date,A\n,1\n', /^line 2 has no date$/);
    bad('date,A\n2021-01-01,1\n2021-01-01,2\n', /^line 3 repeats the date "2021-01-01"$/);
    bad('date,A\n2021-01-02,1\n2021-01-01,2\n', /^Dates must be in ascending order: "2021-01-01" follows "2021-01-02"$/);
    bad('date,"A\n', /^line 1 has an unterminated quoted field$/);
  });
});

describe('dailyReturns', () => {
  it('does not fill gaps: a return needs both prices (pandas pct_change(fill_method=None)), all-missing rows go', () => {
    const r = dailyReturns({
      dates: ['d1', 'd2', 'd3', 'd4', 'd5', 'd6', 'd7'],
      assets: ['A', 'B'],
      prices: [[1, 10], [2, null], [null, null], [4, 12], [5, 15], [6, 16], [3, 20]],
    });
    expect(r.dates).toEqual(['d2', 'd5', 'd6', 'd7']);
    expect(r.returns).toEqual([[1, null], [5 / 4 - 1, 15 / 12 - 1], [6 / 5 - 1, 16 / 15 - 1], [3 / 6 - 1, 20 / 16 - 1]]);
  });

  it('rejects too few returns, a constant price, and assets that never overlap', () => {
    const dates = ['1', '2', '3', '4', '5', '6', '7', '8'];
    expectOptimizerError(() => dailyReturns({ dates: dates.slice(0, 3), assets: ['A'], prices: [[1], [2], [3]] }), 'PRICES_INVALID', /^Asset "A" has 2 daily returns; at least 3 are needed \(4 consecutive prices\)$/);
    expectOptimizerError(() => dailyReturns({ dates: dates.slice(0, 4), assets: ['A', 'B'], prices: [[1, 5], [2, 5], [3, 5], [2, 5]] }), 'PRICES_INVALID', /^Asset "B" has zero variance \(a constant price\): it cannot be optimized$/);
    expectOptimizerError(
      () => dailyReturns({ dates, assets: ['A', 'B'], prices: [[1, null], [2, null], [3, null], [2, null], [null, 1], [null, 2], [null, 3], [null, 1]] }),
      'PRICES_INVALID',
      /^Assets "A" and "B" have 0 dates with returns in common; at least 2 are needed$/,
    );
    expectOptimizerError(() => dailyReturns(parsePrices('date,A\n2021-01-01,1\n')), 'PRICES_INVALID', /^Asset "A" has 0 daily returns/);
  });
});
