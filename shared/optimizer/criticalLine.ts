/**
 * Markowitz's critical line algorithm for `min 1/2 w' S w - lambda mu' w` subject to `sum(w) = 1` and per-asset
 * bounds `lo <= w <= hi` (bounds as bounds, not as constraint rows), for every lambda from +infinity (the maximum
 * return portfolio) down to 0 (the minimum variance portfolio) in one pass.
 *
 * Between two consecutive turning points the free assets are the same and the weights are affine in lambda, hence
 * in the expected return: every efficient portfolio is an interpolation of two turning points. Each step costs
 * O(n·k) (n assets, k free) with the inverse of the free block updated by rank-one steps (refreshed from a fresh
 * Cholesky factorization after max(REFRESH_EVERY, k) changes, and each solve improved by one step of iterative refinement).
 *
 * The path is not used (CriticalLineUnavailable, the caller falls back to quadprog) when the top expected return is
 * tied between assets (the maximum-return portfolio is then not a vertex) or when a free block is singular.
 */

import { StrataError } from '../errors';

/** The path cannot be used here; meanVariance falls back to quadprog. One that escapes would be a bug: INTERNAL. */
export class CriticalLineUnavailable extends StrataError {
  constructor(reason: string) {
    super('INTERNAL', `critical line algorithm unavailable: ${reason}`);
    this.name = 'CriticalLineUnavailable';
  }
}

/** One corner of the efficient frontier. */
export interface TurningPoint {
  /** Risk tolerance at this point (+Infinity at the maximum-return end, 0 at the minimum-variance end). */
  lambda: number;
  w: Float64Array;
  /** S w. */
  sw: Float64Array;
  ret: number;
  variance: number;
  /** Indices of the assets free (strictly between their bounds, or entering) just below this point. */
  free: number[];
}

export interface CriticalLineProblem {
  mu: ArrayLike<number>;
  /** Covariance, n×n row-major. */
  sigma: Float64Array;
  lower: ArrayLike<number>;
  upper: ArrayLike<number>;
}

const REFRESH_EVERY = 24;
const FREE = 0;
const AT_LOWER = 1;
const AT_UPPER = 2;
const FIXED = 3;

/**
 * Yields the turning points in order of decreasing lambda, starting with the maximum-return vertex (lambda = +Infinity)
 * and ending with the minimum-variance portfolio (lambda = 0). Stop consuming early to save the rest of the path.
 * Throws CriticalLineUnavailable (before yielding anything, or mid-way on a singular block).
 */
