import type { Matrix } from '../../shared/optimizer/types';

/** A constraint `a' w >= b` (or `= b`) beside the budget and the bounds, e.g. `mu' w >= target`; nonlinear ones by gradient. */
export interface ExtraConstraint {
  /** Gradient of g at the solution, the constraint reading g(w) >= 0. */
  gradient: readonly number[];
  /** g(w) at the solution. */
  value: number;
}

/** The four KKT residuals, each scaled to the gradient's size (stationarity, dual feasibility, slackness). */
export interface KktReport {
  /** max |g - nu 1 - sum kappa_j a_j - lambdaLo + lambdaHi| over the assets. */
  stationarity: number;
  /** How far the budget, a bound or an extra constraint is broken (absolute). */
  primal: number;
  /** How negative a multiplier is. */
  dual: number;
  /** max |multiplier × its constraint's slack|. */
  slackness: number;
  /** Assets strictly between their bounds. */
  inside: number;
}

/**
 * First-order optimality of `min f(w)` subject to `sum(w) = 1`, `lo <= w <= hi` and `extra` (g_j(w) >= 0), checked
 * from the solution alone, independent of any solver: the budget's multiplier nu and the extra constraints'
 * multipliers kappa are recovered by least squares from the assets strictly inside their bounds (where stationarity
 * must hold with no bound multiplier); each bound's multiplier is then what stationarity leaves over at that asset,
 * split by sign into the lower and the upper bound's multiplier. For a convex problem (or max Sharpe, whose ratio is
 * pseudo-concave) these conditions prove optimality.
 */
export function kktReport(w: readonly number[], lo: readonly number[], hi: readonly number[], gradient: readonly number[], extra: ExtraConstraint[] = []): KktReport {
  const n = w.length;
  const scale = Math.max(...gradient.map(Math.abs), 1e-300);
  const tolInside = 1e-12;
  const inside: number[] = [];
  for (let i = 0; i < n; i++) if ((w[i] as number) - (lo[i] as number) > tolInside && (hi[i] as number) - (w[i] as number) > tolInside) inside.push(i);
  // Unknowns: nu, then kappa_j. Columns over the inside assets: 1, a_1, a_2, ...
  const cols = [(_: number) => 1, ...extra.map((c) => (i: number) => c.gradient[i] as number)];
  const m = cols.length;
  const ata: Matrix = Array.from({ length: m }, () => new Array<number>(m).fill(0));
  const atb = new Array<number>(m).fill(0);
  for (const i of inside) {
    for (let a = 0; a < m; a++) {
      const ca = (cols[a] as (i: number) => number)(i);
      atb[a] = (atb[a] as number) + ca * (gradient[i] as number);
      for (let b = 0; b < m; b++) (ata[a] as number[])[b] = ((ata[a] as number[])[b] as number) + ca * (cols[b] as (i: number) => number)(i);
    }
  }
  const mult = inside.length >= m ? solveSmall(ata, atb) : oneInside(inside, gradient, extra, w, lo, hi);
  const nu = mult[0] as number;
  const kappa = mult.slice(1);
  let stationarity = 0;
  let dual = 0;
  let slackness = 0;
  let primal = Math.abs(w.reduce((s, v) => s + v, 0) - 1);
  for (let i = 0; i < n; i++) {
    let r = (gradient[i] as number) - nu;
    extra.forEach((c, j) => (r -= (kappa[j] as number) * (c.gradient[i] as number)));
    const wi = w[i] as number;
    primal = Math.max(primal, (lo[i] as number) - wi, wi - (hi[i] as number));
    // Inside its bounds an asset has no bound multiplier; at a bound, r = lambdaLo - lambdaHi is that bound's.
    const isInside = wi - (lo[i] as number) > tolInside && (hi[i] as number) - wi > tolInside;
    const nearLower = wi - (lo[i] as number) <= (hi[i] as number) - wi;
    const lambdaLo = !isInside && nearLower ? r : 0;
    const lambdaHi = !isInside && !nearLower ? -r : 0;
    stationarity = Math.max(stationarity, Math.abs(r - lambdaLo + lambdaHi));
    dual = Math.max(dual, -lambdaLo, -lambdaHi);
    slackness = Math.max(slackness, Math.abs(lambdaLo * (wi - (lo[i] as number))), Math.abs(lambdaHi * ((hi[i] as number) - wi)));
  }
  extra.forEach((c, j) => {
    primal = Math.max(primal, -c.value);
    dual = Math.max(dual, -(kappa[j] as number));
    slackness = Math.max(slackness, Math.abs((kappa[j] as number) * c.value));
  });
  return { stationarity: stationarity / scale, primal, dual: Math.max(0, dual) / scale, slackness: slackness / scale, inside: inside.length };
}

