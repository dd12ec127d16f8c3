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

/**
 * Sample covariance (ddof 1) and correlation of every pair of assets over the dates where both have a return, as
 * pandas `DataFrame.cov()` / `.corr()` compute them with missing values (Welford's update, the same as pandas' nancorr).
 * Not annualized.
 */
export function pairwiseMoments(table: ReturnsTable): { covariance: Matrix; correlation: Matrix } {
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