export function* criticalLine(problem: CriticalLineProblem): Generator<TurningPoint, void, undefined> {
  const { mu, sigma, lower, upper } = problem;
  const n = mu.length;
  const state = new Uint8Array(n);
  const w = new Float64Array(n);
  let muScale = 0;
  for (let i = 0; i < n; i++) muScale = Math.max(muScale, Math.abs(mu[i] as number));
  // Maximum-return vertex: everything at its lower bound, then fill the best assets up to their upper bounds.
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => (mu[b] as number) - (mu[a] as number) || a - b);
  let rest = 1;
  for (let i = 0; i < n; i++) {
    w[i] = lower[i] as number;
    rest -= w[i] as number;
    state[i] = (upper[i] as number) - (lower[i] as number) <= 1e-15 ? FIXED : AT_LOWER;
  }
  let first = -1;
  for (const i of order) {
    if (state[i] === FIXED) continue;
    const take = Math.min((upper[i] as number) - (lower[i] as number), rest);
    w[i] = (w[i] as number) + take;
    rest -= take;
    if (rest <= 1e-15) {
      first = i;
      break;
    }
    state[i] = AT_UPPER;
  }
  if (first < 0) throw new CriticalLineUnavailable('the upper bounds sum to less than 1');
  state[first] = FREE;
  {
    let others = 0;
    for (let i = 0; i < n; i++) if (i !== first) others += w[i] as number;
    w[first] = 1 - others;
  }
  for (let j = 0; j < n; j++) {
    if (j !== first && state[j] !== FIXED && Math.abs((mu[j] as number) - (mu[first] as number)) <= 1e-14 * muScale) {
      throw new CriticalLineUnavailable('the top expected return is tied between assets');
    }
  }

  // Free set (positions 0..k-1), the inverse of its covariance block (stride n), and S times the bounded weights.
  const free: number[] = [first];
  const inv = new Float64Array(n * n);
  inv[0] = 1 / (sigma[first * n + first] as number);
  const sB = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    const wj = w[j] as number;
    if (j === first || wj === 0) continue;
    for (let i = 0; i < n; i++) sB[i] = (sB[i] as number) + (sigma[i * n + j] as number) * wj;
  }
  let changes = 0;

  const x1 = new Float64Array(n);
  const x2 = new Float64Array(n);
  const x3 = new Float64Array(n);
  const r = new Float64Array(n);
  const b1 = new Float64Array(n);
  const b2 = new Float64Array(n);
  const b3 = new Float64Array(n);
  const tmp = new Float64Array(n);
  const A = new Float64Array(n);
  const B = new Float64Array(n);
  const U = new Float64Array(n);
  const V = new Float64Array(n);

  const solve = (b: Float64Array, x: Float64Array): void => solveRefined(inv, sigma, n, free, free.length, b, x, r);

  const refresh = (): void => {
    const k = free.length;
    const inverse = invertSpd(sigma, n, free);
    if (inverse === null) throw new CriticalLineUnavailable('a covariance block is singular');
    for (let p = 0; p < k; p++) for (let q = 0; q < k; q++) inv[p * n + q] = inverse[p * k + q] as number;
    changes = 0;
  };

  const addFree = (j: number): void => {
    if (!borderInverse(inv, sigma, n, free, free.length, j, tmp)) throw new CriticalLineUnavailable('a covariance block is singular');
    free.push(j);
  };

  const removeFree = (pos: number): void => {
    const last = free.length - 1;
    dropFromInverse(inv, n, last, pos);
    if (pos !== last) free[pos] = free[last] as number;
    free.pop();
  };

  let lambda = Infinity;
  let justChanged = -1;
  const point = (at: number): TurningPoint => {
    const pw = new Float64Array(n);
    const psw = new Float64Array(n);
    let ret = 0;
    let variance = 0;
    for (let i = 0; i < n; i++) pw[i] = w[i] as number;
    if (Number.isFinite(at)) {
      for (let p = 0; p < free.length; p++) pw[free[p] as number] = (A[p] as number) + at * (B[p] as number);
      for (let i = 0; i < n; i++) psw[i] = (U[i] as number) + at * (V[i] as number);
    } else {
      for (let i = 0; i < n; i++) psw[i] = U[i] as number;
    }
    for (let i = 0; i < n; i++) {
      ret += (pw[i] as number) * (mu[i] as number);
      variance += (pw[i] as number) * (psw[i] as number);
    }
    return { lambda: at, w: pw, sw: psw, ret, variance, free: free.slice() };
  };

  for (let iter = 0; iter < 20 * n + 100; iter++) {
    // A fresh factorization costs O(k^3), the rank-one steps O(k^2) each: refresh after k of them (at least 24), so the
    // refreshes cost about as much as the updates; the iterative refinement of every solve absorbs the drift between.
    if (changes >= Math.max(REFRESH_EVERY, free.length)) refresh();
    const k = free.length;
    let sumBounded = 0;
    for (let i = 0; i < n; i++) if (state[i] !== FREE) sumBounded += w[i] as number;
    for (let p = 0; p < k; p++) {
      const i = free[p] as number;
      b1[p] = mu[i] as number;
      b2[p] = 1;
      b3[p] = -(sB[i] as number);
    }
    solve(b1, x1);
    solve(b2, x2);
    solve(b3, x3);
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    for (let p = 0; p < k; p++) {
      s1 += x1[p] as number;
      s2 += x2[p] as number;
      s3 += x3[p] as number;
    }
    const g0 = (1 - sumBounded - s3) / s2;
    const g1 = -s1 / s2;
    for (let p = 0; p < k; p++) {
      A[p] = (x3[p] as number) + g0 * (x2[p] as number);
      B[p] = (x1[p] as number) + g1 * (x2[p] as number);
    }
    // S w(lambda) = U + lambda V over every asset.
    affineProduct(sigma, n, free, k, A, B, sB, U, V);
    if (iter === 0) yield point(Infinity);

    // The next event below the current lambda: a free asset reaching a bound, or a bound's multiplier reaching 0.
    const tol = 1e-12 * (Number.isFinite(lambda) ? Math.max(1, Math.abs(lambda)) : 1);
    let best = -Infinity;
    let who = -1;
    let bound = 0;
    const consider = (at: number, index: number, to: number): void => {
      if (!(at < lambda + tol)) return;
      if (index === justChanged && at > lambda - tol) return;
      const clipped = Math.min(at, lambda);
      if (clipped > best) {
        best = clipped;
        who = index;
        bound = to;
      }
    };
    for (let p = 0; p < k; p++) {
      const b = B[p] as number;
      const i = free[p] as number;
      if (b > 0) consider(((lower[i] as number) - (A[p] as number)) / b, i, AT_LOWER);
      else if (b < 0) consider(((upper[i] as number) - (A[p] as number)) / b, i, AT_UPPER);
    }
    for (let j = 0; j < n; j++) {
      const s = state[j];
      if (s === FREE || s === FIXED) continue;
      const P = (U[j] as number) - g0;
      const Q = (V[j] as number) - (mu[j] as number) - g1;
      if (s === AT_LOWER ? Q > 0 : Q < 0) consider(-P / Q, j, FREE);
    }
    if (who < 0 || best <= 0) {
      lambda = 0;
      const last = point(0);
      yield last;
      return;
    }
    lambda = best;
    const tp = point(lambda);
    yield tp;
    // Move to the new free set at this lambda.
    for (let p = 0; p < k; p++) w[free[p] as number] = tp.w[free[p] as number] as number;
    if (bound === FREE) {
      const wj = w[who] as number;
      if (wj !== 0) for (let i = 0; i < n; i++) sB[i] = (sB[i] as number) - (sigma[i * n + who] as number) * wj;
      state[who] = FREE;
      addFree(who);
    } else {
      const wi = bound === AT_LOWER ? (lower[who] as number) : (upper[who] as number);
      w[who] = wi;
      state[who] = bound;
      if (wi !== 0) for (let i = 0; i < n; i++) sB[i] = (sB[i] as number) + (sigma[i * n + who] as number) * wi;
      removeFree(free.indexOf(who));
      if (free.length === 0) throw new CriticalLineUnavailable('no free asset left');
    }
    justChanged = who;
    changes++;
  }
  throw new CriticalLineUnavailable('too many turning points');
}

