import { z } from 'zod';
import { StrataError } from '../../../shared/errors';
import { COINGECKO_BASE_URL, getCoinGeckoText, PRICE_ID, PriceFetchError, type CoinGeckoClientOptions } from './coinGeckoClient';
import { dailyCloses, type DailyClose } from './priceHistoryCloses';

/** The keyless (demo) API serves the past 365 days only. */
export const MAX_HISTORY_DAYS = 365;
/** A year of daily points plus "now", with room for hourly answers should CoinGecko ignore `interval`. */
const MAX_POINTS = 20_000;

const Pair = z.tuple([z.number().int().nonnegative(), z.number().nonnegative().nullable()]);
/**
 * market_chart's body: `{"prices": [[ms, usd], ...], "market_caps": [...], "total_volumes": [...]}`, each ascending
 * in time. Only `prices` is used; the other two are checked for shape, so that an answer that is not market_chart's
 * is refused rather than read.
 */
const MarketChartBody = z.looseObject({
  prices: z.array(Pair).max(MAX_POINTS).refine((pairs) => pairs.every((p, i) => i === 0 || p[0] > (pairs[i - 1] as [number, unknown])[0]), 'ascending times'),
  market_caps: z.array(Pair).max(MAX_POINTS),
  total_volumes: z.array(Pair).max(MAX_POINTS),
});

/**
 * Daily USD closes of one coin over the last `days` days from CoinGecko's
 * `GET /coins/{id}/market_chart?vs_currency=usd&days=N&interval=daily`, one per UTC day (see dailyCloses).
 * @throws PriceFetchError (PRICE_UNAVAILABLE): offline, timeout, HTTP 429 (rateLimited) or another status (404 for a
 *   coin CoinGecko does not know), or an answer that is not market_chart's shape; INVALID_INPUT for a bad id or days
 */
export async function fetchDailyCloses(id: string, days: number, options: CoinGeckoClientOptions = {}): Promise<DailyClose[]> {
  if (!PRICE_ID.test(id)) throw new StrataError('INVALID_INPUT', `Not a CoinGecko id: "${id.slice(0, 64)}"`);
  if (!Number.isInteger(days) || days < 1 || days > MAX_HISTORY_DAYS) throw new StrataError('INVALID_INPUT', `days must be a whole number from 1 to ${MAX_HISTORY_DAYS}`);
  const baseUrl = (options.baseUrl ?? COINGECKO_BASE_URL).replace(/\/+$/, '');
  const query = new URLSearchParams({ vs_currency: 'usd', days: String(days), interval: 'daily' });
  // The id matches PRICE_ID: no character in it needs escaping in a path.
  const text = await getCoinGeckoText(options.fetch ?? fetch, `${baseUrl}/coins/${id}/market_chart?${query}`, options.timeoutMs ?? 10_000);
  let body: z.infer<typeof MarketChartBody>;
  try {
    body = MarketChartBody.parse(JSON.parse(text));
  } catch (error) {
    throw new PriceFetchError('The price service sent an unexpected answer', { cause: error });
  }
  return dailyCloses(body.prices);
}
