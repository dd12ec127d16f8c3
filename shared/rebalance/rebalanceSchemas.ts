import { z } from 'zod';
import { AssetInfo, BaseUnits } from '../domain/asset';
import { Route } from '../domain/route';
import { TransferStatus } from '../domain/transferRecord';
import { ERROR_CODES } from '../errors';

/** A USD amount as a plain decimal string with cents ("3500.00"). */
const Usd = z.string().regex(/^[0-9]+\.[0-9]{2}$/);

/**
 * Target weights by the optimizer's asset key: a CoinGecko id (`ethereum`, `usd-coin`) or a price-table column, which
 * is a symbol (`ETH`, `USDC`). Fractions of the portfolio, normalised to sum 1 when used.
 */
export const TargetWeights = z
  .record(z.string().min(1).max(64), z.number().min(0).max(1))
  .refine((w) => Object.keys(w).length > 0 && Object.keys(w).length <= 200, 'between 1 and 200 assets')
  .refine((w) => Object.values(w).some((v) => v > 0), 'at least one positive weight');
export type TargetWeights = z.infer<typeof TargetWeights>;

/** How far and how finely to rebalance. */
export const RebalanceRules = z.strictObject({
  /** an asset is out of band when its weight is more than this many percentage points from its target */
  bandPct: z.number().min(0.5).max(50),
  /** trades worth less than this many USD are skipped */
  minTradeUsd: z.string().regex(/^(0|[1-9][0-9]{0,9})(\.[0-9]{1,2})?$/),
  /**
   * the plan's cost limit: a trade whose value lost (fees, price impact and slippage) exceeds this percent of its
   * value is split across routes, or skipped (VALUE_LOST_TOO_HIGH)
   */
  maxFeePercent: z.number().min(0).max(100),
  /** the scheduled drift check runs this often (hours) */
  checkEveryHours: z.number().min(0.25).max(24 * 30),
});
export type RebalanceRules = z.infer<typeof RebalanceRules>;

/**
 * maxFeePercent is 3: the limit is on value lost, which counts each step's slippage tolerance (0.5% by default) with
 * the fees and price impact, so 1% would refuse ordinary swaps; 3% is where a route turns red.
 */
export const DEFAULT_REBALANCE_RULES: RebalanceRules = { bandPct: 5, minTradeUsd: '10', maxFeePercent: 3, checkEveryHours: 6 };

/** The saved rebalancing target: weights from a frontier point, and the rules. */
export const RebalanceTarget = z.strictObject({
  weights: TargetWeights,
  rules: RebalanceRules,
  /** ms since epoch */
  savedAt: z.number().int(),
});
export type RebalanceTarget = z.infer<typeof RebalanceTarget>;

/** One asset of the target (the same asset on every chain counted together) against its target. */
export const AssetDrift = z.strictObject({
  key: z.string(),
  symbol: z.string(),
  currentUsd: Usd,
  targetUsd: Usd,
  /** weights in percent of the rebalanced total, 2 decimals */
  currentPct: z.number(),
  targetPct: z.number(),
  /** currentPct - targetPct, percentage points */
  driftPct: z.number(),
  outOfBand: z.boolean(),
});
export type AssetDrift = z.infer<typeof AssetDrift>;

export const DriftReport = z.strictObject({
  /** value of the priced holdings of the target's assets: what is rebalanced */
  totalUsd: Usd,
  bandPct: z.number(),
  assets: z.array(AssetDrift),
  /** keys of the assets outside the band */
  outOfBand: z.array(z.string()),
  /** held assets of the target without a usable price (not counted, not traded) */
  unpriced: z.array(z.string()),
  /** held assets the target does not name (left alone) */
  untracked: z.array(z.string()),
});
export type DriftReport = z.infer<typeof DriftReport>;

/** NO_GAS: the account would not keep enough of a chain's gas coin to pay the trade's transactions. */
/** VALUE_LOST_TOO_HIGH: the trade's value lost exceeds the plan's cost limit, split or not (FEES_TOO_HIGH: plans made before). */
export const SkipReason = z.enum(['BELOW_MINIMUM', 'FEES_TOO_HIGH', 'VALUE_LOST_TOO_HIGH', 'NO_ROUTE', 'NOT_AVAILABLE', 'NO_PRICE', 'NO_GAS']);
export type SkipReason = z.infer<typeof SkipReason>;

/** One trade of a plan: sell `amountIn` of `sell` (held by `accountId`) for `buy`, through `route`. */
export const PlanTrade = z.strictObject({
  index: z.number().int().nonnegative(),
  accountId: z.string(),
  sell: AssetInfo,
  buy: AssetInfo,
  amountIn: BaseUnits,
  usd: Usd,
  route: Route,
  /** the route's fees in USD (null when some fee has no price) */
  feesUsd: Usd.nullable(),
  /** what the trade can lose in USD: fees, price impact and slippage (Route.valueLostUsd); absent on older plans */
  valueLostUsd: Usd.nullable().optional(),
});
export type PlanTrade = z.infer<typeof PlanTrade>;

export const SkippedTrade = z.strictObject({
  sell: AssetInfo.nullable(),
  buy: AssetInfo.nullable(),
  /** the key of the asset that could not be bought, for NOT_AVAILABLE */
  key: z.string(),
  usd: Usd,
  reason: SkipReason,
  message: z.string(),
});
export type SkippedTrade = z.infer<typeof SkippedTrade>;

export const RebalancePlan = z.strictObject({
  id: z.string().regex(/^[0-9a-f]{32}$/),
  createdAt: z.number().int(),
  rules: RebalanceRules,
  /** tolerance per swap or bridge step of every trade, percent */
  slippagePercent: z.number(),
  drift: DriftReport,
  trades: z.array(PlanTrade),
  skipped: z.array(SkippedTrade),
  /** sum of the trades' value lost (fees, price impact and slippage); null when one is unknown */
  totalCostUsd: Usd.nullable(),
});
export type RebalancePlan = z.infer<typeof RebalancePlan>;

export const TradeProgress = z.strictObject({
  index: z.number().int().nonnegative(),
  transferId: z.string().nullable(),
  status: z.union([z.literal('pending'), TransferStatus]),
});

/**
 * Where the execution of a plan stands: every trade's transfer. `failed` stops at the first failed trade for good;
 * `ready` is a plan not started; `paused` one started and not running now (a restart, a lock): executing it again
 * goes on.
 */
export const RebalanceExecution = z.strictObject({
  planId: z.string(),
  status: z.enum(['ready', 'running', 'paused', 'completed', 'failed']),
  trades: z.array(TradeProgress),
  /** why it stopped, for `failed` */
  message: z.string().nullable(),
  /** the error code when a trade could not start (QUOTE_CHANGED, INSUFFICIENT_FUNDS...), else null */
  code: z.enum(ERROR_CODES).nullable(),
});
export type RebalanceExecution = z.infer<typeof RebalanceExecution>;
