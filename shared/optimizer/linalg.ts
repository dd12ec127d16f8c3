import type { Matrix } from './types';

/** Dense linear algebra for the small matrices of portfolio optimization (up to a few hundred assets). */

export function zeros(rows: number, cols: number): Matrix {
  return Array.from({ length: rows }, () => new Array<number>(cols).fill(0));
}

export function identity(n: number): Matrix {
  const m = zeros(n, n);
  for (let i = 0; i < n; i++) (m[i] as number[])[i] = 1;
  return m;
}

export function dot(a: readonly number[], b: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] as number) * (b[i] as number);
  return s;
}

export function matVec(m: Matrix, v: readonly number[]): number[] {
  return m.map((row) => dot(row, v));
}

/** `v' M v`. */
export function quadForm(m: Matrix, v: readonly number[]): number {
  return dot(v, matVec(m, v));
}

export function transpose(m: Matrix): Matrix {
  const rows = m.length;
  const cols = rows === 0 ? 0 : (m[0] as number[]).length;
  const t = zeros(cols, rows);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) (t[j] as number[])[i] = (m[i] as number[])[j] as number;
  return t;
}

export function matMul(a: Matrix, b: Matrix): Matrix {
  const n = a.length;
  const k = b.length;
  const m = k === 0 ? 0 : (b[0] as number[]).length;
  const out = zeros(n, m);
  for (let i = 0; i < n; i++) {
    const ai = a[i] as number[];
    const oi = out[i] as number[];
    for (let p = 0; p < k; p++) {
      const aip = ai[p] as number;
      if (aip === 0) continue;
      const bp = b[p] as number[];
      for (let j = 0; j < m; j++) oi[j] = (oi[j] as number) + aip * (bp[j] as number);
    }
  }
  return out;
}

export function copyMatrix(m: Matrix): Matrix {
  return m.map((row) => row.slice());
}

/** Lower-triangular Cholesky factor of a symmetric matrix, or null when it is not (numerically) positive definite. */
export function cholesky(m: Matrix): Matrix | null {
  const n = m.length;
  const l = zeros(n, n);
  for (let j = 0; j < n; j++) {
    const lj = l[j] as number[];
    let d = (m[j] as number[])[j] as number;
    for (let k = 0; k < j; k++) d -= (lj[k] as number) ** 2;
    if (!(d > 0)) return null;
    const djj = Math.sqrt(d);
    lj[j] = djj;
    for (let i = j + 1; i < n; i++) {
      const li = l[i] as number[];
      let s = (m[i] as number[])[j] as number;
      for (let k = 0; k < j; k++) s -= (li[k] as number) * (lj[k] as number);
      li[j] = s / djj;
    }
  }
  return l;
}

/**
 * Whether `m + bump I` is (numerically) positive definite: the same test as `cholesky(...) !== null`, on a flat
 * Float64Array with contiguous inner loops (a 500×500 check in a few milliseconds) and without building the factor
 * as nested arrays.
 */
export function isPositiveDefinite(m: Matrix, bump = 0): boolean {
  const n = m.length;
  const l = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    const rj = j * n;
    let d = ((m[j] as number[])[j] as number) + bump;
    for (let k = 0; k < j; k++) d -= (l[rj + k] as number) ** 2;
    if (!(d > 0)) return false;
    const djj = Math.sqrt(d);
    l[rj + j] = djj;
    for (let i = j + 1; i < n; i++) {
      const ri = i * n;
      // Four partial sums: the dot product is the whole cost (n^3 / 6 steps), and independent sums pipeline.
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      let k = 0;
      for (; k + 3 < j; k += 4) {
        s0 += (l[ri + k] as number) * (l[rj + k] as number);
        s1 += (l[ri + k + 1] as number) * (l[rj + k + 1] as number);
        s2 += (l[ri + k + 2] as number) * (l[rj + k + 2] as number);
        s3 += (l[ri + k + 3] as number) * (l[rj + k + 3] as number);
      }
      for (; k < j; k++) s0 += (l[ri + k] as number) * (l[rj + k] as number);
      l[ri + j] = (((m[i] as number[])[j] as number) - (s0 + s1 + s2 + s3)) / djj;
    }
  }
  return true;
}

/**
 * Solves `A X = B` by LU decomposition with partial pivoting (A square). Returns null when A is singular to working
 * precision, so the caller can choose a least-squares fallback.
 */
