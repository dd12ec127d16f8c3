import type { PriceTable } from '../../../shared/optimizer/types';
import type { DailyClose } from './priceHistoryCloses';

/**
 * Aligns per-asset daily closes into the table the optimizer reads from a CSV: every date any asset has, ascending,
 * one column per asset in the order given, `null` where an asset has no close that day (no gap filling).
 */
export function alignCloses(series: readonly { asset: string; closes: readonly DailyClose[] }[]): PriceTable {
  const dates = [...new Set(series.flatMap((s) => s.closes.map(([date]) => date)))].sort();
  const row = new Map(dates.map((date, t) => [date, t]));
  const prices: (number | null)[][] = dates.map(() => series.map(() => null));
  series.forEach((s, i) => {
    for (const [date, usd] of s.closes) (prices[row.get(date) as number] as (number | null)[])[i] = usd;
  });
  return { dates, assets: series.map((s) => s.asset), prices };
}
