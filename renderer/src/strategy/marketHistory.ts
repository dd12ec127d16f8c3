import type { Holding } from '../../../shared/domain/portfolio';
import type { PriceHistoryView } from '../../../shared/ipc/contract';

/** A coin the wallet holds, by CoinGecko id, and the column name the optimizer gets for it (its symbol). */
export interface HeldCoin {
  id: string;
  name: string;
}

/**
 * The coins with a price source that the wallet holds a non-zero amount of, grouped by CoinGecko id across chains
 * and accounts (USDC on two chains is one coin; ETH and WETH stay two). Each is named by its symbol, as the
 * Strategy page's holdings are, so today's weights line up with the columns; a symbol two coins share gets the id
 * appended to keep the columns apart.
 */
export function heldCoins(holdings: readonly Holding[]): HeldCoin[] {
  const symbolById = new Map<string, string>();
  for (const h of holdings) {
    if (h.asset.priceId !== null && h.amount !== '0' && !symbolById.has(h.asset.priceId)) symbolById.set(h.asset.priceId, h.asset.symbol.toUpperCase());
  }
  const uses = new Map<string, number>();
  for (const symbol of symbolById.values()) uses.set(symbol, (uses.get(symbol) ?? 0) + 1);
  return [...symbolById]
    .map(([id, symbol]) => ({ id, name: (uses.get(symbol) ?? 0) > 1 ? `${symbol} (${id})` : symbol }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** The history as the price CSV the optimizer worker reads (date, then one column per coin, blank for no price). */
export function historyCsv(view: PriceHistoryView, coins: readonly HeldCoin[]): string {
  const nameOf = new Map(coins.map((c) => [c.id, c.name]));
  const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
  const header = ['date', ...view.assets.map((id) => quote(nameOf.get(id) ?? id))].join(',');
  const rows = view.dates.map((date, t) => [date, ...(view.prices[t] ?? []).map((p) => p ?? '')].join(','));
  return [header, ...rows].join('\n');
}
