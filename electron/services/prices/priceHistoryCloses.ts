/** One day's closing USD price: `date` is the UTC day (YYYY-MM-DD), `usd` the price as CoinGecko sent it. */
export type DailyClose = [date: string, usd: number];

const DAY_MS = 86_400_000;

/** The UTC day of a time in ms since epoch, as YYYY-MM-DD. */
export function utcDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * One close per UTC day from market_chart's `prices` (ascending `[ms, usd]` pairs). CoinGecko's daily data are
 * snapshots at 00:00 UTC, each dated by its own UTC day (as in CoinGecko's historical-data export and the bundled
 * demo data), and the last pair is "now", an intraday price: it is dropped unless it falls exactly on 00:00 UTC.
 * Where a day has several pairs, the first (the 00:00 snapshot) counts. A null or zero price is no close that day.
 */
export function dailyCloses(prices: readonly (readonly [number, number | null])[]): DailyClose[] {
  const last = prices.at(-1);
  const points = last !== undefined && last[0] % DAY_MS !== 0 ? prices.slice(0, -1) : prices;
  const closes: DailyClose[] = [];
  let previous = '';
  for (const [ms, usd] of points) {
    const date = utcDate(ms);
    if (date === previous) continue;
    previous = date;
    if (usd !== null && usd > 0) closes.push([date, usd]);
  }
  return closes;
}
