import { join } from 'node:path';
import { z } from 'zod';
import { readVersionedDocument, type VersionedDocumentFormat } from '../storage/readVersionedDocument';
import { ensurePrivateDir, writeFileAtomic } from '../storage/atomicWrite';
import { PRICE_ID } from './coinGeckoClient';
import { MAX_HISTORY_DAYS } from './priceHistoryClient';
import type { DailyClose } from './priceHistoryCloses';

/** `<dataDir>/price-history/<coingecko-id>.json`, one file per coin. */
export const PRICE_HISTORY_DIR = 'price-history';

const Close = z.tuple([z.string().regex(/^\d{4}-\d{2}-\d{2}$/), z.number().positive()]);

/** Version 1 of a coin's history file. A later format adds a numbered migration from this one. */
const CachedHistory = z.strictObject({
  version: z.literal(1),
  id: z.string().regex(PRICE_ID),
  /** the `days` asked for: a later request for more days refetches */
  days: z.number().int().min(1).max(MAX_HISTORY_DAYS),
  /** ms since epoch when the price service answered */
  fetchedAt: z.number().int().nonnegative(),
  closes: z.array(Close).refine((closes) => closes.every((c, i) => i === 0 || c[0] > (closes[i - 1] as DailyClose)[0]), 'ascending dates'),
});
export type CachedHistory = z.infer<typeof CachedHistory>;

const FORMAT: VersionedDocumentFormat<CachedHistory> = { label: 'price history cache', currentVersion: 1, schema: CachedHistory, mismatch: 'not a price history' };

function historyPath(dataDir: string, id: string): string {
  return join(dataDir, PRICE_HISTORY_DIR, `${id}.json`);
}

/**
 * The cached history of one coin, or null. Never fails: a missing, damaged, unreadable or newer-format file (or one
 * holding another coin) is no cache; the history is fetched again and the next save replaces the file.
 */
export async function loadCachedHistory(dataDir: string, id: string): Promise<CachedHistory | null> {
  try {
    const document = await readVersionedDocument(historyPath(dataDir, id), FORMAT);
    return document.kind === 'ok' && document.value.id === id ? document.value : null;
  } catch {
    return null;
  }
}

/** Writes one coin's history atomically (mode 0600, directories 0700). Throws the underlying Node error. */
export async function saveCachedHistory(dataDir: string, history: CachedHistory): Promise<void> {
  await ensurePrivateDir(join(dataDir, PRICE_HISTORY_DIR));
  await writeFileAtomic(historyPath(dataDir, history.id), `${JSON.stringify(history)}\n`);
}
