import { z } from 'zod';

export const RiskPreset = z.enum(['conservative', 'balanced', 'growth']);
export type RiskPreset = z.infer<typeof RiskPreset>;

/** The short questionnaire: horizon, reaction to a 30% drop, goal. */
export const RiskAnswers = z.strictObject({
  horizon: z.enum(['under-1y', '1-3y', '3-7y', 'over-7y']),
  drawdown: z.enum(['sell-all', 'sell-some', 'hold', 'buy-more']),
  goal: z.enum(['preserve', 'income', 'growth', 'max-growth']),
});
export type RiskAnswers = z.infer<typeof RiskAnswers>;

export const StrategyObjective = z.enum(['max-sharpe', 'min-volatility', 'efficient-risk', 'efficient-return', 'max-utility', 'risk-parity', 'hrp']);

/** What the user decided on the Strategy page; persisted by main, used by the optimizer in the renderer and in main. */
export const StrategySettings = z.strictObject({
  preset: z.union([RiskPreset, z.literal('custom')]),
  answers: RiskAnswers.nullable(),
  /** delta of the quadratic utility w'mu - delta/2 w'Sigma w */
  riskAversion: z.number().positive().max(100),
  /** annualized volatility target for efficient-risk, as a fraction */
  targetVolatility: z.number().positive().max(5),
  objective: StrategyObjective,
  /** per-asset weight bounds */
  minWeight: z.number().min(-1).max(1),
  maxWeight: z.number().min(-1).max(1),
  minStablecoinShare: z.number().min(0).max(1),
  /** CAIP-2 ids; null = every chain */
  allowedChains: z.array(z.string()).nullable(),
  /** rebalancing drift band, percentage points */
  driftBandPct: z.number().min(0.5).max(50),
  riskFreeRate: z.number().min(-0.05).max(0.5),
});
export type StrategySettings = z.infer<typeof StrategySettings>;
