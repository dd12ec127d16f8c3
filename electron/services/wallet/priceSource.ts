import type { PriceInput } from '../../../shared/portfolio/valuePortfolio';

/** USD prices by CoinGecko id; a missing id has no price. Never throws for being offline: stale values instead. */
export interface PriceSource {
  getPrices(ids: string[]): Promise<Record<string, PriceInput>>;
}
