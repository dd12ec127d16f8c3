import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { StrataError } from '../../shared/errors';
import { optimizerErrorCode, type OptimizerErrorKind } from '../../shared/optimizer/errors';
import { dailyReturns } from '../../shared/optimizer/dailyReturns';
import { expectedReturns } from '../../shared/optimizer/expectedReturns';
import { solveSymmetricLeastSquares } from '../../shared/optimizer/linalg';
import { parsePrices } from '../../shared/optimizer/parsePrices';
import { riskModel } from '../../shared/optimizer/riskModel';
import type { Matrix, ReturnsTable } from '../../shared/optimizer/types';

/** The read-only data sets beside the checkout (CI has ../shared next to it). */
export const DATA = join(__dirname, '..', '..', '..', 'shared', 'data');
export const STOCKS_CSV = join(DATA, 'pypfopt', 'stock_prices.csv');
export const CRYPTO_CSV = join(DATA, 'crypto', 'coingecko-2021', 'wide_close_usd.csv');
export const FIXTURES = join(__dirname, 'fixtures');

let stocks: { returns: ReturnsTable; mu: number[]; sigma: Matrix } | undefined;

/**
 * PyPortfolioOpt's standard test setup (tests/utilities_for_tests.py, setup_efficient_frontier): the stock dataset,
 * mean_historical_return (compounded) and sample_cov, frequency 252.
 */
export function stockModel(): { returns: ReturnsTable; mu: number[]; sigma: Matrix; assets: string[] } {
  if (stocks === undefined) {
    const returns = dailyReturns(parsePrices(readFileSync(STOCKS_CSV, 'utf8')));
    stocks = { returns, mu: expectedReturns(returns), sigma: riskModel(returns) };
  }
  return { ...stocks, assets: stocks.returns.assets };
}

/** Reference values computed by PyPortfolioOpt's source (see fixtures/make_pypfopt_reference.py). */
export function reference(): ReferenceFile {
  return JSON.parse(readFileSync(join(FIXTURES, 'pypfopt-reference.json'), 'utf8')) as ReferenceFile;
}

export interface ReferenceModels {
  assets: string[];
  frequency: number;
  returnRows: number;
  mean: number[];
  cagr: number[];
  ema: number[];
  emaArithmetic: number[];
  sample: Matrix;
  exp: Matrix;
  expSpan60: Matrix;
  ledoitWolf: Matrix;
  hrp: [number[], number[]];
}
export interface ReferenceFile {
  source: string;
  nonPsd: { input: Matrix; spectral: Matrix };
  stocks: ReferenceModels;
  crypto: ReferenceModels;
  gaps: ReferenceModels & { prices: (number | null)[][] };
}

/** numpy.testing.assert_allclose: |actual - expected| <= atol + rtol * |expected|, element-wise. */
export function expectAllClose(actual: number | readonly number[] | Matrix, expected: number | readonly number[] | Matrix, rtol: number, atol = 0): void {
  const a = [actual].flat(2) as number[];
  const e = [expected].flat(2) as number[];
  expect(a.length).toBe(e.length);
  let worst = 0;
  let at = -1;
  a.forEach((v, i) => {
    const x = e[i] as number;
    const excess = Math.abs(v - x) - (atol + rtol * Math.abs(x));
    if (!(excess <= worst)) {
      worst = excess;
      at = i;
    }
  });
  if (at >= 0) expect.fail(`element ${at}: ${a[at]} differs from ${e[at]} by more than atol ${atol} + rtol ${rtol}`);
}

/** Asserts a StrataError of the optimizer kind (its code today, and the kind in details) with a matching message. */
export function expectOptimizerError(fn: () => unknown, kind: OptimizerErrorKind, message: RegExp): void {
  let thrown: unknown;
  try {
    fn();
  } catch (error) {
    thrown = error;
  }
  expect(thrown, `expected a StrataError ${kind}`).toBeInstanceOf(StrataError);
  expect((thrown as StrataError).code).toBe(optimizerErrorCode(kind));
  expect((thrown as StrataError).details).toBe(kind);
  expect((thrown as StrataError).message).toMatch(message);
}

export interface KktConstraint {
  /** Gradient of the constraint function g(x), the constraint reading g(x) >= 0 (or = 0). */
  gradient: number[];
  /** g(x) at the solution. */
  value: number;
  equality?: boolean;
}

/**
 * Independent first-order optimality check for `min f(x) s.t. g_j(x) >= 0` (convex): every constraint holds to 1e-10,
 * and the objective's gradient is a combination of the active constraints' gradients with non-negative multipliers
 * for inequalities (free for equalities), found by non-negative least squares (Lawson-Hanson), to `tol` relative to
 * the gradient's size. Returns the multipliers of the active constraints.
 */