/** Inverse of the block `S[idx, idx]` (k×k row-major) through its Cholesky factor, or null when not definite. */
export function invertSpd(sigma: Float64Array, n: number, idx: readonly number[]): Float64Array | null {
  const k = idx.length;
  const l = new Float64Array(k * k);
  for (let j = 0; j < k; j++) {
    const rj = (idx[j] as number) * n;
    let d = sigma[rj + (idx[j] as number)] as number;
    for (let q = 0; q < j; q++) d -= (l[j * k + q] as number) ** 2;
    if (!(d > 0)) return null;
    const djj = Math.sqrt(d);
    l[j * k + j] = djj;
    for (let i = j + 1; i < k; i++) {
      let s = sigma[(idx[i] as number) * n + (idx[j] as number)] as number;
      for (let q = 0; q < j; q++) s -= (l[i * k + q] as number) * (l[j * k + q] as number);
      l[i * k + j] = s / djj;
    }
  }
  // L^-1 (lower triangular), then inv = L^-T L^-1.
  const li = new Float64Array(k * k);
  for (let j = 0; j < k; j++) {
    li[j * k + j] = 1 / (l[j * k + j] as number);
    for (let i = j + 1; i < k; i++) {
      let s = 0;
      for (let q = j; q < i; q++) s -= (l[i * k + q] as number) * (li[q * k + j] as number);
      li[i * k + j] = s / (l[i * k + i] as number);
    }
  }
  const out = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j <= i; j++) {
      let s = 0;
      for (let q = i; q < k; q++) s += (li[q * k + i] as number) * (li[q * k + j] as number);
      out[i * k + j] = s;
      out[j * k + i] = s;
    }
  }
  return out;
}

