import { StrataError } from '../../../shared/errors';
import type { FoundRoute } from './findRoutes';

/** How long a found route can be started: quotes move, so an older one must be found again. */
export const QUOTE_TTL_MS = 5 * 60_000;

/**
 * The quotes found in the last QUOTE_TTL_MS, by quote id (`route.id`), each with the plan behind it. A quote is
 * taken once: starting it removes it, so a second start of the same quote is refused. Searches never replace each
 * other's quotes, even for the same path.
 */
export class QuoteBook {
  private readonly quotes = new Map<string, { found: FoundRoute; expiresAt: number }>();

  constructor(
    private readonly now: () => number,
    private readonly ttlMs = QUOTE_TTL_MS,
  ) {}

  /** Keeps every found route under its quote id until now + ttl. */
  keep(found: readonly FoundRoute[]): void {
    this.prune();
    const expiresAt = this.now() + this.ttlMs;
    for (const f of found) this.quotes.set(f.route.id, { found: f, expiresAt });
  }

  /** The kept quote, still kept. @throws QUOTE_EXPIRED (unknown, expired, or already started) */
  get(quoteId: string): FoundRoute {
    this.prune();
    const kept = this.quotes.get(quoteId);
    if (!kept) throw new StrataError('QUOTE_EXPIRED', 'This quote has expired or was already started: find routes again');
    return kept.found;
  }

  /** Removes a quote (it was started). */
  remove(quoteId: string): void {
    this.quotes.delete(quoteId);
  }

  /** Forgets every quote (on lock). */
  clear(): void {
    this.quotes.clear();
  }

  private prune(): void {
    const now = this.now();
    for (const [id, kept] of this.quotes) if (kept.expiresAt <= now) this.quotes.delete(id);
  }
}
