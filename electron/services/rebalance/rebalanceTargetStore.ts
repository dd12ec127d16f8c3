import { join } from 'node:path';
import { z } from 'zod';
import { StrataError } from '../../../shared/errors';
import { DEFAULT_REBALANCE_RULES, RebalanceTarget, type RebalanceRules, type TargetWeights } from '../../../shared/rebalance/rebalanceSchemas';
import { readVersionedDocument } from '../storage/readVersionedDocument';
import { ensurePrivateDir, writeFileAtomic } from '../storage/atomicWrite';

const FILE = 'rebalance-target.json';
const TargetFile = z.strictObject({ version: z.literal(1), target: RebalanceTarget });

/**
 * The saved rebalancing target (`<dataDir>/rebalance-target.json`, versioned, validated, atomic): the weights of the
 * frontier point the user saved and the rebalancing rules. Not secret. The strategy settings say how to optimize;
 * this says what the optimizer chose, so the drift check and the CLI need no price history.
 */
export class RebalanceTargetStore {
  constructor(private readonly dataDir: string) {}

  /** The saved target, or null when none was saved or the file is damaged (left for inspection). @throws IO_ERROR */
  async get(): Promise<RebalanceTarget | null> {
    const read = await readVersionedDocument(join(this.dataDir, FILE), { label: 'rebalancing target', currentVersion: 1, schema: TargetFile, mismatch: 'not a rebalancing target' });
    return read.kind === 'ok' ? read.value.target : null;
  }

  /** The saved target. @throws NO_TARGET when none is saved */
  async require(): Promise<RebalanceTarget> {
    const target = await this.get();
    if (!target) throw new StrataError('NO_TARGET', 'No target allocation is saved: pick a point on the Strategy page and save the strategy');
    return target;
  }

  /** Saves weights (and rules, the saved or default ones for those not given). @throws INVALID_INPUT, IO_ERROR */
  async save(weights: TargetWeights, rules: Partial<RebalanceRules>, now: number): Promise<RebalanceTarget> {
    const previous = (await this.get())?.rules ?? DEFAULT_REBALANCE_RULES;
    const parsed = RebalanceTarget.safeParse({ weights, rules: { ...previous, ...rules }, savedAt: now });
    if (!parsed.success) throw new StrataError('INVALID_INPUT', 'Not a valid rebalancing target', { details: parsed.error.message.slice(0, 2000) });
    await ensurePrivateDir(this.dataDir);
    await writeFileAtomic(join(this.dataDir, FILE), JSON.stringify({ version: 1, target: parsed.data }, null, 2) + '\n');
    return parsed.data;
  }
}
