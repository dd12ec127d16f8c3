/** Types for the `quadprog` npm package (Goldfarb-Idnani dual active-set QP, a port of R's quadprog; 1-indexed). */
declare module 'quadprog' {
  export interface QpResult {
    solution: number[];
    Lagrangian: number[];
    value: number[];
    unconstrained_solution: number[];
    iterations: number[];
    iact: number[];
    message: string;
  }
  /**
   * Minimizes `1/2 b' D b - d' b` subject to `A' b >= b0`, the first `meq` constraints as equalities. Every array is
   * 1-indexed (element 0 unused); `Amat[i][j]` is variable i's coefficient in constraint j. Dmat, dvec, Amat and bvec
   * are overwritten.
   */
  export function solveQP(Dmat: number[][], dvec: number[], Amat: number[][], bvec: number[], meq?: number, factorized?: number[]): QpResult;
}
