import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { PriceTable } from '../../shared/optimizer/types';

/** The "now" of the recorded-shape market_chart fixtures: their last, intraday point (2021-07-02T13:45:08Z). */
export const HISTORY_NOW = Date.UTC(2021, 6, 2, 13, 45, 8);

/** The market_chart body of `id` (ethereum, usd-coin or osmosis) as CoinGecko sends it; see fixtures/README.md. */
export function historyFixture(id: 'ethereum' | 'usd-coin' | 'osmosis'): Promise<string> {
  return readFile(join(__dirname, 'fixtures', `market_chart_${id}.json`), 'utf8');
}

/** ethereum, osmosis, usd-coin over the 7 days before HISTORY_NOW: the fixtures' 00:00 UTC snapshots, verbatim. */
export const TABLE_7_DAYS: PriceTable = {
  dates: ['2021-06-25', '2021-06-26', '2021-06-27', '2021-06-28', '2021-06-29', '2021-06-30', '2021-07-01', '2021-07-02'],
  assets: ['ethereum', 'osmosis', 'usd-coin'],
  prices: [
    [1990.0761511910587, null, 1.0001707846175036],
    [1833.4631609981645, null, 1.004869069917349],
    [1817.047665540675, null, 1.004215771267567],
    [1973.9268648383472, 4.612854103837643, 1.0041659414561184],
    [2087.5187237874175, 4.612854103837643, 1.0029938462261663],
    [2169.400067865984, 4.682177409989743, 0.9995454305101491],
    [2279.354161419647, 4.00838598817088, 1.003276383269923],
    [2121.657900633364, 3.3732472501067488, 1.0049284501172215],
  ],
};

/**
 * A fixture moved forward by whole days so that its last 00:00 snapshot falls on today (UTC): for code that reads the
 * real clock (the CLI). Prices are unchanged, so the table is TABLE_7_DAYS's with later dates.
 */
export function shiftToToday(body: string): string {
  const shift = Math.floor(Date.now() / 86_400_000) * 86_400_000 - Date.UTC(2021, 6, 2);
  return body.replace(/\[(\d{13}),/g, (_, ms: string) => `[${Number(ms) + shift},`);
}
