import { StrataError } from '../errors';

/**
 * How much a route loses, judged once for the app, the CLI, the rebalancer and the review: the larger of its value
 * lost (USD in minus USD of the minimum received, fees paid on top included) and its price impact, in basis points.
 */
export type LossLevel = 'ok' | 'amber' | 'red' | 'refused';

export const LOSS_THRESHOLDS = {
  /** amber from 1% */
  amberBps: 100,
  /** red from 3% */
  redBps: 300,
  /** above 15% a route is refused unless the user accepts that loss */
  refuseAboveBps: 1_500,
} as const;

/** The loss-bearing fields of a Route (valueLostBps is absent on routes recorded before it existed). */
export interface RouteLoss {
  priceImpactBps: number;
  valueLostBps?: number | null | undefined;
}

/** The loss the guard judges: max(value lost, price impact), basis points. */
export function routeLossBps(route: RouteLoss): number {
  return Math.max(route.valueLostBps ?? 0, route.priceImpactBps);
}

export function lossLevel(lossBps: number): LossLevel {
  const t = LOSS_THRESHOLDS;
  if (lossBps > t.refuseAboveBps) return 'refused';
  if (lossBps >= t.redBps) return 'red';
  if (lossBps >= t.amberBps) return 'amber';
  return 'ok';
}

/** Basis points as the percent the user sees and types ("99.52"). */
export function lossPercentText(lossBps: number): string {
  return (lossBps / 100).toFixed(2);
}

/**
 * A percent the user typed ("99.52", "15", "3.5") as basis points; at most 2 decimals, 0..100.
 * @throws INVALID_INPUT
 */
export function parseLossPercent(text: string): number {
  const match = /^(100|[0-9]{1,2})(?:\.([0-9]{1,2}))?$/.exec(text.trim());
  if (!match || (match[1] === '100' && Number(match[2] ?? '0') !== 0)) {
    throw new StrataError('INVALID_INPUT', `--accept-loss takes a percent between 0 and 100 with at most 2 decimals, like 99.52 (got "${text.slice(0, 20)}")`);
  }
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/**
 * Refuses a route whose loss is above LOSS_THRESHOLDS.refuseAboveBps unless the user accepted at least that exact
 * loss (the percent shown, in basis points). A route at or below the threshold needs no acceptance.
 * @throws PRICE_IMPACT_TOO_HIGH with the figure to accept
 */
export function assertLossAccepted(route: RouteLoss, acceptedLossBps?: number): void {
  const loss = routeLossBps(route);
  if (lossLevel(loss) !== 'refused') return;
  if (acceptedLossBps !== undefined && acceptedLossBps >= loss) return;
  const was = acceptedLossBps === undefined ? '' : ` (you accepted ${lossPercentText(acceptedLossBps)}%)`;
  throw new StrataError(
    'PRICE_IMPACT_TOO_HIGH',
    `This route loses ${lossPercentText(loss)}% of the value sent (price impact ${lossPercentText(route.priceImpactBps)}%)${was}: nothing was sent. Accept exactly this loss to go on (CLI: --accept-loss ${lossPercentText(loss)})`,
  );
}
