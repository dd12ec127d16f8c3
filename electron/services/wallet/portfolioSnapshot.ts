import { join } from 'node:path';
import { z } from 'zod';
import { Portfolio } from '../../../shared/domain/portfolio';
import { readVersionedDocument } from '../storage/readVersionedDocument';
import { ensurePrivateDir, writeFileAtomic } from '../storage/atomicWrite';

export const PORTFOLIO_SNAPSHOT_FILE = 'portfolio.json';
const SnapshotFile = z.strictObject({ version: z.literal(1), portfolio: Portfolio });

/**
 * The last refreshed portfolio in `<dataDir>/portfolio.json` (mode 0600, written atomically), so an unlock or a
 * restart shows the last known figures, with their age, before the next refresh answers. It holds what the
 * activity journal beside it already holds (addresses, amounts), and main serves it only while unlocked.
 */
export class PortfolioSnapshot {
  private readonly path: string;

  constructor(private readonly dataDir: string) {
    this.path = join(dataDir, PORTFOLIO_SNAPSHOT_FILE);
  }

  /** The saved portfolio, or null when there is none, it is damaged, or was written by a newer Strata. */
  async load(): Promise<Portfolio | null> {
    const read = await readVersionedDocument(this.path, { label: 'portfolio snapshot', currentVersion: 1, schema: SnapshotFile, mismatch: 'not a portfolio' }).catch(() => null);
    return read?.kind === 'ok' ? read.value.portfolio : null;
  }

  /** Saves a refreshed portfolio; a portfolio that was never read is not saved. Throws the file system's error. */
  async save(portfolio: Portfolio): Promise<void> {
    if (portfolio.updatedAt === null) return;
    await ensurePrivateDir(this.dataDir);
    await writeFileAtomic(this.path, JSON.stringify({ version: 1, portfolio }) + '\n');
  }
}
