import type { Route } from '../domain/route';
import { parseDecimal } from '../portfolio/decimal';
import { lossLevel, lossPercentText, routeLossBps } from '../routing/valueLostGuard';
import { usdFromDecimal, usdText } from './usdUnits';

/**
 * What a routed trade costs, USD: its value lost (value sold plus gas minus the value of the minimum received: fees,
 * price impact and slippage together). A route recorded before value lost existed falls back to its fees. Null when
 * unknown (no price).
 */
export function tradeCostUsd(route: Pick<Route, 'valueLostUsd' | 'totalFeesUsd'>): string | null {
  return route.valueLostUsd !== undefined ? route.valueLostUsd : route.totalFeesUsd;
}

/**
 * Whether a routed trade loses acceptably little: null when it does (or its loss is unknown and its price impact is
 * not refused), else the reason it is skipped (VALUE_LOST_TOO_HIGH), in words.
 * @param tradeUsd the trade's value, micro-USD
 * @param maxPercent the plan's cost limit, percent of the trade's value
 */
export function judgeTradeLoss(tradeUsd: bigint, route: Pick<Route, 'valueLostUsd' | 'valueLostBps' | 'totalFeesUsd' | 'priceImpactBps'>, maxPercent: number): string | null {
  const cost = tradeCostUsd(route);
  if (cost !== null) {
    const lost = usdFromDecimal(parseDecimal(cost));
    // lost / value > percent / 100, exactly, the percent kept to 1/100 of a percent.
    if (lost * 10_000n > BigInt(Math.round(maxPercent * 100)) * tradeUsd) {
      return `It would lose $${usdText(lost)} (fees, price impact and slippage), more than ${maxPercent}% of the $${usdText(tradeUsd)} trade`;
    }
  }
  if (lossLevel(routeLossBps(route)) === 'refused') return `Its price impact of ${lossPercentText(route.priceImpactBps)}% is more than the wallet accepts without your confirmation`;
  return null;
}
