import { join } from 'node:path';
import { z } from 'zod';
import { isPlainDecimal } from '../../../shared/portfolio/decimal';
import { readVersionedDocument } from '../storage/readVersionedDocument';
import { ensurePrivateDir, writeFileAtomic } from '../storage/atomicWrite';
import { PRICE_ID } from './coinGeckoClient';

export const PRICE_CACHE_FILE = 'prices.json';

const CachedPrice = z.strictObject({
  /** USD per whole unit, plain decimal string */
  usd: z.string().max(80).refine(isPlainDecimal, 'plain decimal'),
  /** ms since epoch when the price service returned it */
  fetchedAt: z.number().int().nonnegative(),
});
export type CachedPrice = z.infer<typeof CachedPrice>;

/** Version 1 of `<dataDir>/prices.json`. A later format adds a numbered migration from this one. */
const PriceCacheFile = z.strictObject({
  version: z.literal(1),
  prices: z.record(z.string().regex(PRICE_ID), CachedPrice),
});
type PriceCacheFile = z.infer<typeof PriceCacheFile>;

/**
 * The last known USD price of every id ever fetched, kept in `<dataDir>/prices.json`. Reading never fails: a missing,
 * unreadable, corrupt or newer-format file is an empty cache (prices are refetched; nothing of value is lost), and
 * the next save replaces it.
 */
export async function loadPriceCache(dataDir: string): Promise<Map<string, CachedPrice>> {
  const format = { label: 'price cache', currentVersion: 1, schema: PriceCacheFile, mismatch: 'not a price cache' };
  const read = await readVersionedDocument(join(dataDir, PRICE_CACHE_FILE), format).catch(() => null);
  return read?.kind === 'ok' ? new Map(Object.entries(read.value.prices)) : new Map();
}

/** Writes the cache atomically (mode 0600, directory 0700). Throws the underlying Node error. */
export async function savePriceCache(dataDir: string, prices: ReadonlyMap<string, CachedPrice>): Promise<void> {
  const file: PriceCacheFile = { version: 1, prices: Object.fromEntries([...prices].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) };
  await ensurePrivateDir(dataDir);
  await writeFileAtomic(join(dataDir, PRICE_CACHE_FILE), `${JSON.stringify(file, null, 2)}\n`);
}
