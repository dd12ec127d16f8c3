import { readFile } from 'node:fs/promises';
import { StrataError } from '../../../shared/errors';
import { parsePrices } from '../../../shared/optimizer/parsePrices';
import type { PriceTable } from '../../../shared/optimizer/types';
import { MAX_HISTORY_DAYS } from '../../services/prices/priceHistoryClient';
import { DEFAULT_HISTORY_DAYS, PriceHistoryService } from '../../services/prices/priceHistoryService';
import { requireString } from '../args';
import type { CliIo } from '../io';

/** The options `optimize` and `frontier` take to say where prices come from. */
export const PRICE_SOURCE_OPTIONS = {
  prices: { type: 'string' },
  history: { type: 'string' },
  assets: { type: 'string' },
  days: { type: 'string' },
  dir: { type: 'string' },
} as const;

/**
 * The price table for `optimize` / `frontier`: a CSV file (`--prices <csv>`), or CoinGecko's daily closes
 * (`--history coingecko --assets <id,id,...> [--days N] --dir <path>`) through the app's history service and its
 * cache under `<dir>/price-history/` (fetched at most once a UTC day). The API base URL is $STRATA_PRICE_API_URL
 * when set (tests point it at a local server). A stale column (the service failed, an older copy was used) is said
 * on stderr; a coin with no history at all is an error.
 * @throws INVALID_INPUT for missing or conflicting flags; IO_ERROR for an unreadable file; PRICES_INVALID;
 *   PRICE_UNAVAILABLE naming the coins without history
 */
export async function loadPriceTable(opts: Record<string, string | boolean | undefined>, io: CliIo): Promise<PriceTable> {
  if (opts.history === undefined) {
    if (opts.assets !== undefined || opts.days !== undefined) throw new StrataError('INVALID_INPUT', '--assets and --days go with --history coingecko');
    return parsePrices(await readPriceFile(requireString(opts.prices, 'prices')));
  }
  if (opts.prices !== undefined) throw new StrataError('INVALID_INPUT', 'Give either --prices or --history, not both');
  if (opts.history !== 'coingecko') throw new StrataError('INVALID_INPUT', '--history must be coingecko');
  const dir = requireString(opts.dir, 'dir');
  const ids = requireString(opts.assets, 'assets').split(',').map((id) => id.trim());
  const days = opts.days === undefined ? DEFAULT_HISTORY_DAYS : Number(opts.days);
  if (!(typeof opts.days !== 'string' || /^[0-9]{1,3}$/.test(opts.days)) || days < 2 || days > MAX_HISTORY_DAYS) {
    throw new StrataError('INVALID_INPUT', `--days must be a whole number from 2 to ${MAX_HISTORY_DAYS}`);
  }
  const service = new PriceHistoryService(dir, { baseUrl: io.env.STRATA_PRICE_API_URL || undefined });
  const history = await service.getHistory(ids, { days });
  if (history.missing.length > 0) {
    throw new StrataError('PRICE_UNAVAILABLE', `No price history for ${history.missing.map((m) => `${m.id} (${m.error.message})`).join(', ')}`);
  }
  for (const [id, source] of Object.entries(history.sources)) {
    if (source.stale) io.stderr(`strata: warning: the price history of ${id} is from ${new Date(source.fetchedAt).toISOString()}: the price service could not be asked today\n`);
  }
  return history.table;
}

async function readPriceFile(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    throw new StrataError('IO_ERROR', `Cannot read the price file ${JSON.stringify(path)}: ${code}`);
  }
}