export function expectKkt(objectiveGradient: number[], constraints: KktConstraint[], tol = 1e-8): number[] {
  for (const c of constraints) {
    if (c.equality) expect(Math.abs(c.value)).toBeLessThan(1e-10);
    else expect(c.value).toBeGreaterThan(-1e-10);
  }
  const active = constraints.filter((c) => c.equality || Math.abs(c.value) <= 1e-9);
  // Columns of the NNLS problem: each inequality gradient, and each equality gradient with both signs.
  const columns: { k: number; sign: number }[] = [];
  active.forEach((c, k) => {
    columns.push({ k, sign: 1 });
    if (c.equality) columns.push({ k, sign: -1 });
  });
  const m = columns.map(({ k, sign }) => (active[k] as KktConstraint).gradient.map((v) => v * sign));
  const g = objectiveGradient;
  const scale = Math.max(...g.map(Math.abs), 1e-300);
  const x = nnls(m, g);
  const lambda = active.map(() => 0);
  columns.forEach(({ k, sign }, j) => (lambda[k] = (lambda[k] as number) + sign * (x[j] as number)));
  const residual = g.map((v, i) => v - active.reduce((s, c, k) => s + (lambda[k] as number) * (c.gradient[i] as number), 0));
  expect(Math.max(...residual.map(Math.abs)) / scale).toBeLessThan(tol);
  return lambda;
}

/** Lawson-Hanson non-negative least squares: min ||sum_j x_j cols[j] - b|| subject to x >= 0. */
function nnls(cols: number[][], b: number[]): number[] {
  const k = cols.length;
  const x = new Array<number>(k).fill(0);
  const inP = new Array<boolean>(k).fill(false);
  const dotv = (u: number[], v: number[]) => u.reduce((s, ui, i) => s + ui * (v[i] as number), 0);
  const resid = () => b.map((bi, i) => bi - cols.reduce((s, c, j) => s + (x[j] as number) * (c[i] as number), 0));
  const solveP = (): number[] => {
    const p = cols.map((_, j) => j).filter((j) => inP[j]);
    const a = p.map((i) => p.map((j) => dotv(cols[i] as number[], cols[j] as number[])));
    const rhs = p.map((i) => [dotv(cols[i] as number[], b)]);
    const z = solveSymmetricLeastSquares(a, rhs).map((row) => row[0] as number);
    const s = new Array<number>(k).fill(0);
    p.forEach((j, idx) => (s[j] = z[idx] as number));
    return s;
  };
  const bnorm = Math.max(...b.map(Math.abs), 1e-300);
  for (let outer = 0; outer < 3 * k + 10; outer++) {
    const r = resid();
    let best = -1;
    let bestW = 1e-13 * bnorm;
    cols.forEach((c, j) => {
      const w = dotv(c, r);
      if (!inP[j] && w > bestW) {
        best = j;
        bestW = w;
      }
    });
    if (best < 0) break;
    inP[best] = true;
    for (let inner = 0; inner < 3 * k + 10; inner++) {
      const s = solveP();
      const bad = cols.map((_, j) => j).filter((j) => inP[j] && (s[j] as number) <= 0);
      if (bad.length === 0) {
        s.forEach((v, j) => (x[j] = v));
        break;
      }
      const alpha = Math.min(...bad.map((j) => (x[j] as number) / ((x[j] as number) - (s[j] as number))));
      for (let j = 0; j < k; j++) x[j] = (x[j] as number) + alpha * ((s[j] as number) - (x[j] as number));
      for (let j = 0; j < k; j++) if (inP[j] && (x[j] as number) <= 1e-15) inP[j] = false;
    }
  }
  return x;
}

/** Linear constraints `a·x >= b` (or `=`) as KKT constraints at x. */
export function linear(a: number[], b: number, x: readonly number[], equality = false): KktConstraint {
  return { gradient: a, value: a.reduce((s, v, i) => s + v * (x[i] as number), 0) - b, equality };
}

/** Bounds lo <= x_i <= hi and sum(x) = 1 as KKT constraints. */
export function boxAndBudget(x: readonly number[], lo: readonly number[], hi: readonly number[]): KktConstraint[] {
  const n = x.length;
  const e = (i: number, s: number) => Array.from({ length: n }, (_, j) => (j === i ? s : 0));
  return [
    linear(new Array<number>(n).fill(1), 1, x, true),
    ...x.map((_, i) => linear(e(i, 1), lo[i] as number, x)),
    ...x.map((_, i) => linear(e(i, -1), -(hi[i] as number), x)),
  ];
}

export function sigmaTimes(sigma: Matrix, x: readonly number[], factor = 1): number[] {
  return sigma.map((row) => factor * row.reduce((s, v, j) => s + v * (x[j] as number), 0));
}
