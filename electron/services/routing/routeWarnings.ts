import type { Route } from '../../../shared/domain/route';
import { compareExact, type ExactDecimal } from '../../../shared/portfolio/decimal';

type RouteWarning = Route['warnings'][number];

/** Thresholds of the route warnings. */
export const WARNING_THRESHOLDS = {
  /** Route price impact above 3%. */
  highPriceImpactBps: 300,
  /** A swap's input above 2% of its pool's input reserve. */
  thinLiquidityReserveBps: 200,
  /** Delivery expected to take more than 30 minutes. */
  longDeliverySeconds: 30 * 60,
  /** Fees above 5% of the value sent. */
  feesOverValueBps: 500,
} as const;

export interface WarningInputs {
  priceImpactBps: number;
  /** Largest pool-reserve share any swap takes, basis points. */
  reserveShareBps: number;
  etaSeconds: number;
  totalFeesUsd: ExactDecimal | null;
  valueInUsd: ExactDecimal | null;
}

/** The warnings a route carries, in a fixed order (impact, liquidity, delivery, fees). */
export function routeWarnings(input: WarningInputs): RouteWarning[] {
  const t = WARNING_THRESHOLDS;
  const warnings: RouteWarning[] = [];
  if (input.priceImpactBps > t.highPriceImpactBps) {
    warnings.push({ code: 'HIGH_PRICE_IMPACT', message: `Price impact is ${(input.priceImpactBps / 100).toFixed(2)}%` });
  }
  if (input.reserveShareBps > t.thinLiquidityReserveBps) {
    warnings.push({ code: 'THIN_LIQUIDITY', message: `A swap takes ${(input.reserveShareBps / 100).toFixed(2)}% of its pool's reserve` });
  }
  if (input.etaSeconds > t.longDeliverySeconds) {
    warnings.push({ code: 'LONG_DELIVERY', message: `Delivery may take about ${Math.ceil(input.etaSeconds / 60)} minutes` });
  }
  if (input.totalFeesUsd !== null && input.valueInUsd !== null) {
    const limit = { units: input.valueInUsd.units * BigInt(t.feesOverValueBps), scale: input.valueInUsd.scale + 4 };
    if (compareExact(input.totalFeesUsd, limit) > 0) warnings.push({ code: 'FEES_OVER_VALUE', message: 'Fees are more than 5% of the amount sent' });
  }
  return warnings;
}
