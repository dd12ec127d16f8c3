import type { PriceFetchError } from './coinGeckoClient';

/**
 * After an HTTP 429 no request goes out for the server's Retry-After (at most an hour, so a bogus header cannot
 * switch prices off), or without one for 1 min, then 2, 4, ... at most 15 min, until a request succeeds.
 */
const FIRST_BACKOFF_MS = 60_000;
const MAX_BACKOFF_MS = 15 * 60_000;
const MAX_RETRY_AFTER_MS = 60 * 60_000;

/** The price service's 429 back-off, shared by spot prices and price history so both treat CoinGecko alike. */
export class RateLimitBackoff {
  private until = 0;
  private hits = 0;

  constructor(private readonly now: () => number) {}

  /** True while a 429 is being backed off: send nothing. */
  get holding(): boolean {
    return this.now() < this.until;
  }

  /** A request succeeded: the next 429 starts again from one minute. */
  succeeded(): void {
    this.hits = 0;
  }

  /** A request failed; only a 429 starts (or lengthens) the back-off. */
  failed(error: PriceFetchError): void {
    if (!error.rateLimited) return;
    this.hits += 1;
    const backoff = error.retryAfterMs === null
      ? Math.min(FIRST_BACKOFF_MS * 2 ** Math.min(this.hits - 1, 10), MAX_BACKOFF_MS)
      : Math.min(error.retryAfterMs, MAX_RETRY_AFTER_MS);
    this.until = this.now() + backoff;
  }
}
