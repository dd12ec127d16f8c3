import type { CompiledConstraints } from './constraints';
import { StrataError } from '../errors';
import { fmt } from './constraints';
import { optimizerError } from './errors';
import { solveLinear } from './linalg';

export interface LinearProgramResult {
  x: number[];
  value: number;
  /** False when another portfolio reaches the same value (a zero reduced cost on a movable variable). */
  unique: boolean;
}

/**
 * Maximizes `c' x` over the portfolio constraints (per-asset bounds, weights summing to 1, group bounds) with a
 * bounded-variable primal simplex. Each group total is a bounded slack variable, so the equality system has only
 * 1 + (number of groups) rows and an iteration costs O(rows × assets); Bland's rule rules out cycling. Phase 1 finds
 * a feasible vertex (OPTIMIZER_INFEASIBLE if there is none), phase 2 the optimum.
 */
export function maximizeLinearProgram(c: readonly number[], k: CompiledConstraints): LinearProgramResult {
  const n = c.length;
  const g = k.groups.length;
  const m = 1 + g;
  // Columns: n weights, g group totals, m artificials.
  const total = n + g + m;
  const column = (j: number): number[] => {
    const col = new Array<number>(m).fill(0);
    if (j < n) {
      col[0] = 1;
      k.groups.forEach((grp, r) => {
        if (grp.members.includes(j)) col[r + 1] = 1;
      });
    } else if (j < n + g) {
      col[j - n + 1] = -1;
    }
    return col;
  };
  const cols: number[][] = [];
  for (let j = 0; j < n + g; j++) cols.push(column(j));
  const lo: number[] = [...k.lower];
  const hi: number[] = [...k.upper];
  k.groups.forEach((grp) => {
    const memberLo = grp.members.reduce((s, i) => s + (k.lower[i] as number), 0);
    const memberHi = grp.members.reduce((s, i) => s + (k.upper[i] as number), 0);
    lo.push(Math.max(grp.lo, memberLo));
    hi.push(Math.min(grp.hi, memberHi));
  });
  const b = [1, ...new Array<number>(g).fill(0)];
  // Start with every structural variable at its lower bound; artificials absorb the residual.
  const z = lo.slice();
  const residual = b.map((bi, r) => bi - cols.reduce((s, col, j) => s + (col[r] as number) * (z[j] as number), 0));
  for (let r = 0; r < m; r++) {
    const col = new Array<number>(m).fill(0);
    col[r] = (residual[r] as number) >= 0 ? 1 : -1;
    cols.push(col);
    lo.push(0);
    hi.push(Infinity);
    z.push(Math.abs(residual[r] as number));
  }
  const basis = Array.from({ length: m }, (_, r) => n + g + r);
  const inBasis = new Array<boolean>(total).fill(false);
  for (const j of basis) inBasis[j] = true;

  const phase1 = new Array<number>(total).fill(0).map((_, j) => (j >= n + g ? -1 : 0));
  runSimplex(phase1, cols, lo, hi, z, basis, inBasis, b, 1e-12);
  const infeasibility = z.slice(n + g).reduce((s, v) => s + v, 0);
  if (infeasibility > 1e-9) {
    const named = k.groups.flatMap((grp) => [
      ...(grp.lo > -Infinity ? [`${grp.label} minimum ${fmt(grp.lo)}`] : []),
      ...(grp.hi < Infinity ? [`${grp.label} maximum ${fmt(grp.hi)}`] : []),
    ]);
    throw optimizerError('OPTIMIZER_INFEASIBLE', `The constraints cannot all hold together (weights sum to 1; ${named.join('; ')}, with the per-asset bounds)`);
  }
  // Artificials are done: pin them at 0 so phase 2 never moves them.
  for (let j = n + g; j < total; j++) hi[j] = 0;
  const spread = Math.max(1e-300, ...c.map(Math.abs));
  const phase2 = [...c, ...new Array<number>(g + m).fill(0)];
  const unique = runSimplex(phase2, cols, lo, hi, z, basis, inBasis, b, 1e-13 * spread);
  const x = z.slice(0, n).map((v, i) => Math.min(Math.max(v, k.lower[i] as number), k.upper[i] as number));
  return { x, value: x.reduce((s, v, i) => s + v * (c[i] as number), 0), unique };
}

