import { parseDecimal } from '../portfolio/decimal';
import { usdFromDecimal, usdText } from './usdUnits';

/**
 * Whether a routed trade's fees are acceptable: null when they are (or unknown: a fee without a price cannot be
 * judged, and the plan shows it as unknown), else the reason it is skipped, in words.
 * @param tradeUsd the trade's value, micro-USD
 * @param feesUsd the route's total fees, a plain decimal (Route.totalFeesUsd)
 */
export function judgeTradeFees(tradeUsd: bigint, feesUsd: string | null, maxFeePercent: number): string | null {
  if (feesUsd === null) return null;
  const fees = usdFromDecimal(parseDecimal(feesUsd));
  // fees / value > percent / 100, exactly, the percent kept to 1/100 of a percent.
  if (fees * 10_000n <= BigInt(Math.round(maxFeePercent * 100)) * tradeUsd) return null;
  return `Fees of $${usdText(fees)} are more than ${maxFeePercent}% of the $${usdText(tradeUsd)} trade`;
}
