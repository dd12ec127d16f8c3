import { join } from 'node:path';
import { z } from 'zod';
import { StrategySettings } from '../../../shared/domain/strategy';
import { StrataError } from '../../../shared/errors';
import { readVersionedDocument } from '../storage/readVersionedDocument';
import { ensurePrivateDir, writeFileAtomic } from '../storage/atomicWrite';

const StrategyFile = z.strictObject({ version: z.literal(1), strategy: StrategySettings });

/** The user's strategy in `<dataDir>/strategy.json` (versioned, validated, atomic). Not secret. */
export class StrategyStore {
  private readonly path: string;

  constructor(private readonly dataDir: string) {
    this.path = join(dataDir, 'strategy.json');
  }

  /** The saved strategy, or null when none was saved or the file is unusable (it is then left for inspection). */
  async get(): Promise<StrategySettings | null> {
    const read = await readVersionedDocument(this.path, { label: 'strategy', currentVersion: 1, schema: StrategyFile, mismatch: 'not a strategy' }).catch(() => null);
    return read?.kind === 'ok' ? read.value.strategy : null;
  }

  /** @throws INVALID_INPUT when the bounds contradict each other */
  async save(strategy: StrategySettings): Promise<StrategySettings> {
    if (strategy.minWeight > strategy.maxWeight) {
      throw new StrataError('INVALID_INPUT', `Minimum weight ${strategy.minWeight} is above the maximum ${strategy.maxWeight}`);
    }
    await ensurePrivateDir(this.dataDir);
    await writeFileAtomic(this.path, JSON.stringify({ version: 1, strategy }, null, 2) + '\n');
    return strategy;
  }
}
