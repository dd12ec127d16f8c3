import { StrategyObjective } from '../domain/strategy';
import { computeStrategy } from './computeStrategy';
import { DEMO_PRICES_CSV } from './demoPrices';
import { defaultStrategy } from './riskProfile';

/**
 * Runs the Strategy page's computation on the bundled demo prices for every objective, with and without the
 * stablecoin share (the two solver paths: quadprog for group constraints, the critical line algorithm otherwise), so
 * that a fresh JavaScript engine (the optimizer worker at start-up) has compiled the optimizer's code before the
 * user's first request: a cold first max Sharpe takes several times as long as a warm one. Never throws; returns the
 * objectives that completed, in order (each appears once per stablecoin setting).
 */
export function warmUpStrategy(): string[] {
  const done: string[] = [];
  const base = defaultStrategy('balanced');
  for (const objective of StrategyObjective.options) {
    for (const minStablecoinShare of [base.minStablecoinShare, 0]) {
      try {
        computeStrategy({ csv: DEMO_PRICES_CSV, settings: { ...base, objective, minStablecoinShare }, holdings: { BTC: 1 } });
        done.push(objective);
      } catch {
        // A warm-up that fails has still compiled what it ran; the user's request will report its own error.
      }
    }
  }
  return done;
}
