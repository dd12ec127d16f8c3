import type { Matrix, ReturnsTable } from './types';

/** Each asset's returns as a column, NaN where missing (fast to scan, no null checks). */
export function returnColumns(table: ReturnsTable): Float64Array[] {
  const t = table.returns.length;
  return table.assets.map((_, i) => {
    const col = new Float64Array(t);
    for (let k = 0; k < t; k++) {
      const r = (table.returns[k] as (number | null)[])[i];
      col[k] = r == null ? NaN : r;
    }
    return col;
  });
}

export interface PairwiseMoments {
  covariance: Matrix;
  correlation: Matrix;
}

/** One covariance pass per returns table: the risk model and HRP ask for the same moments (tables are not mutated). */
const computed = new WeakMap<ReturnsTable, PairwiseMoments>();

/**
 * Sample covariance (ddof 1) and correlation of every pair of assets over the dates where both have a return, as
 * pandas `DataFrame.cov()` / `.corr()` compute them with missing values. Not annualized. Computed once per table and
 * shared (treat the matrices as read-only).
 *
 * No division per element. An asset that, once listed, has every later day (the usual shape: late listings, no gaps)
 * is centred once over its own dates; a pair of such assets overlaps on a contiguous range and needs one pass over it
 * (one dot product when both were listed the same day). Other pairs take two passes (the overlap's means, then centred
 * products) with missing-value checks. Results agree with pandas' Welford update to rounding (tested to 1e-12).
 */
export function pairwiseMoments(table: ReturnsTable): PairwiseMoments {
  const known = computed.get(table);
  if (known !== undefined) return known;
  const cols = returnColumns(table);
  const n = cols.length;
  const t = table.returns.length;
  // start[a]: the first date with a return; dense[a]: no gap after it.
  const start = new Int32Array(n);
  const dense = new Uint8Array(n);
  for (let a = 0; a < n; a++) {
    const x = cols[a] as Float64Array;
    let k = 0;
    while (k < t && (x[k] as number) !== (x[k] as number)) k++;
    start[a] = k;
    let ok = 1;
    for (let j = k; j < t; j++) {
      if ((x[j] as number) !== (x[j] as number)) {
        ok = 0;
        break;
      }
    }
    dense[a] = ok;
  }
  // Gap-free assets centred over their own dates: two that start together need one dot product per pair.
  const centred = cols.map((x, a) => {
    if (dense[a] !== 1) return x;
    const from = start[a] as number;
    let sum = 0;
    for (let k = from; k < t; k++) sum += x[k] as number;
    const mean = sum / (t - from);
    const c = new Float64Array(t);
    for (let k = from; k < t; k++) c[k] = (x[k] as number) - mean;
    return c;
  });
  const ssq = centred.map((c, a) => {
    let s = 0;
    for (let k = start[a] as number; k < t; k++) s += (c[k] as number) * (c[k] as number);
    return s;
  });
  const covariance = Array.from({ length: n }, () => new Array<number>(n).fill(NaN));
  const correlation = Array.from({ length: n }, () => new Array<number>(n).fill(NaN));
  for (let a = 0; a < n; a++) {
    const x = cols[a] as Float64Array;
    for (let b = 0; b <= a; b++) {
      const y = cols[b] as Float64Array;
      let nobs = 0;
      let cxy = 0;
      let ssqx = 0;
      let ssqy = 0;
      if (dense[a] === 1 && dense[b] === 1 && start[a] === start[b]) {
        const from = start[a] as number;
        const cx = centred[a] as Float64Array;
        const cy = centred[b] as Float64Array;
        nobs = t - from;
        for (let k = from; k < t; k++) cxy += (cx[k] as number) * (cy[k] as number);
        ssqx = ssq[a] as number;
        ssqy = ssq[b] as number;
      } else if (dense[a] === 1 && dense[b] === 1) {
        // Different listing dates: one pass over the overlap on the columns centred over their own dates, then the
        // shift to the overlap's means (sum (x - mx)(y - my) = sum cx cy - n dx dy, dx = mean of cx on the overlap).
        const from = Math.max(start[a] as number, start[b] as number);
        const cx = centred[a] as Float64Array;
        const cy = centred[b] as Float64Array;
        nobs = t - from;
        let sx = 0;
        let sy = 0;
        for (let k = from; k < t; k++) {
          const vx = cx[k] as number;
          const vy = cy[k] as number;
          sx += vx;
          sy += vy;
          cxy += vx * vy;
          ssqx += vx * vx;
          ssqy += vy * vy;
        }
        const dx = sx / nobs;
        const dy = sy / nobs;
        cxy -= nobs * dx * dy;
        ssqx -= nobs * dx * dx;
        ssqy -= nobs * dy * dy;
      } else {
        let sx = 0;
        let sy = 0;
        for (let k = 0; k < t; k++) {
          const vx = x[k] as number;
          const vy = y[k] as number;
          if (vx !== vx || vy !== vy) continue;
          nobs++;
          sx += vx;
          sy += vy;
        }
        const mx = sx / nobs;
        const my = sy / nobs;
        for (let k = 0; k < t; k++) {
          const vx = x[k] as number;
          const vy = y[k] as number;
          if (vx !== vx || vy !== vy) continue;
          const dx = vx - mx;
          const dy = vy - my;
          cxy += dx * dy;
          ssqx += dx * dx;
          ssqy += dy * dy;
        }
      }
      if (nobs >= 2) {
        const cov = cxy / (nobs - 1);
        (covariance[a] as number[])[b] = cov;
        (covariance[b] as number[])[a] = cov;
        const div = Math.sqrt(ssqx * ssqy);
        const corr = div !== 0 ? cxy / div : NaN;
        (correlation[a] as number[])[b] = corr;
        (correlation[b] as number[])[a] = corr;
      }
    }
  }
  const moments = { covariance, correlation };
  computed.set(table, moments);
  return moments;
}

