import type { ErrorPayload } from '../../../shared/errors';
import { StrataError } from '../../../shared/errors';
import type { PriceTable } from '../../../shared/optimizer/types';
import { PRICE_ID, PriceFetchError, type CoinGeckoClientOptions } from './coinGeckoClient';
import { loadCachedHistory, saveCachedHistory, type CachedHistory } from './priceHistoryCache';
import { fetchDailyCloses, MAX_HISTORY_DAYS } from './priceHistoryClient';
import { utcDate } from './priceHistoryCloses';
import { alignCloses } from './priceHistoryTable';
import { RateLimitBackoff } from './rateLimitBackoff';

export const DEFAULT_HISTORY_DAYS = 365;
const DAY_MS = 86_400_000;

/** Where one coin's column came from. */
export interface HistorySource {
  /** ms since epoch when the price service answered */
  fetchedAt: number;
  /** true when this is an older copy from the cache because today's fetch failed or is being held back */
  stale: boolean;
}

export interface PriceHistory {
  /** dates (UTC days, ascending) x coins (CoinGecko ids, in the order asked, those with history only) */
  table: PriceTable;
  sources: Record<string, HistorySource>;
  /** coins with no history at all (never fetched and the fetch failed), with why */
  missing: { id: string; error: ErrorPayload }[];
}

export interface HistoryProgress {
  done: number;
  total: number;
  /** the coin just finished */
  id: string;
}

export interface PriceHistoryServiceOptions extends CoinGeckoClientOptions {
  /** default Date.now */
  now?: () => number;
  /** The 429 back-off to honour; pass the spot prices' one so a 429 on either holds both back. */
  backoff?: RateLimitBackoff;
}

/**
 * Daily USD closes by CoinGecko id from market_chart, cached per coin in `<dataDir>/price-history/` and fetched at
 * most once per UTC day: a coin fetched today (for at least as many days) is answered from the cache without a
 * request. When a fetch fails (offline, timeout, 429 or 5xx, a malformed answer) or a 429 is being backed off, the
 * cached copy is served marked stale. Calls are serialized, and coins are fetched one after another (CoinGecko's
 * keyless API allows a few requests a minute).
 */
export class PriceHistoryService {
  private readonly now: () => number;
  private readonly backoff: RateLimitBackoff;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly dataDir: string,
    private readonly options: PriceHistoryServiceOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.backoff = options.backoff ?? new RateLimitBackoff(this.now);
  }

  /**
   * The aligned daily closes of `ids` over the last `days` days (default 365), with where each column came from.
   * `onProgress` hears after each coin.
   * @throws StrataError INVALID_INPUT for an id that is no CoinGecko id or days outside 1..365; PRICE_UNAVAILABLE
   *   when not one of the coins has any history (the first coin's reason)
   */
  getHistory(ids: readonly string[], options: { days?: number; onProgress?: (progress: HistoryProgress) => void } = {}): Promise<PriceHistory> {
    const days = options.days ?? DEFAULT_HISTORY_DAYS;
    if (!Number.isInteger(days) || days < 1 || days > MAX_HISTORY_DAYS) {
      return Promise.reject(new StrataError('INVALID_INPUT', `days must be a whole number from 1 to ${MAX_HISTORY_DAYS}`));
    }
    const bad = ids.find((id) => !PRICE_ID.test(id));
    if (bad !== undefined) return Promise.reject(new StrataError('INVALID_INPUT', `Not a CoinGecko id: "${bad.slice(0, 64)}"`));
    if (ids.length === 0) return Promise.reject(new StrataError('INVALID_INPUT', 'No coins asked for'));
    const run = this.queue.then(() => this.historyNow([...new Set(ids)], days, options.onProgress));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async historyNow(ids: string[], days: number, onProgress: ((progress: HistoryProgress) => void) | undefined): Promise<PriceHistory> {
    const from = utcDate(this.now() - days * DAY_MS);
    const series: { asset: string; closes: CachedHistory['closes'] }[] = [];
    const sources: Record<string, HistorySource> = {};
    const missing: PriceHistory['missing'] = [];
    for (const [i, id] of ids.entries()) {
      const answer = await this.coin(id, days);
      const closes = 'error' in answer ? [] : answer.cached.closes.filter(([date]) => date >= from);
      if ('error' in answer) missing.push({ id, error: answer.error });
      else if (closes.length === 0) missing.push({ id, error: { code: 'PRICE_UNAVAILABLE', message: 'The price service has no prices of it in this period' } });
      else {
        series.push({ asset: id, closes });
        sources[id] = { fetchedAt: answer.cached.fetchedAt, stale: answer.stale };
      }
      onProgress?.({ done: i + 1, total: ids.length, id });
    }
    const first = missing[0];
    if (series.length === 0 && first !== undefined) throw new StrataError('PRICE_UNAVAILABLE', `No price history for ${first.id}: ${first.error.message}`);
    return { table: alignCloses(series), sources, missing };
  }

  /** One coin: today's cached copy, else a fetch, else the older copy (stale), else why not. */
  private async coin(id: string, days: number): Promise<{ cached: CachedHistory; stale: boolean } | { error: ErrorPayload }> {
    // Read from disk each time (a small file per coin): the files are the one truth for the app and the CLI alike.
    let cached = await loadCachedHistory(this.dataDir, id);
    // Fetched today, by this clock (a fetch "in the future" means the clock went back: refetch rather than trust it).
    if (cached !== null && cached.days >= days && cached.fetchedAt <= this.now() && utcDate(cached.fetchedAt) === utcDate(this.now())) {
      return { cached, stale: false };
    }
    let failure: PriceFetchError;
    if (this.backoff.holding) {
      failure = new PriceFetchError('The price service is rate-limiting us', { rateLimited: true });
    } else {
      try {
        const closes = await fetchDailyCloses(id, days, this.options);
        this.backoff.succeeded();
        cached = { version: 1, id, days, fetchedAt: this.now(), closes };
        // Failing to write the file costs a request next time, never the closes in hand.
        await saveCachedHistory(this.dataDir, cached).catch(() => undefined);
        return { cached, stale: false };
      } catch (error) {
        if (!(error instanceof PriceFetchError)) throw error;
        this.backoff.failed(error);
        failure = error;
      }
    }
    return cached !== null ? { cached, stale: true } : { error: failure.toPayload() };
  }
}
