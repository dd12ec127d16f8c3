import type { PriceHistoryView } from '../../../shared/ipc/contract';
import type { CoreContext } from '../app/coreContext';
import type { PriceHistory } from '../prices/priceHistoryService';
import type { AppHandlers } from './appHandlers';

/** `prices.history`: public market data, so it works locked as well as unlocked. */
export function createPriceHistoryHandlers(ctx: CoreContext): Pick<AppHandlers, 'prices.history'> {
  return {
    'prices.history': async ({ ids, days }) =>
      priceHistoryView(await ctx.priceHistory.getHistory(ids, { days, onProgress: (progress) => ctx.emit('prices.historyProgress', progress) })),
  };
}

/** The IPC form: prices as decimal strings (String(number) reads back to the same number), missing coins flattened. */
export function priceHistoryView(history: PriceHistory): PriceHistoryView {
  const { table, sources, missing } = history;
  return {
    dates: table.dates,
    assets: table.assets,
    prices: table.prices.map((row) => row.map((usd) => (usd === null ? null : String(usd)))),
    sources,
    missing: missing.map(({ id, error }) => ({ id, code: error.code, message: error.message })),
  };
}