/** Bounded-variable simplex maximizing `obj' z` from a basic feasible z; returns whether the optimum is unique. */
function runSimplex(obj: number[], cols: number[][], lo: number[], hi: number[], z: number[], basis: number[], inBasis: boolean[], b: number[], tol: number): boolean {
  const m = basis.length;
  const total = cols.length;
  for (let iter = 0; iter < 50 * total + 100; iter++) {
    const bmat = Array.from({ length: m }, (_, r) => basis.map((j) => (cols[j] as number[])[r] as number));
    // Duals: solve B' pi = c_B.
    const bt = bmat[0] === undefined ? [] : bmat[0].map((_, i) => bmat.map((row) => row[i] as number));
    const pi = (solveLinear(bt, basis.map((j) => [obj[j] as number])) as number[][]).map((row) => row[0] as number);
    let entering = -1;
    let direction = 0;
    let unique = true;
    for (let j = 0; j < total; j++) {
      if (inBasis[j] || (lo[j] as number) === (hi[j] as number)) continue;
      const d = (obj[j] as number) - (cols[j] as number[]).reduce((s, a, r) => s + a * (pi[r] as number), 0);
      const atLo = (z[j] as number) <= (lo[j] as number);
      const atHi = (z[j] as number) >= (hi[j] as number);
      if (Math.abs(d) <= tol) {
        unique = false;
        continue;
      }
      if (d > 0 && !atHi) {
        entering = j;
        direction = 1;
        break;
      }
      if (d < 0 && !atLo) {
        entering = j;
        direction = -1;
        break;
      }
    }
    if (entering < 0) return unique;
    // How the basic variables move per unit step of the entering variable: -B^-1 a_j * direction.
    const dB = (solveLinear(bmat, (cols[entering] as number[]).map((v) => [v])) as number[][]).map((row) => -(row[0] as number) * direction);
    let step = (hi[entering] as number) - (lo[entering] as number);
    let leaving = -1;
    let leavingToHi = false;
    for (let r = 0; r < m; r++) {
      const j = basis[r] as number;
      const d = dB[r] as number;
      if (d < -1e-14) {
        const t = ((z[j] as number) - (lo[j] as number)) / -d;
        if (t < step || (t === step && leaving >= 0 && j < (basis[leaving] as number))) {
          step = t;
          leaving = r;
          leavingToHi = false;
        }
      } else if (d > 1e-14 && (hi[j] as number) < Infinity) {
        const t = ((hi[j] as number) - (z[j] as number)) / d;
        if (t < step || (t === step && leaving >= 0 && j < (basis[leaving] as number))) {
          step = t;
          leaving = r;
          leavingToHi = true;
        }
      }
    }
    step = Math.max(0, step);
    z[entering] = (z[entering] as number) + direction * step;
    for (let r = 0; r < m; r++) {
      const j = basis[r] as number;
      z[j] = (z[j] as number) + (dB[r] as number) * step;
    }
    if (leaving < 0) {
      // The entering variable reached its other bound: no basis change.
      z[entering] = direction > 0 ? (hi[entering] as number) : (lo[entering] as number);
      continue;
    }
    const out = basis[leaving] as number;
    z[out] = leavingToHi ? (hi[out] as number) : (lo[out] as number);
    inBasis[out] = false;
    inBasis[entering] = true;
    basis[leaving] = entering;
    // Recompute the basic values from scratch so rounding does not accumulate.
    const nonbasicSum = b.map((bi, r) => bi - cols.reduce((s, col, j) => (inBasis[j] ? s : s + (col[r] as number) * (z[j] as number)), 0));
    const bmat2 = Array.from({ length: m }, (_, r) => basis.map((j) => (cols[j] as number[])[r] as number));
    const xb = solveLinear(bmat2, nonbasicSum.map((v) => [v]));
    if (xb !== null) basis.forEach((j, r) => (z[j] = ((xb[r] as number[])[0] as number)));
  }
  throw new StrataError('INTERNAL', 'The linear program did not converge');
}
