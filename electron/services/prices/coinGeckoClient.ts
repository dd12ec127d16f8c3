import { z } from 'zod';
import { StrataError } from '../../../shared/errors';
import { decimalFromNumber } from '../../../shared/portfolio/decimal';

export const COINGECKO_BASE_URL = 'https://api.coingecko.com/api/v3';

/** CoinGecko's documented limit of ids in one simple/price request. */
export const MAX_IDS_PER_REQUEST = 250;

/** CoinGecko ids are lower-case slugs (`usd-coin`, `avalanche-2`); anything else is refused before it reaches a URL. */
export const PRICE_ID = /^[a-z0-9][a-z0-9._-]{0,99}$/;

export interface CoinGeckoClientOptions {
  /** default COINGECKO_BASE_URL; tests point it at a local server */
  baseUrl?: string;
  /** per request, default 10 s */
  timeoutMs?: number;
  /** default the global fetch */
  fetch?: typeof fetch;
}

/**
 * Why a price request failed. `rateLimited` for HTTP 429, with the server's Retry-After in `retryAfterMs` when it
 * sent one; `partial` holds the prices of the batches that succeeded before the failing one.
 */
export class PriceFetchError extends StrataError {
  readonly rateLimited: boolean;
  readonly retryAfterMs: number | null;
  partial: Record<string, string> = {};
  constructor(message: string, options: { cause?: unknown; details?: string; rateLimited?: boolean; retryAfterMs?: number | null } = {}) {
    super('PRICE_UNAVAILABLE', message, { cause: options.cause, details: options.details });
    this.rateLimited = options.rateLimited ?? false;
    this.retryAfterMs = options.retryAfterMs ?? null;
  }
}

/**
 * The simple/price body: `{"ethereum":{"usd":3120.55},"usd-coin":{"usd":0.9998}}`. Unknown ids are simply absent;
 * an entry may lack `usd` (then it has no price) or carry other fields.
 */
const SimplePriceBody = z.record(z.string(), z.looseObject({ usd: z.number().nonnegative().optional() }));

export interface CoinGeckoClient {
  /**
   * USD prices of `ids` as plain decimal strings (12 significant digits at most), in batches of at most 250 ids,
   * one request at a time. Ids CoinGecko does not know are absent from the result.
   * @throws PriceFetchError (PRICE_UNAVAILABLE) at the first batch that fails (offline, timeout, HTTP error,
   *   malformed body), with the earlier batches' prices in `partial`; INVALID_INPUT for an id that is no CoinGecko id
   */
  fetchUsdPrices(ids: readonly string[]): Promise<Record<string, string>>;
}

/** A client for CoinGecko's public `GET /simple/price?ids=…&vs_currencies=usd`. */
export function createCoinGeckoClient(options: CoinGeckoClientOptions = {}): CoinGeckoClient {
  const baseUrl = (options.baseUrl ?? COINGECKO_BASE_URL).replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 10_000;
  const doFetch = options.fetch ?? fetch;

  async function fetchBatch(ids: readonly string[]): Promise<Record<string, string>> {
    // Ids match PRICE_ID, so joining them needs no escaping beyond what URLSearchParams does to the commas.
    const url = `${baseUrl}/simple/price?${new URLSearchParams({ ids: ids.join(','), vs_currencies: 'usd' })}`;
    const text = await getCoinGeckoText(doFetch, url, timeoutMs);
    let body: z.infer<typeof SimplePriceBody>;
    try {
      body = SimplePriceBody.parse(JSON.parse(text));
    } catch (error) {
      throw new PriceFetchError('The price service sent an unexpected answer', { cause: error });
    }
    const prices: Record<string, string> = {};
    for (const id of ids) {
      const usd = Object.hasOwn(body, id) ? body[id]?.usd : undefined;
      if (usd !== undefined) prices[id] = decimalFromNumber(usd);
    }
    return prices;
  }

  return {
    async fetchUsdPrices(ids) {
      const unique = [...new Set(ids)];
      const bad = unique.find((id) => !PRICE_ID.test(id));
      if (bad !== undefined) throw new StrataError('INVALID_INPUT', `Not a CoinGecko id: "${bad.slice(0, 64)}"`);
      const prices: Record<string, string> = {};
      for (let i = 0; i < unique.length; i += MAX_IDS_PER_REQUEST) {
        try {
          Object.assign(prices, await fetchBatch(unique.slice(i, i + MAX_IDS_PER_REQUEST)));
        } catch (error) {
          if (error instanceof PriceFetchError) error.partial = prices;
          throw error;
        }
      }
      return prices;
    },
  };
}

/**
 * GETs one CoinGecko URL and returns the body of a 200 answer.
 * @throws PriceFetchError (PRICE_UNAVAILABLE): offline, timeout, HTTP 429 (rateLimited, with Retry-After) or another
 *   non-2xx status
 */
export async function getCoinGeckoText(doFetch: typeof fetch, url: string, timeoutMs: number): Promise<string> {
  let response: Response;
  let text: string;
  try {
    response = await doFetch(url, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(timeoutMs) });
    text = await response.text();
  } catch (error) {
    const timedOut = (error as Error | undefined)?.name === 'TimeoutError';
    throw new PriceFetchError(timedOut ? 'The price service did not answer in time' : 'The price service cannot be reached', { cause: error });
  }
  if (response.status === 429) {
    throw new PriceFetchError('The price service is rate-limiting us', { details: 'HTTP 429', rateLimited: true, retryAfterMs: retryAfterMs(response.headers.get('retry-after')) });
  }
  if (!response.ok) throw new PriceFetchError(`The price service answered HTTP ${response.status}`, { details: `HTTP ${response.status}` });
  return text;
}

/** Retry-After in seconds or as an HTTP date; null when absent or unreadable. */
function retryAfterMs(header: string | null): number | null {
  if (header === null) return null;
  const value = header.trim();
  if (/^[0-9]{1,7}$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - Date.now());
}