/**
 * With a single asset f inside its bounds and one extra constraint, stationarity at f fixes nu = g_f - kappa a_f and
 * leaves kappa free: each asset at a bound then limits kappa (its bound's multiplier must be >= 0), as does kappa >= 0.
 * Picks a kappa in that interval (the middle, or the nearest end when it is empty, which the report then shows).
 */
function oneInside(inside: number[], gradient: readonly number[], extra: ExtraConstraint[], w: readonly number[], lo: readonly number[], hi: readonly number[]): number[] {
  if (inside.length !== 1 || extra.length !== 1) throw new Error(`KKT check: ${inside.length} assets inside their bounds for ${extra.length + 1} multipliers`);
  const f = inside[0] as number;
  const a = (extra[0] as ExtraConstraint).gradient;
  let low = 0;
  let high = Infinity;
  for (let i = 0; i < w.length; i++) {
    if (i === f) continue;
    // r_i(kappa) = (g_i - g_f) - kappa (a_i - a_f) must be >= 0 at a lower bound, <= 0 at an upper one.
    const c = (gradient[i] as number) - (gradient[f] as number);
    const d = (a[i] as number) - (a[f] as number);
    const sign = (w[i] as number) - (lo[i] as number) <= (hi[i] as number) - (w[i] as number) ? 1 : -1;
    // sign * (c - kappa d) >= 0
    if (sign * d > 0) high = Math.min(high, c / d);
    else if (sign * d < 0) low = Math.max(low, c / d);
  }
  const kappa = high === Infinity ? low : low <= high ? (low + high) / 2 : low;
  return [(gradient[f] as number) - kappa * (a[f] as number), kappa];
}

/** Gaussian elimination with partial pivoting for the tiny normal equations (m <= 3). */
function solveSmall(a: Matrix, b: number[]): number[] {
  const m = b.length;
  const aa = a.map((row) => row.slice());
  const bb = b.slice();
  for (let k = 0; k < m; k++) {
    let p = k;
    for (let i = k + 1; i < m; i++) if (Math.abs((aa[i] as number[])[k] as number) > Math.abs((aa[p] as number[])[k] as number)) p = i;
    [aa[k], aa[p]] = [aa[p] as number[], aa[k] as number[]];
    [bb[k], bb[p]] = [bb[p] as number, bb[k] as number];
    for (let i = k + 1; i < m; i++) {
      const f = ((aa[i] as number[])[k] as number) / ((aa[k] as number[])[k] as number);
      for (let j = k; j < m; j++) (aa[i] as number[])[j] = ((aa[i] as number[])[j] as number) - f * ((aa[k] as number[])[j] as number);
      bb[i] = (bb[i] as number) - f * (bb[k] as number);
    }
  }
  const x = new Array<number>(m).fill(0);
  for (let k = m - 1; k >= 0; k--) {
    let s = bb[k] as number;
    for (let j = k + 1; j < m; j++) s -= ((aa[k] as number[])[j] as number) * (x[j] as number);
    x[k] = s / ((aa[k] as number[])[k] as number);
  }
  return x;
}
