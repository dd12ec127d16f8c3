import type { StrategyError, StrategyRequest, StrategyResult } from '../../../shared/strategy/computeStrategy';

/** What the optimizer worker answers for request `id`; `ms` is its compute time. */
export type WorkerAnswer =
  | { id: number; ok: true; result: StrategyResult; ms: number }
  | { id: number; ok: false; error: StrategyError; ms: number };

/** What the page sends: a request to answer, or the start-up warm-up (answered by nothing). */
export type WorkerRequest = (StrategyRequest & { id: number }) | { warmUp: true };
