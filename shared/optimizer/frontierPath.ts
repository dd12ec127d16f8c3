import { CriticalLineUnavailable, criticalLine, interpolate, type CriticalLineProblem, type TurningPoint } from './criticalLine';

/**
 * The critical line path of one problem, computed as far as it has been asked for and kept: max Sharpe stops after a
 * few turning points, a frontier or min-volatility walks to the end, and later questions on the same prepared problem
 * reuse what is already known.
 */
export class FrontierPath {
  readonly points: TurningPoint[] = [];
  private readonly walk: Generator<TurningPoint, void, undefined>;
  private done = false;

  constructor(problem: CriticalLineProblem) {
    this.walk = criticalLine(problem);
    // The first point (the maximum-return vertex) also proves the path applies (no tie at the top).
    this.at(0);
  }

  /** Turning point `i` (0 = maximum return), or undefined past the minimum-variance end. */
  at(i: number): TurningPoint | undefined {
    while (this.points.length <= i && !this.done) {
      const next = this.walk.next();
      if (next.done === true) this.done = true;
      else this.points.push(next.value);
    }
    return this.points[i];
  }

  get top(): TurningPoint {
    return this.at(0) as TurningPoint;
  }

  /** The minimum-variance portfolio (walks the whole path). */
  get bottom(): TurningPoint {
    this.at(Number.MAX_SAFE_INTEGER);
    return this.points[this.points.length - 1] as TurningPoint;
  }

  /** The efficient portfolio with expected return `target`, between the bottom's return and the top's. */
  withReturn(target: number): Float64Array {
    for (let i = 0; ; i++) {
      const a = this.at(i) as TurningPoint;
      const b = this.at(i + 1);
      if (b === undefined || target >= a.ret) return a.w;
      if (target > b.ret) return interpolate(a, b, (a.ret - target) / (a.ret - b.ret));
    }
  }

  /** The efficient portfolio at risk tolerance `lambda` (minimizing `1/2 w'Sw - lambda mu'w`). */
  atLambda(lambda: number): Float64Array {
    for (let i = 0; ; i++) {
      const a = this.at(i) as TurningPoint;
      const b = this.at(i + 1);
      if (b === undefined || lambda >= a.lambda) return a.w;
      if (lambda > b.lambda) {
        // The first segment (from lambda = +Infinity) has one free asset and constant weights.
        if (!Number.isFinite(a.lambda)) return a.w;
        return interpolate(a, b, (a.lambda - lambda) / (a.lambda - b.lambda));
      }
    }
  }

  /**
   * The efficient portfolio with variance `goal` (between the bottom's and the top's variance): on a segment the
   * variance is a quadratic in the interpolation fraction.
   */
  withVariance(goal: number): Float64Array {
    for (let i = 0; ; i++) {
      const a = this.at(i) as TurningPoint;
      const b = this.at(i + 1);
      if (b === undefined || goal >= a.variance) return a.w;
      if (goal > b.variance) {
        const { v1, v2 } = segmentMoments(a, b);
        // a.variance + 2 t v1 + t^2 v2 = goal, variance falling from a to b: the root in [0, 1].
        // The smaller root, in the form without cancellation (v1 < 0 as the variance falls along the segment).
        const c = a.variance - goal;
        const t = c / (-v1 + Math.sqrt(Math.max(0, v1 * v1 - v2 * c)));
        return interpolate(a, b, Math.min(1, Math.max(0, t)));
      }
    }
  }

  /**
   * The portfolio with the highest `(return - rf) / volatility`. On a segment the Sharpe ratio's stationary point is
   * the root of a linear function; along the efficient frontier the ratio is unimodal where it is positive, so the
   * walk stops at the first segment whose best point is not its far end.
   */
  maxSharpe(rf: number): Float64Array {
    let best: Float64Array = this.top.w;
    let bestSharpe = sharpe(this.top.ret, this.top.variance, rf);
    for (let i = 0; ; i++) {
      const a = this.at(i) as TurningPoint;
      const b = this.at(i + 1);
      if (b === undefined) return best;
      // A segment of zero length (the first one, from lambda = +Infinity, often is) says nothing about the peak.
      if (a.ret - b.ret <= 1e-14 * Math.max(1, Math.abs(a.ret))) continue;
      const { v1, v2 } = segmentMoments(a, b);
      const e = a.ret - rf;
      const dr = b.ret - a.ret;
      const den = dr * v1 - e * v2;
      let interior = false;
      if (den !== 0) {
        const t = (e * v1 - dr * a.variance) / den;
        if (t > 0 && t < 1) {
          const s = sharpe(a.ret + t * dr, a.variance + 2 * t * v1 + t * t * v2, rf);
          if (s > bestSharpe) {
            bestSharpe = s;
            best = interpolate(a, b, t);
            interior = true;
          }
        }
      }
      const sb = sharpe(b.ret, b.variance, rf);
      if (sb > bestSharpe) {
        bestSharpe = sb;
        best = b.w;
      } else if (bestSharpe > 0 && (interior || sb < bestSharpe * (1 - 1e-12))) {
        // Past the peak. A drop within rounding (a very short segment) is not evidence of it.
        return best;
      }
    }
  }
}

function sharpe(ret: number, variance: number, rf: number): number {
  return (ret - rf) / Math.sqrt(Math.max(variance, 0));
}

/** With d = b.w - a.w: v1 = a.w' S d and v2 = d' S d (from the stored S w of both points). */
function segmentMoments(a: TurningPoint, b: TurningPoint): { v1: number; v2: number } {
  let v1 = 0;
  let v2 = 0;
  const n = a.w.length;
  for (let i = 0; i < n; i++) {
    const d = (b.w[i] as number) - (a.w[i] as number);
    v1 += (a.w[i] as number) * ((b.sw[i] as number) - (a.sw[i] as number));
    v2 += d * ((b.sw[i] as number) - (a.sw[i] as number));
  }
  return { v1, v2 };
}

/** A FrontierPath, or null when the critical line algorithm does not apply (see criticalLine). */
export function tryFrontierPath(problem: CriticalLineProblem): FrontierPath | null {
  try {
    return new FrontierPath(problem);
  } catch (error) {
    if (error instanceof CriticalLineUnavailable) return null;
    throw error;
  }
}

export { CriticalLineUnavailable };
