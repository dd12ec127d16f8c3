import { join } from 'node:path';
import { z } from 'zod';
import { StrataError } from '../../../shared/errors';
import { RebalancePlan } from '../../../shared/rebalance/rebalanceSchemas';
import { readVersionedDocument } from '../storage/readVersionedDocument';
import { ensurePrivateDir, writeFileAtomic } from '../vault/atomicWrite';

const FILE = 'rebalances.json';
/** Older plans are forgotten: their transfers stay in the transfer journal. */
const KEEP_PLANS = 20;

/** What became of one trade: the route it was started on, when, and its transfer once the journal has it. */
export const TradeRecord = z.strictObject({
  routeId: z.string().nullable(),
  startedAt: z.number().int().nullable(),
  transferId: z.string().nullable(),
  /** why the trade could not start (nothing was sent); the plan stops there */
  error: z.string().nullable(),
});
export type TradeRecord = z.infer<typeof TradeRecord>;

export const PlanRecord = z.strictObject({ plan: RebalancePlan, trades: z.array(TradeRecord) });
export type PlanRecord = z.infer<typeof PlanRecord>;

const RecordsFile = z.strictObject({ version: z.literal(1), plans: z.array(PlanRecord) });

/**
 * Plans and what each of their trades became, in `<dataDir>/rebalances.json` (versioned, validated, atomic). This
 * is what makes executing a plan idempotent: a trade is marked started (with its route) BEFORE its transfer is
 * created, so after a crash the transfer is found in the journal instead of being made a second time.
 */
export class RebalanceRecords {
  private plans: PlanRecord[] = [];
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(private readonly dataDir: string) {}

  /** @throws IO_ERROR (unreadable, or written by a newer Strata); a damaged file starts the records empty */
  static async open(dataDir: string): Promise<RebalanceRecords> {
    const records = new RebalanceRecords(dataDir);
    const read = await readVersionedDocument(join(dataDir, FILE), { label: 'rebalancing records', currentVersion: 1, schema: RecordsFile, mismatch: 'not rebalancing records' });
    if (read.kind === 'ok') records.plans = read.value.plans;
    return records;
  }

  get(planId: string): PlanRecord | null {
    const found = this.plans.find((p) => p.plan.id === planId);
    return found ? structuredClone(found) : null;
  }

  /** Records a new plan, every trade not started. */
  add(plan: RebalancePlan): Promise<PlanRecord> {
    const record: PlanRecord = { plan, trades: plan.trades.map(() => ({ routeId: null, startedAt: null, transferId: null, error: null })) };
    return this.write((plans) => [record, ...plans].slice(0, KEEP_PLANS)).then(() => structuredClone(record));
  }

  /** Changes one trade's record (one atomic write, in call order). */
  updateTrade(planId: string, index: number, patch: Partial<TradeRecord>): Promise<void> {
    return this.write((plans) =>
      plans.map((p) => (p.plan.id === planId ? { ...p, trades: p.trades.map((t, i) => (i === index ? { ...t, ...patch } : t)) } : p)),
    );
  }

  private write(change: (plans: PlanRecord[]) => PlanRecord[]): Promise<void> {
    const run = this.queue.then(async () => {
      const parsed = RecordsFile.safeParse({ version: 1, plans: change(this.plans) });
      if (!parsed.success) throw new StrataError('INTERNAL', 'The rebalancing record does not match the format', { details: parsed.error.message.slice(0, 2000) });
      const next = parsed.data.plans;
      await ensurePrivateDir(this.dataDir);
      await writeFileAtomic(join(this.dataDir, FILE), JSON.stringify({ version: 1, plans: next }) + '\n');
      this.plans = next;
    });
    this.queue = run.catch(() => undefined);
    return run;
  }
}
