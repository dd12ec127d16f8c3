import type { ExactDecimal } from '../../../shared/portfolio/decimal';
import { lossLevel, routeLossBps, type LossLevel } from '../../../shared/routing/valueLostGuard';
import { usdText } from './routePricing';

export interface ValueLost {
  /** USD, cents half up; null without a market price for what goes in or what arrives */
  valueLostUsd: string | null;
  /** share of the value sent, basis points rounded up; null when valueLostUsd is */
  valueLostBps: number | null;
  lossLevel: LossLevel;
}

/**
 * A route's value lost: USD of what is sent, plus the fees paid on top of it (gas, messaging), minus USD of the least
 * that arrives (minAmountOut). In and out are valued at market prices only, never at a price the route's own swaps
 * imply (that would hide the very impact being measured). Never below 0 (a cheaper quote than the market price is no
 * gain the wallet can count on). The level is judged on max(value lost, price impact).
 */
export function routeValueLost(input: { valueInUsd: ExactDecimal | null; feesOnTopUsd: ExactDecimal | null; minOutUsd: ExactDecimal | null; priceImpactBps: number }): ValueLost {
  const { valueInUsd, minOutUsd } = input;
  if (valueInUsd === null || minOutUsd === null || valueInUsd.units <= 0n) {
    return { valueLostUsd: null, valueLostBps: null, lossLevel: lossLevel(input.priceImpactBps) };
  }
  const fees = input.feesOnTopUsd ?? { units: 0n, scale: 0 };
  const scale = Math.max(valueInUsd.scale, minOutUsd.scale, fees.scale);
  const at = (v: ExactDecimal): bigint => v.units * 10n ** BigInt(scale - v.scale);
  const inUnits = at(valueInUsd);
  let lost = inUnits + at(fees) - at(minOutUsd);
  if (lost < 0n) lost = 0n;
  const bps = Number((lost * 10_000n + inUnits - 1n) / inUnits);
  const valueLostBps = Math.min(bps, 1_000_000);
  return {
    valueLostUsd: usdText({ units: lost, scale }),
    valueLostBps,
    lossLevel: lossLevel(routeLossBps({ priceImpactBps: input.priceImpactBps, valueLostBps })),
  };
}