/**
 * The same moments by Welford's update as pandas' nancorr does it: one division per element per pair. Kept to
 * benchmark against and to test the two-pass computation's agreement.
 */
export function pairwiseMomentsWelford(table: ReturnsTable): { covariance: Matrix; correlation: Matrix } {
  const cols = returnColumns(table);
  const n = cols.length;
  const t = table.returns.length;
  const covariance = Array.from({ length: n }, () => new Array<number>(n).fill(NaN));
  const correlation = Array.from({ length: n }, () => new Array<number>(n).fill(NaN));
  for (let a = 0; a < n; a++) {
    const x = cols[a] as Float64Array;
    for (let b = 0; b <= a; b++) {
      const y = cols[b] as Float64Array;
      let nobs = 0;
      let meanx = 0;
      let meany = 0;
      let ssqx = 0;
      let ssqy = 0;
      let cxy = 0;
      for (let k = 0; k < t; k++) {
        const vx = x[k] as number;
        const vy = y[k] as number;
        if (vx !== vx || vy !== vy) continue;
        nobs++;
        const dx = vx - meanx;
        const dy = vy - meany;
        meanx += dx / nobs;
        meany += dy / nobs;
        ssqx += (vx - meanx) * dx;
        ssqy += (vy - meany) * dy;
        cxy += (vx - meanx) * dy;
      }
      if (nobs >= 2) {
        const cov = cxy / (nobs - 1);
        (covariance[a] as number[])[b] = cov;
        (covariance[b] as number[])[a] = cov;
        const div = Math.sqrt(ssqx * ssqy);
        const corr = div !== 0 ? cxy / div : NaN;
        (correlation[a] as number[])[b] = corr;
        (correlation[b] as number[])[a] = corr;
      }
    }
  }
  return { covariance, correlation };
}

/** Mean of each asset's own returns (skipping missing ones). */
export function columnMeans(table: ReturnsTable): number[] {
  return returnColumns(table).map((col) => {
    let s = 0;
    let c = 0;
    for (const v of col) {
      if (v === v) {
        s += v;
        c++;
      }
    }
    return s / c;
  });
}
