import type { ErrorPayload } from '../../../shared/errors';
import { StrataError } from '../../../shared/errors';
import { createCoinGeckoClient, PRICE_ID, PriceFetchError, type CoinGeckoClient, type CoinGeckoClientOptions } from './coinGeckoClient';
import { loadPriceCache, savePriceCache, type CachedPrice } from './priceCache';
import { RateLimitBackoff } from './rateLimitBackoff';

/** A USD price as getPrices returns it. */
export interface PriceQuote {
  /** USD per whole unit, plain decimal string (12 significant digits at most) */
  usd: string;
  /** ms since epoch when the price service returned this value */
  fetchedAt: number;
  /** true when this is the last known value and not a fresh one: the fetch failed or is being held back */
  stale: boolean;
}

export interface PriceServiceOptions extends CoinGeckoClientOptions {
  /** default: a CoinGecko client made with the other options */
  client?: CoinGeckoClient;
  /** default Date.now */
  now?: () => number;
  /** The 429 back-off to honour; pass the one the price history uses so a 429 on either holds both back. */
  backoff?: RateLimitBackoff;
}

/**
 * USD prices by CoinGecko id, cached in memory and in `<dataDir>/prices.json` with the time each was fetched.
 * Calls are serialized, so concurrent callers never send the same request twice.
 */
export class PriceService {
  private readonly client: CoinGeckoClient;
  private readonly now: () => number;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly backoff: RateLimitBackoff;
  private failure: ErrorPayload | null = null;

  private constructor(
    private readonly dataDir: string,
    private readonly cache: Map<string, CachedPrice>,
    options: PriceServiceOptions,
  ) {
    this.client = options.client ?? createCoinGeckoClient(options);
    this.now = options.now ?? Date.now;
    this.backoff = options.backoff ?? new RateLimitBackoff(this.now);
  }

  /** Opens the service on a data directory, loading the persisted cache (a bad cache file counts as empty). */
  static async open(dataDir: string, options: PriceServiceOptions = {}): Promise<PriceService> {
    return new PriceService(dataDir, await loadPriceCache(dataDir), options);
  }

  /** Why the last fetch failed (PRICE_UNAVAILABLE with a short message), or null when it succeeded. */
  get lastError(): ErrorPayload | null {
    return this.failure === null ? null : { ...this.failure };
  }

  /**
   * Prices of `ids`: from the cache when fetched at most `maxAgeMs` ago (default 60 s), else from the price service
   * in one batched request. When that fails (offline, timeout, HTTP 429 or 5xx, a malformed answer), or while a
   * 429 is being backed off, the last known values come back with `stale: true`. An id never priced (CoinGecko
   * does not know it, or it was never fetched successfully) is absent: the caller shows "no price". Never throws
   * for a failed fetch.
   * @throws StrataError INVALID_INPUT for an id that is not a CoinGecko id, or a negative maxAgeMs
   */
  getPrices(ids: readonly string[], options: { maxAgeMs?: number } = {}): Promise<Record<string, PriceQuote>> {
    const maxAgeMs = options.maxAgeMs ?? 60_000;
    if (!Number.isFinite(maxAgeMs) || maxAgeMs < 0) return Promise.reject(new StrataError('INVALID_INPUT', 'maxAgeMs must be a non-negative number'));
    const bad = ids.find((id) => !PRICE_ID.test(id));
    if (bad !== undefined) return Promise.reject(new StrataError('INVALID_INPUT', `Not a CoinGecko id: "${bad.slice(0, 64)}"`));
    const run = this.queue.then(() => this.pricesNow([...new Set(ids)], maxAgeMs));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async pricesNow(ids: string[], maxAgeMs: number): Promise<Record<string, PriceQuote>> {
    const isFresh = (id: string): boolean => {
      const cached = this.cache.get(id);
      const age = cached === undefined ? -1 : this.now() - cached.fetchedAt;
      // A negative age means the clock went back: refetch rather than trust the entry until the clock catches up.
      return age >= 0 && age <= maxAgeMs;
    };
    const wanted = ids.filter((id) => !isFresh(id));
    const fetched = new Set<string>();
    if (wanted.length > 0 && !this.backoff.holding) {
      let prices: Record<string, string>;
      try {
        prices = await this.client.fetchUsdPrices(wanted);
        this.failure = null;
        this.backoff.succeeded();
      } catch (error) {
        if (!(error instanceof PriceFetchError)) throw error;
        prices = error.partial;
        this.failure = error.toPayload();
        this.backoff.failed(error);
      }
      const fetchedAt = this.now();
      for (const [id, usd] of Object.entries(prices)) {
        this.cache.set(id, { usd, fetchedAt });
        fetched.add(id);
      }
      if (fetched.size > 0) {
        // The cache only saves requests at the next start: failing to write it must not cost the prices in hand.
        await savePriceCache(this.dataDir, this.cache).catch(() => undefined);
      }
    }
    const result: Record<string, PriceQuote> = {};
    for (const id of ids) {
      const cached = this.cache.get(id);
      if (cached === undefined) continue;
      result[id] = { usd: cached.usd, fetchedAt: cached.fetchedAt, stale: !fetched.has(id) && !isFresh(id) };
    }
    return result;
  }
}