export function solveLinear(a: Matrix, b: Matrix): Matrix | null {
  const n = a.length;
  const lu = copyMatrix(a);
  const x = copyMatrix(b);
  const cols = n === 0 ? 0 : (x[0] as number[]).length;
  let scale = 0;
  for (const row of a) for (const v of row) scale = Math.max(scale, Math.abs(v));
  const tiny = scale * n * Number.EPSILON;
  for (let k = 0; k < n; k++) {
    let p = k;
    for (let i = k + 1; i < n; i++) if (Math.abs((lu[i] as number[])[k] as number) > Math.abs((lu[p] as number[])[k] as number)) p = i;
    const pivot = (lu[p] as number[])[k] as number;
    if (!(Math.abs(pivot) > tiny)) return null;
    if (p !== k) {
      [lu[p], lu[k]] = [lu[k] as number[], lu[p] as number[]];
      [x[p], x[k]] = [x[k] as number[], x[p] as number[]];
    }
    const lk = lu[k] as number[];
    const xk = x[k] as number[];
    for (let i = k + 1; i < n; i++) {
      const li = lu[i] as number[];
      const f = (li[k] as number) / pivot;
      if (f === 0) continue;
      li[k] = f;
      for (let j = k + 1; j < n; j++) li[j] = (li[j] as number) - f * (lk[j] as number);
      const xi = x[i] as number[];
      for (let j = 0; j < cols; j++) xi[j] = (xi[j] as number) - f * (xk[j] as number);
    }
  }
  for (let k = n - 1; k >= 0; k--) {
    const lk = lu[k] as number[];
    const xk = x[k] as number[];
    for (let j = 0; j < cols; j++) {
      let s = xk[j] as number;
      for (let i = k + 1; i < n; i++) s -= (lk[i] as number) * ((x[i] as number[])[j] as number);
      xk[j] = s / (lk[k] as number);
    }
  }
  return x;
}

/**
 * Eigen-decomposition of a symmetric matrix by the cyclic Jacobi method: `m = V diag(values) V'`, eigenvalues in
 * ascending order, eigenvectors as the columns of `vectors`. Jacobi is accurate to a few ulps and fast enough for
 * the asset counts of a wallet (100 assets in tens of milliseconds).
 */
export function symmetricEigen(m: Matrix): { values: number[]; vectors: Matrix } {
  const n = m.length;
  const a = copyMatrix(m);
  const v = identity(n);
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    let total = 0;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        const x = ((a[i] as number[])[j] as number) ** 2;
        total += x;
        if (i !== j) off += x;
      }
    }
    if (off <= total * 1e-32 || off === 0) break;
    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = (a[p] as number[])[q] as number;
        if (apq === 0) continue;
        const app = (a[p] as number[])[p] as number;
        const aqq = (a[q] as number[])[q] as number;
        const theta = (aqq - app) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const ak = a[k] as number[];
          const akp = ak[p] as number;
          const akq = ak[q] as number;
          ak[p] = c * akp - s * akq;
          ak[q] = s * akp + c * akq;
        }
        const ap = a[p] as number[];
        const aq = a[q] as number[];
        for (let k = 0; k < n; k++) {
          const apk = ap[k] as number;
          const aqk = aq[k] as number;
          ap[k] = c * apk - s * aqk;
          aq[k] = s * apk + c * aqk;
        }
        ap[q] = 0;
        aq[p] = 0;
        for (let k = 0; k < n; k++) {
          const vk = v[k] as number[];
          const vkp = vk[p] as number;
          const vkq = vk[q] as number;
          vk[p] = c * vkp - s * vkq;
          vk[q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => ((a[i] as number[])[i] as number) - ((a[j] as number[])[j] as number));
  return {
    values: order.map((i) => (a[i] as number[])[i] as number),
    vectors: v.map((row) => order.map((i) => row[i] as number)),
  };
}

/**
 * Least-squares solution of `A X = B` for a symmetric A through its pseudo-inverse, dropping eigenvalues below
 * `n * eps * max|eigenvalue|` as numpy's lstsq does with its default rcond.
 */
export function solveSymmetricLeastSquares(a: Matrix, b: Matrix): Matrix {
  const n = a.length;
  const { values, vectors } = symmetricEigen(a);
  const largest = Math.max(0, ...values.map(Math.abs));
  const cutoff = largest * n * Number.EPSILON;
  const vtB = matMul(transpose(vectors), b);
  const scaled = vtB.map((row, i) => {
    const lambda = values[i] as number;
    return Math.abs(lambda) > cutoff ? row.map((x) => x / lambda) : row.map(() => 0);
  });
  return matMul(vectors, scaled);
}

/** Symmetrizes a matrix in place-free fashion: `(M + M') / 2`. */
export function symmetrize(m: Matrix): Matrix {
  return m.map((row, i) => row.map((x, j) => (x + ((m[j] as number[])[i] as number)) / 2));
}