/** The weights a fraction `t` of the way from turning point `a` to `b` (exact between consecutive points). */
export function interpolate(a: TurningPoint, b: TurningPoint, t: number): Float64Array {
  const n = a.w.length;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = (a.w[i] as number) + t * ((b.w[i] as number) - (a.w[i] as number));
  return out;
}

// The hot loops, as plain functions of typed arrays (V8 optimizes these better than closures inside a generator).

/** x = S_FF^-1 b with `inv` the inverse of the free block (stride n), then one step of iterative refinement. */
function solveRefined(inv: Float64Array, sigma: Float64Array, n: number, free: readonly number[], k: number, b: Float64Array, x: Float64Array, r: Float64Array): void {
  for (let p = 0; p < k; p++) {
    const row = p * n;
    let s = 0;
    for (let q = 0; q < k; q++) s += (inv[row + q] as number) * (b[q] as number);
    x[p] = s;
  }
  for (let p = 0; p < k; p++) {
    const row = (free[p] as number) * n;
    let s = b[p] as number;
    for (let q = 0; q < k; q++) s -= (sigma[row + (free[q] as number)] as number) * (x[q] as number);
    r[p] = s;
  }
  for (let p = 0; p < k; p++) {
    const row = p * n;
    let s = 0;
    for (let q = 0; q < k; q++) s += (inv[row + q] as number) * (r[q] as number);
    x[p] = (x[p] as number) + s;
  }
}

/** U = sB + S[:, F] A and V = S[:, F] B over every asset. */
function affineProduct(sigma: Float64Array, n: number, free: readonly number[], k: number, A: Float64Array, B: Float64Array, sB: Float64Array, U: Float64Array, V: Float64Array): void {
  for (let i = 0; i < n; i++) {
    const row = i * n;
    let u = sB[i] as number;
    let v = 0;
    for (let p = 0; p < k; p++) {
      const s = sigma[row + (free[p] as number)] as number;
      u += s * (A[p] as number);
      v += s * (B[p] as number);
    }
    U[i] = u;
    V[i] = v;
  }
}

/** Grows the inverse of the free block by asset j (bordering); false when the grown block is singular. */
function borderInverse(inv: Float64Array, sigma: Float64Array, n: number, free: readonly number[], k: number, j: number, tmp: Float64Array): boolean {
  const row = j * n;
  for (let p = 0; p < k; p++) {
    let s = 0;
    for (let q = 0; q < k; q++) s += (inv[p * n + q] as number) * (sigma[row + (free[q] as number)] as number);
    tmp[p] = s;
  }
  let schur = sigma[row + j] as number;
  for (let p = 0; p < k; p++) schur -= (sigma[row + (free[p] as number)] as number) * (tmp[p] as number);
  if (!(schur > 1e-13 * (sigma[row + j] as number))) return false;
  for (let p = 0; p < k; p++) {
    const tp = (tmp[p] as number) / schur;
    for (let q = 0; q < k; q++) inv[p * n + q] = (inv[p * n + q] as number) + tp * (tmp[q] as number);
    inv[p * n + k] = -tp;
    inv[k * n + p] = -tp;
  }
  inv[k * n + k] = 1 / schur;
  return true;
}

/** Removes position `pos` from the inverse of the free block (positions 0..last): swap it last, then downdate. */
function dropFromInverse(inv: Float64Array, n: number, last: number, pos: number): void {
  if (pos !== last) {
    for (let q = 0; q <= last; q++) {
      const a = inv[pos * n + q] as number;
      inv[pos * n + q] = inv[last * n + q] as number;
      inv[last * n + q] = a;
    }
    for (let p = 0; p <= last; p++) {
      const a = inv[p * n + pos] as number;
      inv[p * n + pos] = inv[p * n + last] as number;
      inv[p * n + last] = a;
    }
  }
  const d = inv[last * n + last] as number;
  for (let p = 0; p < last; p++) {
    const bp = (inv[p * n + last] as number) / d;
    for (let q = 0; q < last; q++) inv[p * n + q] = (inv[p * n + q] as number) - bp * (inv[last * n + q] as number);
  }
}
