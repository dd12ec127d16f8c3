import { join } from 'node:path';
import { z } from 'zod';
import { ERROR_CODES, StrataError } from '../../../shared/errors';
import { RebalancePlan } from '../../../shared/rebalance/rebalanceSchemas';
import { readVersionedDocument } from '../storage/readVersionedDocument';
import { ensurePrivateDir, writeFileAtomic } from '../storage/atomicWrite';
import { withFileLock } from '../storage/withFileLock';

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
  /** the error code of `error` (absent in records of older builds) */
  code: z.enum(ERROR_CODES).nullable().default(null),
});
export type TradeRecord = z.infer<typeof TradeRecord>;

export const PlanRecord = z.strictObject({ plan: RebalancePlan, trades: z.array(TradeRecord) });
export type PlanRecord = z.infer<typeof PlanRecord>;

const RecordsFile = z.strictObject({ version: z.literal(1), plans: z.array(PlanRecord) });

/**
 * Plans and what each of their trades became, in `<dataDir>/rebalances.json` (versioned, validated, atomic). This
 * is what makes executing a plan idempotent: a trade is claimed (marked started, with its route) BEFORE its transfer
 * is created, so after a crash the transfer is found in the journal instead of being made a second time.
 *
 * Safe across processes (the app and `strata rebalance`, which the app's single-instance lock does not cover): every
 * read goes to the file, and every write re-reads it and changes it under a lock file (`rebalances.json.lock`), so
 * no process writes from a stale copy and only one of them can claim a trade.
 */
export class RebalanceRecords {
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(private readonly dataDir: string) {}

  /** @throws IO_ERROR (unreadable, or written by a newer Strata); a damaged file starts the records empty */
  static async open(dataDir: string): Promise<RebalanceRecords> {
    const records = new RebalanceRecords(dataDir);
    await records.read();
    return records;
  }

  /** A plan's record as the file holds it now. @throws IO_ERROR */
  async get(planId: string): Promise<PlanRecord | null> {
    return (await this.read()).find((p) => p.plan.id === planId) ?? null;
  }

  /** The id of the newest plan recorded (by any process), or null. @throws IO_ERROR */
  async newestPlanId(): Promise<string | null> {
    return (await this.read())[0]?.plan.id ?? null;
  }

  /** Records a new plan, every trade not started. */
  add(plan: RebalancePlan): Promise<PlanRecord> {
    const record: PlanRecord = { plan, trades: plan.trades.map(() => ({ routeId: null, startedAt: null, transferId: null, error: null, code: null })) };
    return this.write((plans) => [record, ...plans].slice(0, KEEP_PLANS)).then(() => structuredClone(record));
  }

  /** Changes one trade's record (one atomic write, in call order). */
  updateTrade(planId: string, index: number, patch: Partial<TradeRecord>): Promise<void> {
    return this.write((plans) => patchTrade(plans, planId, index, patch));
  }

  /**
   * Marks a trade started on `routeId`, unless it already is (by this or another process) or has failed: true when
   * this call claimed it, and only then may its transfer be created.
   */
  async claimTrade(planId: string, index: number, claim: { routeId: string; startedAt: number }): Promise<boolean> {
    let claimed = false;
    await this.write((plans) => {
      const trade = plans.find((p) => p.plan.id === planId)?.trades[index];
      if (!trade || trade.startedAt !== null || trade.transferId !== null || trade.error !== null) return plans;
      claimed = true;
      return patchTrade(plans, planId, index, claim);
    });
    return claimed;
  }

  private async read(): Promise<PlanRecord[]> {
    const read = await readVersionedDocument(join(this.dataDir, FILE), { label: 'rebalancing records', currentVersion: 1, schema: RecordsFile, mismatch: 'not rebalancing records' });
    return read.kind === 'ok' ? read.value.plans : [];
  }

  private write(change: (plans: PlanRecord[]) => PlanRecord[]): Promise<void> {
    const run = this.queue.then(async () => {
      await ensurePrivateDir(this.dataDir);
      await withFileLock(join(this.dataDir, `${FILE}.lock`), 'the rebalancing records', async () => {
        const current = await this.read();
        const changed = change(current);
        if (changed === current) return;
        const parsed = RecordsFile.safeParse({ version: 1, plans: changed });
        if (!parsed.success) throw new StrataError('INTERNAL', 'The rebalancing record does not match the format', { details: parsed.error.message.slice(0, 2000) });
        await writeFileAtomic(join(this.dataDir, FILE), JSON.stringify({ version: 1, plans: parsed.data.plans }) + '\n');
      });
    });
    this.queue = run.catch(() => undefined);
    return run;
  }
}

function patchTrade(plans: PlanRecord[], planId: string, index: number, patch: Partial<TradeRecord>): PlanRecord[] {
  return plans.map((p) => (p.plan.id === planId ? { ...p, trades: p.trades.map((t, i) => (i === index ? { ...t, ...patch } : t)) } : p));
}
